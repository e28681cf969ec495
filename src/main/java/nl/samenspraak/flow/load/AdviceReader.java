package nl.samenspraak.flow.load;

import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Condition;
import nl.samenspraak.flow.Names;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.samenspraak.flow.load.YamlNodes.line;
import static nl.samenspraak.flow.load.YamlNodes.scalar;
import static nl.samenspraak.flow.load.YamlNodes.sequence;

/**
 * Reads a flow's advice rules ({@code advice:}): when each tip applies, how important it is, its source, which
 * other tips it makes unnecessary and whether it is a red flag ({@code flag: true}, true or false only). Read after the steps, because a rule's condition names them, and checked as a
 * whole, because a rule may only suppress rules of the same flow.
 */
final class AdviceReader {
    private static final Set<String> KEYS = Set.of("id", "when", "priority", "source", "suppresses", "flag");

    private final FieldReader fields;
    private final ConditionReader conditions;

    AdviceReader(FieldReader fields, ConditionReader conditions) {
        this.fields = fields;
        this.conditions = conditions;
    }

    /** The rules that could be read, in file order; a rule whose id an earlier one has is said and left out. */
    List<AdviceRule> readAll(Node node) {
        List<AdviceRule> advice = new ArrayList<>();
        List<Node> adviceNodes = node == null ? List.of() : sequence(node);
        if (adviceNodes == null) {
            fields.problem(node, "flowparse.advice_not_a_list");
        } else {
            Set<String> adviceIds = new LinkedHashSet<>();
            List<Node> kept = new ArrayList<>(); // each kept rule's own node: its problems are said at its line
            for (Node n : adviceNodes) {
                AdviceRule rule = rule(n);
                if (rule != null && !adviceIds.add(rule.id())) {
                    fields.problem(n, "flowparse.advice_twice", "advice", rule.id());
                } else if (rule != null) {
                    advice.add(rule);
                    kept.add(n);
                }
            }
            for (int i = 0; i < advice.size(); i++) {
                AdviceRule rule = advice.get(i);
                for (String other : rule.suppresses()) {
                    if (!adviceIds.contains(other) || other.equals(rule.id())) {
                        fields.problem(kept.get(i), "flowparse.suppresses_unknown", "advice", rule.id(), "other", other);
                    }
                }
            }
        }
        return advice;
    }

    private AdviceRule rule(Node node) {
        Map<String, Node> m = fields.mapping(node, KEYS, "flowparse.advice_not_a_mapping", "flowparse.unknown_advice_key");
        if (m == null) {
            return null;
        }
        String id = fields.requiredText(m, "id", node);
        if (id != null && !Names.isPartName(id)) {
            fields.problem(m.get("id"), "flowparse.advice_id", "advice", id);
        }
        if (!m.containsKey("when")) {
            fields.problem(node, "flowparse.advice_no_when", "advice", id);
            return null;
        }
        Condition when = conditions.read(m.get("when"));
        Double priority = fields.number(m, "priority");
        String source = scalar(m.get("source"));
        if (source == null || source.isBlank()) {
            fields.problem(node, "flowparse.advice_no_source", "advice", id);
        }
        List<String> suppresses = fields.textList(m.get("suppresses"), "suppresses");
        boolean flag = fields.flag(m, "flag");
        if (id == null || when == null) {
            return null;
        }
        return new AdviceRule(id, when, priority == null ? 5 : priority.intValue(), source, suppresses, flag, line(node));
    }
}
