package nl.samenspraak.flow.load;

import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Audience;
import nl.samenspraak.flow.Bands;
import nl.samenspraak.flow.Benchmark;
import nl.samenspraak.flow.Condition;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.flow.Transition;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static nl.samenspraak.flow.load.YamlNodes.line;
import static nl.samenspraak.flow.load.YamlNodes.mapping;
import static nl.samenspraak.flow.load.YamlNodes.scalar;
import static nl.samenspraak.flow.load.YamlNodes.sequence;

/**
 * Turns one flow file into a {@link Flow}, reporting every problem it meets with its line instead of
 * stopping at the first. Cross-step checks (reachability, loops, texts) are {@link FlowValidator}'s.
 */
public final class FlowParser {
    private static final Pattern FLOW_ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> FLOW_KEYS = Set.of("id", "audience", "languages", "dimensions", "showScores", "dashboard",
            "steps", "advice", "demo", "minimumGroupSize", "retention", "bands", "result", "maxTips");
    private static final Set<String> STEP_KEYS = Set.of("id", "type", "optional", "options", "min", "max", "maxLength",
            "dimension", "reverse", "dontKnow", "next", "source", "theme", "consent", "benchmark", "notBefore", "notAfter", "integer",
            "voice");
    private static final Set<String> BENCHMARK_KEYS = Set.of("figures", "of", "percent", "source");
    private static final Set<String> OPTION_KEYS = Set.of("value", "points", "dontKnow", "exclusive");
    private static final Set<String> ADVICE_KEYS = Set.of("id", "when", "priority", "source", "suppresses");
    private static final Set<String> RESULT_READERS = Set.of(Flow.RESULT_FOR_PERSON, Flow.RESULT_FOR_PROFESSIONAL);
    private static final int DEFAULT_MAX_LENGTH = 2000;

    private final String file;
    private final List<Problem> problems;
    private final FieldReader fields;
    /** The flow's bands, read before any condition so conditions may name them. */
    private Bands bands;
    private ConditionReader conditions;
    private WaysOutReader waysOut;

    private FlowParser(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
        this.fields = new FieldReader(file, problems);
    }

    /**
     * Parses {@code content}; {@code textsForVersion} is everything else that defines what a person sees
     * (the flow's locale files), hashed into the version together with the flow file.
     */
    public static Optional<Flow> parse(String file, String content, String textsForVersion, List<Problem> problems) {
        return new FlowParser(file, problems).parse(content, textsForVersion);
    }

    private Optional<Flow> parse(String content, String textsForVersion) {
        Optional<Node> root = YamlNodes.parse(file, content, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Node> top = mapping(root.get());
        if (top == null) {
            fields.problem(root.get(), "flowparse.flow_not_a_mapping");
            return Optional.empty();
        }
        fields.unknownKeys(top, FLOW_KEYS, "flowparse.unknown_flow_key");
        String id = fields.requiredText(top, "id", root.get());
        if (id != null && !FLOW_ID.matcher(id).matches()) {
            fields.problem(top.get("id"), "flowparse.flow_id", "id", id);
        }
        String expectedId = fileStem();
        if (id != null && !id.equals(expectedId)) {
            fields.problem(top.get("id"), "flowparse.flow_id_file", "id", id, "file", expectedId);
        }
        String audienceKey = fields.optionalText(top, "audience", Audience.PROFESSIONAL.key());
        Audience audience = Audience.fromKey(audienceKey).orElse(Audience.PROFESSIONAL);
        if (Audience.fromKey(audienceKey).isEmpty()) {
            fields.problem(top.get("audience"), "flowparse.audience", "known", Arrays.stream(Audience.values()).map(Audience::key)
                    .collect(Collectors.joining(", ")), "value", audienceKey);
        }
        List<String> languages = fields.textList(top.get("languages"), "languages");
        if (top.get("languages") == null) {
            fields.problem(root.get(), "flowparse.no_languages");
        } else if (!languages.isEmpty() && !languages.contains("nl")) {
            fields.problem(top.get("languages"), "flowparse.no_dutch");
        }
        List<String> dimensions = fields.textList(top.get("dimensions"), "dimensions");
        Set<String> dimensionSet = new LinkedHashSet<>(dimensions);
        // A flow that scores defines its bands once; one that does not say gets the format's default.
        bands = top.containsKey("bands") ? new BandsReader(fields).read(top.get("bands")) : dimensions.isEmpty() ? null : Bands.DEFAULT;
        String resultFor = fields.optionalText(top, "result", Flow.RESULT_FOR_PERSON);
        if (!RESULT_READERS.contains(resultFor)) {
            fields.problem(top.get("result"), "flowparse.result", "value", resultFor);
        }

        List<Node> stepNodes = top.get("steps") == null ? null : sequence(top.get("steps"));
        if (stepNodes == null || stepNodes.isEmpty()) {
            fields.problem(top.getOrDefault("steps", root.get()), "flowparse.no_steps");
            return Optional.empty();
        }
        Set<String> stepIds = new LinkedHashSet<>();
        for (Node n : stepNodes) {
            Map<String, Node> m = mapping(n);
            String sid = m == null ? null : scalar(m.get("id"));
            if (sid != null) {
                stepIds.add(sid);
            }
        }
        conditions = new ConditionReader(fields, stepIds, dimensionSet, bands);
        waysOut = new WaysOutReader(fields, conditions, stepIds);
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Node n : stepNodes) {
            Map<String, Node> m = mapping(n);
            String sid = m == null ? null : scalar(m.get("id"));
            boolean duplicate = sid != null && !seen.add(sid);
            if (duplicate) {
                fields.problem(n, "flowparse.step_twice", "step", sid);
            }
            Step step = step(n, stepIds, dimensionSet);
            if (step != null && !duplicate) {
                steps.add(step);
            }
        }
        List<AdviceRule> advice = new ArrayList<>();
        List<Node> adviceNodes = top.get("advice") == null ? List.of() : sequence(top.get("advice"));
        if (adviceNodes == null) {
            fields.problem(top.get("advice"), "flowparse.advice_not_a_list");
        } else {
            Set<String> adviceIds = new LinkedHashSet<>();
            for (Node n : adviceNodes) {
                AdviceRule rule = adviceRule(n, stepIds, dimensionSet);
                if (rule != null && !adviceIds.add(rule.id())) {
                    fields.problem(n, "flowparse.advice_twice", "advice", rule.id());
                } else if (rule != null) {
                    advice.add(rule);
                }
            }
            for (int i = 0; i < advice.size(); i++) {
                AdviceRule rule = advice.get(i);
                for (String other : rule.suppresses()) {
                    if (!adviceIds.contains(other) || other.equals(rule.id())) {
                        fields.problem(adviceNodes.get(i), "flowparse.suppresses_unknown", "advice", rule.id(), "other", other);
                    }
                }
            }
        }
        if (id == null || steps.isEmpty()) {
            return Optional.empty();
        }
        boolean consent = steps.stream().anyMatch(Step::consent);
        boolean showScores = !top.containsKey("showScores") || fields.flag(top, "showScores");
        DashboardUse dashboard = dashboardUse(top.get("dashboard"));
        Double k = fields.number(top, "minimumGroupSize");
        if (k != null && (k != Math.rint(k) || k < 1 || k > 1000)) {
            fields.problem(top.get("minimumGroupSize"), "flowparse.minimum_group_size");
            k = null;
        }
        Double maxTips = fields.number(top, "maxTips");
        if (maxTips != null && (maxTips != Math.rint(maxTips) || maxTips < 1 || maxTips > 100)) {
            fields.problem(top.get("maxTips"), "flowparse.max_tips");
            maxTips = null;
        }
        return Optional.of(new Flow(id, file, version(content, textsForVersion), audience, languages, dimensions,
                consent, showScores, dashboard, steps, advice, fields.flag(top, "demo"), k == null ? null : k.intValue(),
                new RetentionReader(fields).read(top.get("retention")), bands, resultFor,
                maxTips == null ? null : maxTips.intValue()));
    }

    private Step step(Node node, Set<String> stepIds, Set<String> dimensions) {
        Map<String, Node> m = mapping(node);
        if (m == null) {
            fields.problem(node, "flowparse.step_not_a_mapping");
            return null;
        }
        fields.unknownKeys(m, STEP_KEYS, "flowparse.unknown_step_key");
        String id = fields.requiredText(m, "id", node);
        String typeName = fields.requiredText(m, "type", node);
        if (id == null || typeName == null) {
            return null;
        }
        if (!FieldReader.ID.matcher(id).matches()) {
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
        Integer maxLength = fields.number(m, "maxLength") == null ? null : fields.number(m, "maxLength").intValue();
        String dimension = scalar(m.get("dimension"));
        if (dimension != null && !dimensions.contains(dimension)) {
            fields.problem(m.get("dimension"), "flowparse.dimension_unknown", "step", id, "dimension", dimension);
        }
        if (consent && t != StepType.YESNO) {
            fields.problem(m.get("consent"), "flowparse.consent_type", "step", id);
        }
        List<Option> options = options(id, t, m, min, max, dontKnow, dimension, reverse, dimensions);
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
                } else if (maxLength < 1) {
                    fields.problem(m.get("maxLength"), "flowparse.max_length", "step", id);
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
        Benchmark benchmark = m.containsKey("benchmark") ? benchmark(id, t, m.get("benchmark")) : null;
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
            return java.time.LocalDate.parse(value == null ? "" : value.trim()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            fields.problem(node, "flowparse.date_bound", "step", stepId, "key", key, "value", value);
            return null;
        }
    }

    private DashboardUse dashboardUse(Node node) {
        if (node == null) {
            return DashboardUse.NONE;
        }
        String key = scalar(node);
        Optional<DashboardUse> use = DashboardUse.fromKey(key);
        if (use.isEmpty()) {
            fields.problem(node, "flowparse.dashboard", "value", key);
            return DashboardUse.NONE;
        }
        return use.get();
    }

    /** Figures from elsewhere to show beside the answers on the dashboard: counts per category of a total, or a percentage. */
    private Benchmark benchmark(String stepId, StepType type, Node node) {
        Map<String, Node> m = mapping(node);
        if (m == null) {
            fields.problem(node, "flowparse.benchmark_not_a_mapping", "step", stepId);
            return null;
        }
        fields.unknownKeys(m, BENCHMARK_KEYS, "flowparse.unknown_benchmark_key");
        int problemsBefore = fields.problemCount();
        if (type == StepType.INFO) {
            fields.problem(node, "flowparse.benchmark_info", "step", stepId);
        }
        String source = scalar(m.get("source"));
        if (source == null || source.isBlank()) {
            fields.problem(node, "flowparse.benchmark_no_source", "step", stepId);
        }
        boolean hasFigures = m.containsKey("figures");
        boolean hasPercent = m.containsKey("percent");
        if (hasFigures == hasPercent) {
            fields.problem(node, "flowparse.benchmark_figures_or_percent", "step", stepId);
            return null;
        }
        if (hasPercent) {
            Double percent = fields.number(m, "percent");
            if (m.containsKey("of")) {
                fields.problem(m.get("of"), "flowparse.benchmark_of_with_percent", "step", stepId);
            }
            if (percent != null && (percent < 0 || percent > 100)) {
                fields.problem(m.get("percent"), "flowparse.benchmark_percent", "step", stepId);
            }
            return fields.problemCount() > problemsBefore || percent == null ? null
                    : new Benchmark(Map.of(), null, percent, source, line(node));
        }
        Map<String, Node> figureNodes = mapping(m.get("figures"));
        if (figureNodes == null || figureNodes.isEmpty()) {
            fields.problem(m.get("figures"), "flowparse.benchmark_figures", "step", stepId);
            return null;
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figureNodes.forEach((key, value) -> {
            Double figure = FieldReader.parseNumber(scalar(value));
            if (!FieldReader.ID.matcher(key).matches()) {
                fields.problem(value, "flowparse.benchmark_category", "step", stepId, "category", key);
            } else if (figure == null || figure < 0) {
                fields.problem(value, "flowparse.benchmark_figure", "step", stepId, "category", key);
            } else {
                figures.put(key, figure);
            }
        });
        Double of = fields.number(m, "of");
        if (of == null && !m.containsKey("of")) {
            fields.problem(node, "flowparse.benchmark_no_of", "step", stepId);
        } else if (of != null && of <= 0) {
            fields.problem(m.get("of"), "flowparse.benchmark_of", "step", stepId);
        } else if (of != null && figures.values().stream().mapToDouble(Double::doubleValue).sum() > of) {
            fields.problem(m.get("of"), "flowparse.benchmark_sum", "step", stepId, "of", whole(of));
        }
        return fields.problemCount() > problemsBefore ? null : new Benchmark(figures, of, null, source, line(node));
    }

    private static String whole(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private List<Option> options(String stepId, StepType type, Map<String, Node> m, Double min, Double max,
                                 boolean dontKnow, String dimension, boolean reverse, Set<String> dimensions) {
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
                    for (Option o : declaredOptions(stepId, m.get("options"), dimensions)) {
                        if (!o.value().equals(Step.YES) && !o.value().equals(Step.NO)) {
                            fields.problem(m.get("options"), "flowparse.yesno_options", "step", stepId);
                        }
                        points.put(o.value(), o.points());
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
                options.addAll(declaredOptions(stepId, m.get("options"), dimensions));
                if (dontKnow && options.stream().noneMatch(Option::dontKnow)) {
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

    private List<Option> declaredOptions(String stepId, Node node, Set<String> dimensions) {
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
                Map<String, Node> om = mapping(n);
                if (om == null) {
                    fields.problem(n, "flowparse.option_form", "step", stepId);
                    continue;
                }
                fields.unknownKeys(om, OPTION_KEYS, "flowparse.unknown_option_key");
                value = scalar(om.get("value"));
                dontKnow = fields.flag(om, "dontKnow");
                exclusive = fields.flag(om, "exclusive");
                points = points(stepId, om.get("points"), dimensions);
            }
            if (value == null || value.isBlank()) {
                fields.problem(n, "flowparse.option_no_value", "step", stepId);
                continue;
            }
            if (!FieldReader.ID.matcher(value).matches() && !value.equals(Step.DONT_KNOW)) {
                fields.problem(n, "flowparse.option_value", "step", stepId, "value", value);
            }
            if (!values.add(value)) {
                fields.problem(n, "flowparse.option_twice", "step", stepId, "value", value);
                continue;
            }
            options.add(new Option(value, points, dontKnow || value.equals(Step.DONT_KNOW), exclusive, line(n)));
        }
        return options;
    }

    private Map<String, Double> points(String stepId, Node node, Set<String> dimensions) {
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
            Double value = FieldReader.parseNumber(scalar(e.getValue()));
            if (value == null) {
                fields.problem(e.getValue(), "flowparse.points_not_numbers", "step", stepId);
            } else {
                points.put(e.getKey(), value);
            }
        }
        return points;
    }

    private AdviceRule adviceRule(Node node, Set<String> stepIds, Set<String> dimensions) {
        Map<String, Node> m = mapping(node);
        if (m == null) {
            fields.problem(node, "flowparse.advice_not_a_mapping");
            return null;
        }
        fields.unknownKeys(m, ADVICE_KEYS, "flowparse.unknown_advice_key");
        String id = fields.requiredText(m, "id", node);
        if (id != null && !FieldReader.ID.matcher(id).matches()) {
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
        if (id == null || when == null) {
            return null;
        }
        return new AdviceRule(id, when, priority == null ? 5 : priority.intValue(), source, suppresses, line(node));
    }

    private String fileStem() {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String version(String content, String texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(texts.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
