package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Names;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.samenspraak.flow.load.FieldReader.parseNumber;
import static nl.samenspraak.flow.load.YamlNodes.line;
import static nl.samenspraak.flow.load.YamlNodes.mapping;
import static nl.samenspraak.flow.load.YamlNodes.scalar;
import static nl.samenspraak.flow.load.YamlNodes.sequence;

/**
 * Reads the answers a step offers and the points each is worth. What a step offers depends on its type (a scale's
 * options come from its bounds, yes/no has its own two, a choice lists them), so the step's type and bounds are read
 * first, by {@link StepReader}, and handed here.
 */
final class OptionsReader {
    private static final Set<String> KEYS = Set.of("value", "points", "dontKnow", "exclusive");

    private final FieldReader fields;
    /** The flow's dimensions: the only ones an option may give points in. */
    private final Set<String> dimensions;

    OptionsReader(FieldReader fields, Set<String> dimensions) {
        this.fields = fields;
        this.dimensions = dimensions;
    }

    /**
     * The options of a step of {@code type} whose keys are {@code m}: for a scale one per whole number from
     * {@code min} to {@code max} (scored into {@code dimension}, the other way round when {@code reverse}); for yes/no
     * yes and no; for a choice the ones it lists; a don't-know option added when {@code dontKnow}.
     */
    List<Option> read(String stepId, StepType type, Map<String, Node> m, Double min, Double max,
                      boolean dontKnow, String dimension, boolean reverse) {
        List<Option> options = new ArrayList<>();
        int line = line(m.get("id"));
        switch (type) {
            case SCALE -> {
                if (m.containsKey("options")) {
                    fields.problem(m.get("options"), "flowparse.scale_options", "step", stepId);
                }
                if (min != null && max != null && min < max && max - min <= 10) {
                    for (int v = min.intValue(); v <= max.intValue(); v++) {
                        double points = reverse ? max - v : v - min;
                        options.add(new Option(Integer.toString(v),
                                dimension == null ? Map.of() : Map.of(dimension, points), false, line));
                    }
                }
                if (dontKnow) {
                    options.add(new Option(Step.DONT_KNOW, Map.of(), true, line));
                }
            }
            case YESNO -> {
                Map<String, Map<String, Double>> points = new LinkedHashMap<>();
                if (m.containsKey("options")) {
                    List<Option> declared = declaredOptions(stepId, m.get("options"));
                    for (Option o : declared) {
                        if (!o.value().equals(Step.YES) && !o.value().equals(Step.NO)) {
                            fields.problem(m.get("options"), "flowparse.yesno_options", "step", stepId);
                        }
                        points.put(o.value(), o.points());
                    }
                    if (declared.stream().anyMatch(Option::exclusive)) { // yes and no are built below, without it
                        fields.problem(m.get("options"), "flowparse.exclusive_type", "step", stepId);
                    }
                }
                options.add(new Option(Step.YES, points.getOrDefault(Step.YES, Map.of()), false, line));
                options.add(new Option(Step.NO, points.getOrDefault(Step.NO, Map.of()), false, line));
                if (dontKnow) {
                    options.add(new Option(Step.DONT_KNOW, Map.of(), true, line));
                }
            }
            case CHOICE, MULTI -> {
                if (!m.containsKey("options")) {
                    fields.problem(m.get("type"), "flowparse.options_missing", "step", stepId, "type", type.key());
                    return options;
                }
                options.addAll(declaredOptions(stepId, m.get("options")));
                if (dontKnow && options.stream().noneMatch(Option::dontKnow)) {
                    if (options.size() == Step.MOST_OPTIONS) {
                        fields.problem(m.get("dontKnow"), "flowparse.too_many_options_dont_know", "step", stepId,
                                "max", Step.MOST_OPTIONS);
                    }
                    options.add(new Option(Step.DONT_KNOW, Map.of(), true, line));
                }
                if (options.size() < 2) {
                    fields.problem(m.get("options"), "flowparse.two_options", "step", stepId);
                }
            }
            default -> {
                if (m.containsKey("options")) {
                    fields.problem(m.get("options"), "flowparse.no_options", "step", stepId, "type", type.key());
                }
            }
        }
        return options;
    }

    private List<Option> declaredOptions(String stepId, Node node) {
        List<Node> list = sequence(node);
        if (list == null) {
            fields.problem(node, "flowparse.options_not_a_list", "step", stepId);
            return List.of();
        }
        List<Option> options = new ArrayList<>();
        Set<String> values = new LinkedHashSet<>();
        for (Node n : list) {
            String value = scalar(n);
            Map<String, Double> points = Map.of();
            boolean dontKnow = false;
            boolean exclusive = false;
            if (value == null) {
                Map<String, Node> om = fields.mapping(n, KEYS, "flowparse.option_form", "flowparse.unknown_option_key",
                        "step", stepId);
                if (om == null) {
                    continue;
                }
                value = scalar(om.get("value"));
                dontKnow = fields.flag(om, "dontKnow");
                exclusive = fields.flag(om, "exclusive");
                points = points(stepId, om.get("points"));
            }
            if (value == null || value.isBlank()) {
                fields.problem(n, "flowparse.option_no_value", "step", stepId);
                continue;
            }
            if (!Names.isPartName(value) && !value.equals(Step.DONT_KNOW)) {
                fields.problem(n, "flowparse.option_value", "step", stepId, "value", value);
            }
            if (!values.add(value)) {
                fields.problem(n, "flowparse.option_twice", "step", stepId, "value", value);
                continue;
            }
            if (options.size() == Step.MOST_OPTIONS) {
                // once, at the first option too many (see Step.MOST_OPTIONS)
                fields.problem(n, "flowparse.too_many_options", "step", stepId, "max", Step.MOST_OPTIONS, "option", value);
            }
            options.add(new Option(value, points, dontKnow || value.equals(Step.DONT_KNOW), exclusive, line(n)));
        }
        return options;
    }

    private Map<String, Double> points(String stepId, Node node) {
        if (node == null) {
            return Map.of();
        }
        Map<String, Node> m = mapping(node);
        if (m == null) {
            fields.problem(node, "flowparse.points_not_a_mapping", "step", stepId);
            return Map.of();
        }
        Map<String, Double> points = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            if (!dimensions.contains(e.getKey())) {
                fields.problem(e.getValue(), "flowparse.points_dimension", "step", stepId, "dimension", e.getKey());
                continue;
            }
            Double value = parseNumber(scalar(e.getValue()));
            if (value == null) {
                fields.problem(e.getValue(), "flowparse.points_not_numbers", "step", stepId);
            } else {
                points.put(e.getKey(), value);
            }
        }
        return points;
    }
}
