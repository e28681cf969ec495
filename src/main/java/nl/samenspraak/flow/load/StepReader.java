package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Benchmark;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Names;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.flow.Transition;
import org.yaml.snakeyaml.nodes.Node;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static nl.samenspraak.flow.load.YamlNodes.line;
import static nl.samenspraak.flow.load.YamlNodes.mapping;
import static nl.samenspraak.flow.load.YamlNodes.scalar;

/**
 * Reads a flow's steps ({@code steps:}): each step's type and the keys that type allows, its bounds, and through
 * {@link OptionsReader}, {@link WaysOutReader} and {@link BenchmarkReader} its options, ways out and benchmark. A step
 * is checked on its own here; how the steps hang together is {@link FlowValidator}'s.
 */
final class StepReader {
    private static final Set<String> KEYS = Set.of("id", "type", "optional", "options", "min", "max", "maxLength",
            "dimension", "reverse", "dontKnow", "next", "source", "theme", "consent", "benchmark", "notBefore", "notAfter", "integer",
            "voice");
    private static final int DEFAULT_MAX_LENGTH = 2000;

    private final FieldReader fields;
    /** The flow's dimensions: the only ones a step may score into. */
    private final Set<String> dimensions;
    private final OptionsReader optionsReader;
    private final WaysOutReader waysOut;
    private final BenchmarkReader benchmarks;

    StepReader(FieldReader fields, ConditionReader conditions, Set<String> stepIds, Set<String> dimensions) {
        this.fields = fields;
        this.dimensions = dimensions;
        this.optionsReader = new OptionsReader(fields, dimensions);
        this.waysOut = new WaysOutReader(fields, conditions, stepIds);
        this.benchmarks = new BenchmarkReader(fields);
    }

    /** The ids the steps give themselves, in file order, known before any step is read: a way out may go forward. */
    static Set<String> ids(List<Node> stepNodes) {
        Set<String> stepIds = new LinkedHashSet<>();
        for (Node n : stepNodes) {
            String sid = id(n);
            if (sid != null) {
                stepIds.add(sid);
            }
        }
        return stepIds;
    }

    private static String id(Node step) {
        Map<String, Node> m = mapping(step);
        return m == null ? null : scalar(m.get("id"));
    }

    /** The steps that could be read, in file order; a step whose id an earlier one has is said and left out. */
    List<Step> readAll(List<Node> stepNodes) {
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Node n : stepNodes) {
            String sid = id(n);
            boolean duplicate = sid != null && !seen.add(sid);
            if (duplicate) {
                fields.problem(n, "flowparse.step_twice", "step", sid);
            }
            if (steps.size() == Flow.MOST_STEPS) {
                // once, at the first step too many (a conversation's path must fit its column)
                fields.problem(n, "flowparse.too_many_steps", "max", Flow.MOST_STEPS);
            }
            Step step = step(n);
            if (step != null && !duplicate) {
                steps.add(step);
            }
        }
        return steps;
    }

    private Step step(Node node) {
        Map<String, Node> m = fields.mapping(node, KEYS, "flowparse.step_not_a_mapping", "flowparse.unknown_step_key");
        if (m == null) {
            return null;
        }
        String id = fields.requiredText(m, "id", node);
        String typeName = fields.requiredText(m, "type", node);
        if (id == null || typeName == null) {
            return null;
        }
        if (!Names.isPartName(id)) {
            fields.problem(m.get("id"), "flowparse.step_id", "step", id);
        }
        Optional<StepType> type = StepType.fromKey(typeName);
        if (type.isEmpty()) {
            fields.problem(m.get("type"), "flowparse.step_type", "type", typeName);
            return null;
        }
        StepType t = type.get();
        boolean optional = fields.flag(m, "optional");
        boolean dontKnow = fields.flag(m, "dontKnow");
        boolean reverse = fields.flag(m, "reverse");
        boolean consent = fields.flag(m, "consent");
        boolean integer = fields.flag(m, "integer");
        if (integer && t != StepType.NUMBER) {
            fields.problem(m.get("integer"), "flowparse.integer_type", "step", id);
        }
        boolean voice = fields.flag(m, "voice");
        if (voice && t != StepType.TEXT) {
            fields.problem(m.get("voice"), "flowparse.voice_type", "step", id);
        }
        Double min = fields.number(m, "min");
        Double max = fields.number(m, "max");
        Double maxLengthRead = fields.number(m, "maxLength");
        Integer maxLength = maxLengthRead == null ? null : maxLengthRead.intValue();
        String dimension = scalar(m.get("dimension"));
        if (dimension != null && !dimensions.contains(dimension)) {
            fields.problem(m.get("dimension"), "flowparse.dimension_unknown", "step", id, "dimension", dimension);
        }
        if (consent && t != StepType.YESNO) {
            fields.problem(m.get("consent"), "flowparse.consent_type", "step", id);
        }
        List<Option> options = optionsReader.read(id, t, m, min, max, dontKnow, dimension, reverse);
        switch (t) {
            case MULTI -> {
                if (min == null) {
                    min = optional ? 0.0 : 1.0;
                }
                if (max == null) {
                    max = (double) options.size();
                }
                if (min > max || max > options.size()) {
                    fields.problem(node, "flowparse.multi_bounds", "step", id, "options", options.size());
                }
            }
            case SCALE -> {
                if (min == null || max == null || min >= max || max - min > 10
                        || min != Math.rint(min) || max != Math.rint(max)) {
                    fields.problem(node, "flowparse.scale_bounds", "step", id);
                }
            }
            case NUMBER -> {
                if (min != null && max != null && min > max) {
                    fields.problem(node, "flowparse.min_above_max", "step", id);
                }
            }
            case TEXT -> {
                if (maxLength == null) {
                    maxLength = DEFAULT_MAX_LENGTH;
                } else if (maxLength < 1 || maxLength > Step.LONGEST_TEXT) {
                    fields.problem(m.get("maxLength"), "flowparse.max_length", "step", id, "max", Step.LONGEST_TEXT);
                }
            }
            default -> {
            }
        }
        if (t == StepType.INFO && optional) {
            fields.problem(m.get("optional"), "flowparse.info_optional", "step", id);
        }
        List<Transition> next = waysOut.read(id, m.get("next"));
        String source = scalar(m.get("source"));
        if (source == null || source.isBlank()) {
            fields.problem(node, "flowparse.step_no_source", "step", id);
        }
        Benchmark benchmark = m.containsKey("benchmark") ? benchmarks.read(id, t, m.get("benchmark")) : null;
        if (t != StepType.MULTI && options.stream().anyMatch(Option::exclusive)) {
            fields.problem(m.get("options"), "flowparse.exclusive_type", "step", id);
        }
        String notBefore = dateBound(id, t, m, "notBefore");
        String notAfter = dateBound(id, t, m, "notAfter");
        if (notBefore != null && notAfter != null && !notBefore.equals(Step.TODAY) && !notAfter.equals(Step.TODAY)
                && notBefore.compareTo(notAfter) > 0) {
            fields.problem(m.get("notBefore"), "flowparse.not_before_after", "step", id);
        }
        return new Step(id, t, optional, options, min, max, maxLength, dimension, reverse, next, source,
                scalar(m.get("theme")), consent, benchmark, notBefore, notAfter, line(node), integer, voice);
    }

    /** A date step's bound: {@code today} or a date yyyy-mm-dd; null when the step names none. */
    private String dateBound(String stepId, StepType type, Map<String, Node> m, String key) {
        Node node = m.get(key);
        if (node == null) {
            return null;
        }
        String value = scalar(node);
        if (type != StepType.DATE) {
            fields.problem(node, "flowparse.date_bound_type", "step", stepId, "key", key);
            return null;
        }
        if (Step.TODAY.equals(value)) {
            return value;
        }
        try {
            return LocalDate.parse(value == null ? "" : value.trim()).toString();
        } catch (DateTimeParseException e) {
            fields.problem(node, "flowparse.date_bound", "step", stepId, "key", key, "value", value);
            return null;
        }
    }
}
