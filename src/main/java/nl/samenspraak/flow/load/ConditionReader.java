package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Bands;
import nl.samenspraak.flow.Condition;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Set;

import static nl.samenspraak.flow.load.YamlNodes.line;
import static nl.samenspraak.flow.load.YamlNodes.scalar;

/**
 * Compiles the conditions of one flow (a way out's {@code if:}, an advice rule's {@code when:}) against what that flow
 * has: its step ids, its dimensions and its bands, so a condition that names anything else is a problem at its line.
 * Made once the steps' ids and the bands are known, which is why those are read first.
 */
final class ConditionReader {
    private final FieldReader fields;
    private final Set<String> stepIds;
    private final Set<String> dimensions;
    private final Bands bands;

    ConditionReader(FieldReader fields, Set<String> stepIds, Set<String> dimensions, Bands bands) {
        this.fields = fields;
        this.stepIds = stepIds;
        this.dimensions = dimensions;
        this.bands = bands;
    }

    /** The condition written at {@code node}; null when there is none or it can't be used (said as problems). */
    Condition read(Node node) {
        String text = scalar(node);
        if (text == null || text.isBlank()) {
            fields.problem(node, "flowparse.condition_empty");
            return null;
        }
        JexlConditions.Compiled compiled = JexlConditions.compile(text, fields.file(), line(node), stepIds, dimensions, bands);
        compiled.problems().forEach(e -> fields.problem(node, e.key(), e.args()));
        return compiled.condition();
    }
}
