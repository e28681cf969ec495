package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Condition;
import nl.samenspraak.flow.Transition;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.samenspraak.flow.load.YamlNodes.line;
import static nl.samenspraak.flow.load.YamlNodes.mapping;
import static nl.samenspraak.flow.load.YamlNodes.scalar;
import static nl.samenspraak.flow.load.YamlNodes.sequence;

/**
 * Reads a step's ways out ({@code next:}): one step to go to, or a list of {@code goto:} with an optional {@code if:}.
 * Every target must be a step of the flow or {@code end}; whether the steps can all be reached is
 * {@link FlowValidator}'s to say.
 */
final class WaysOutReader {
    private static final Set<String> KEYS = Set.of("if", "goto");

    private final FieldReader fields;
    private final ConditionReader conditions;
    private final Set<String> stepIds;

    WaysOutReader(FieldReader fields, ConditionReader conditions, Set<String> stepIds) {
        this.fields = fields;
        this.conditions = conditions;
        this.stepIds = stepIds;
    }

    List<Transition> read(String stepId, Node node) {
        if (node == null) {
            return List.of();
        }
        String single = scalar(node);
        if (single != null) {
            checkTarget(stepId, single, node);
            return List.of(new Transition(null, single, line(node)));
        }
        List<Node> list = sequence(node);
        if (list == null) {
            fields.problem(node, "flowparse.next_form", "step", stepId);
            return List.of();
        }
        List<Transition> transitions = new ArrayList<>();
        for (Node n : list) {
            Map<String, Node> m = mapping(n);
            if (m == null || !m.containsKey("goto")) {
                fields.problem(n, "flowparse.way_out_goto", "step", stepId);
                continue;
            }
            fields.unknownKeys(m, KEYS, "flowparse.unknown_way_out_key");
            String target = scalar(m.get("goto"));
            checkTarget(stepId, target, m.get("goto"));
            Condition condition = null;
            if (m.containsKey("if")) {
                condition = conditions.read(m.get("if"));
                if (condition == null) {
                    continue;
                }
            }
            transitions.add(new Transition(condition, target, line(n)));
        }
        return transitions;
    }

    private void checkTarget(String stepId, String target, Node node) {
        if (target == null || (!Transition.END.equals(target) && !stepIds.contains(target))) {
            fields.problem(node, "flowparse.target_missing", "step", stepId, "target", target);
        }
    }
}
