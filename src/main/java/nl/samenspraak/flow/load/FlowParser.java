package nl.samenspraak.flow.load;

import nl.samenspraak.flow.AdviceRule;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static nl.samenspraak.flow.load.YamlNodes.line;
import static nl.samenspraak.flow.load.YamlNodes.mapping;
import static nl.samenspraak.flow.load.YamlNodes.scalar;
import static nl.samenspraak.flow.load.YamlNodes.sequence;

/**
 * Turns one flow file into a {@link Flow}, reporting every problem it meets with its line instead of
 * stopping at the first. Cross-step checks (reachability, loops, texts) are {@link FlowValidator}'s.
 */
public final class FlowParser {
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern FLOW_ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> FLOW_KEYS = Set.of("id", "audience", "languages", "dimensions", "showScores", "dashboard",
            "steps", "advice", "demo", "minimumGroupSize", "retention", "bands", "result", "maxTips");
    private static final Set<String> STEP_KEYS = Set.of("id", "type", "optional", "options", "min", "max", "maxLength",
            "dimension", "reverse", "dontKnow", "next", "source", "theme", "consent", "benchmark", "notBefore", "notAfter", "integer",
            "voice");
    private static final Set<String> BENCHMARK_KEYS = Set.of("figures", "of", "percent", "source");
    private static final Set<String> OPTION_KEYS = Set.of("value", "points", "dontKnow", "exclusive");
    private static final Set<String> ADVICE_KEYS = Set.of("id", "when", "priority", "source", "suppresses");
    private static final Set<String> BANDS_KEYS = Set.of("middle", "high");
    private static final Set<String> RESULT_READERS = Set.of(Flow.RESULT_FOR_PERSON, Flow.RESULT_FOR_PROFESSIONAL);
    private static final int DEFAULT_MAX_LENGTH = 2000;

    private final String file;
    private final List<Problem> problems;
    /** The flow's bands, read before any condition so conditions may name them. */
    private Bands bands;

    private FlowParser(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
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
            problem(root.get(), "a flow file must be a mapping with id, languages and steps");
            return Optional.empty();
        }
        unknownKeys(top, FLOW_KEYS, "flow");
        String id = requiredText(top, "id", root.get());
        if (id != null && !FLOW_ID.matcher(id).matches()) {
            problem(top.get("id"), "flow id '" + id + "' must be lower case letters, digits and '-'");
        }
        String expectedId = fileStem();
        if (id != null && !id.equals(expectedId)) {
            problem(top.get("id"), "flow id '" + id + "' must match its file name '" + expectedId + "'");
        }
        String audience = optionalText(top, "audience", "professional");
        List<String> languages = textList(top.get("languages"), "languages");
        if (top.get("languages") == null) {
            problem(root.get(), "the flow declares no languages");
        } else if (!languages.isEmpty() && !languages.contains("nl")) {
            problem(top.get("languages"), "Dutch (nl) is the source language and must be among the languages");
        }
        List<String> dimensions = textList(top.get("dimensions"), "dimensions");
        Set<String> dimensionSet = new LinkedHashSet<>(dimensions);
        // A flow that scores defines its bands once; one that does not say gets the format's default.
        bands = top.containsKey("bands") ? bands(top.get("bands")) : dimensions.isEmpty() ? null : Bands.DEFAULT;
        String resultFor = optionalText(top, "result", Flow.RESULT_FOR_PERSON);
        if (!RESULT_READERS.contains(resultFor)) {
            problem(top.get("result"), "result is read by 'person' (who answered) or 'professional', not '" + resultFor + "'");
        }

        List<Node> stepNodes = top.get("steps") == null ? null : sequence(top.get("steps"));
        if (stepNodes == null || stepNodes.isEmpty()) {
            problem(top.getOrDefault("steps", root.get()), "the flow needs a list of steps");
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
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Node n : stepNodes) {
            Map<String, Node> m = mapping(n);
            String sid = m == null ? null : scalar(m.get("id"));
            boolean duplicate = sid != null && !seen.add(sid);
            if (duplicate) {
                problem(n, "duplicate step id '" + sid + "'");
            }
            Step step = step(n, stepIds, dimensionSet);
            if (step != null && !duplicate) {
                steps.add(step);
            }
        }
        List<AdviceRule> advice = new ArrayList<>();
        List<Node> adviceNodes = top.get("advice") == null ? List.of() : sequence(top.get("advice"));
        if (adviceNodes == null) {
            problem(top.get("advice"), "advice must be a list of rules");
        } else {
            Set<String> adviceIds = new LinkedHashSet<>();
            for (Node n : adviceNodes) {
                AdviceRule rule = adviceRule(n, stepIds, dimensionSet);
                if (rule != null && !adviceIds.add(rule.id())) {
                    problem(n, "duplicate advice id '" + rule.id() + "'");
                } else if (rule != null) {
                    advice.add(rule);
                }
            }
            for (int i = 0; i < advice.size(); i++) {
                AdviceRule rule = advice.get(i);
                for (String other : rule.suppresses()) {
                    if (!adviceIds.contains(other) || other.equals(rule.id())) {
                        problem(adviceNodes.get(i), "advice '" + rule.id() + "' suppresses '" + other
                                + "', which is no other advice rule of this flow");
                    }
                }
            }
        }
        if (id == null || steps.isEmpty()) {
            return Optional.empty();
        }
        boolean consent = steps.stream().anyMatch(Step::consent);
        boolean showScores = !top.containsKey("showScores") || flag(top, "showScores");
        DashboardUse dashboard = dashboardUse(top.get("dashboard"));
        Double k = number(top, "minimumGroupSize");
        if (k != null && (k != Math.rint(k) || k < 1 || k > 1000)) {
            problem(top.get("minimumGroupSize"), "minimumGroupSize must be a whole number from 1 to 1000");
            k = null;
        }
        Double maxTips = number(top, "maxTips");
        if (maxTips != null && (maxTips != Math.rint(maxTips) || maxTips < 1 || maxTips > 100)) {
            problem(top.get("maxTips"), "maxTips must be a whole number from 1 to 100");
            maxTips = null;
        }
        return Optional.of(new Flow(id, file, version(content, textsForVersion), audience, languages, dimensions,
                consent, showScores, dashboard, steps, advice, flag(top, "demo"), k == null ? null : k.intValue(),
                retention(top.get("retention")), bands, resultFor,
                maxTips == null ? null : maxTips.intValue()));
    }

    /**
     * {@code retention: {unfinished: 30d, finished: 90d, result: 7d}}: durations in days ({@code d}) or hours
     * ({@code h}); {@code finished: forever} keeps finished conversations, {@code result: none} never opens a
     * finished result by its code. Anything left out takes {@link Retention#DEFAULT}'s value.
     */
    private nl.samenspraak.flow.Retention retention(Node node) {
        if (node == null) {
            return nl.samenspraak.flow.Retention.DEFAULT;
        }
        Map<String, Node> m = mapping(node);
        if (m == null) {
            problem(node, "retention must be a mapping with unfinished, finished and result");
            return nl.samenspraak.flow.Retention.DEFAULT;
        }
        for (String key : m.keySet()) {
            if (!Set.of("unfinished", "finished", "result").contains(key)) {
                problem(m.get(key), "unknown retention key '" + key + "' (unfinished, finished, result)");
            }
        }
        java.time.Duration unfinished = duration(m.get("unfinished"), null, nl.samenspraak.flow.Retention.DEFAULT.unfinished());
        java.time.Duration finished = duration(m.get("finished"), "forever", null);
        java.time.Duration result = duration(m.get("result"), "none", null);
        if (unfinished.isZero()) {
            problem(m.get("unfinished"), "unfinished conversations need a retention of at least one hour");
            unfinished = nl.samenspraak.flow.Retention.DEFAULT.unfinished();
        }
        return new nl.samenspraak.flow.Retention(unfinished, finished, result);
    }

    /** {@code 30d} or {@code 12h}; {@code word} (forever, none) or a missing key gives {@code absent}. */
    private java.time.Duration duration(Node node, String word, java.time.Duration absent) {
        if (node == null) {
            return absent;
        }
        String text = scalar(node);
        if (text != null && text.equals(word)) {
            return "none".equals(word) ? java.time.Duration.ZERO : null;
        }
        java.util.regex.Matcher m = text == null ? null : java.util.regex.Pattern.compile("([0-9]{1,5})([dh])").matcher(text.trim());
        if (m == null || !m.matches()) {
            problem(node, "a duration like 30d or 12h" + (word == null ? "" : ", or " + word) + " was expected, not '" + text + "'");
            return absent;
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("d") ? java.time.Duration.ofDays(n) : java.time.Duration.ofHours(n);
    }

    private Step step(Node node, Set<String> stepIds, Set<String> dimensions) {
        Map<String, Node> m = mapping(node);
        if (m == null) {
            problem(node, "a step must be a mapping with at least id and type");
            return null;
        }
        unknownKeys(m, STEP_KEYS, "step");
        String id = requiredText(m, "id", node);
        String typeName = requiredText(m, "type", node);
        if (id == null || typeName == null) {
            return null;
        }
        if (!ID.matcher(id).matches()) {
            problem(m.get("id"), "step id '" + id + "' must be lower case letters, digits and '_', starting with a letter");
        }
        Optional<StepType> type = StepType.fromKey(typeName);
        if (type.isEmpty()) {
            problem(m.get("type"), "unknown step type '" + typeName + "' (known: info, choice, multi, scale, yesno, text, number, date)");
            return null;
        }
        StepType t = type.get();
        boolean optional = flag(m, "optional");
        boolean dontKnow = flag(m, "dontKnow");
        boolean reverse = flag(m, "reverse");
        boolean consent = flag(m, "consent");
        boolean integer = flag(m, "integer");
        if (integer && t != StepType.NUMBER) {
            problem(m.get("integer"), "step '" + id + "': only a number step can ask for whole numbers");
        }
        boolean voice = flag(m, "voice");
        if (voice && t != StepType.TEXT) {
            problem(m.get("voice"), "step '" + id + "': only a text step can take a voice message (voice: true)");
        }
        Double min = number(m, "min");
        Double max = number(m, "max");
        Integer maxLength = number(m, "maxLength") == null ? null : number(m, "maxLength").intValue();
        String dimension = scalar(m.get("dimension"));
        if (dimension != null && !dimensions.contains(dimension)) {
            problem(m.get("dimension"), "step '" + id + "' counts on unknown score dimension '" + dimension + "'");
        }
        if (consent && t != StepType.YESNO) {
            problem(m.get("consent"), "only a yesno step can ask consent");
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
                    problem(node, "step '" + id + "': multi needs min <= max <= number of options (" + options.size() + ")");
                }
            }
            case SCALE -> {
                if (min == null || max == null || min >= max || max - min > 10
                        || min != Math.rint(min) || max != Math.rint(max)) {
                    problem(node, "step '" + id + "': a scale needs whole numbers min < max, at most 10 apart");
                }
            }
            case NUMBER -> {
                if (min != null && max != null && min > max) {
                    problem(node, "step '" + id + "': min is above max");
                }
            }
            case TEXT -> {
                if (maxLength == null) {
                    maxLength = DEFAULT_MAX_LENGTH;
                } else if (maxLength < 1) {
                    problem(m.get("maxLength"), "step '" + id + "': maxLength must be at least 1");
                }
            }
            default -> {
            }
        }
        if (t == StepType.INFO && optional) {
            problem(m.get("optional"), "an info step asks nothing, so it cannot be optional");
        }
        List<Transition> next = transitions(id, m.get("next"), stepIds, dimensions);
        String source = scalar(m.get("source"));
        if (source == null || source.isBlank()) {
            problem(node, "step '" + id + "' has no source (where in the seeds does it come from?)");
        }
        Benchmark benchmark = m.containsKey("benchmark") ? benchmark(id, t, m.get("benchmark")) : null;
        if (t != StepType.MULTI && options.stream().anyMatch(Option::exclusive)) {
            problem(m.get("options"), "step '" + id + "': only the options of a multi step can be exclusive");
        }
        String notBefore = dateBound(id, t, m, "notBefore");
        String notAfter = dateBound(id, t, m, "notAfter");
        if (notBefore != null && notAfter != null && !notBefore.equals(Step.TODAY) && !notAfter.equals(Step.TODAY)
                && notBefore.compareTo(notAfter) > 0) {
            problem(m.get("notBefore"), "step '" + id + "': notBefore is after notAfter");
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
            problem(node, "step '" + stepId + "': only a date step has " + key);
            return null;
        }
        if (Step.TODAY.equals(value)) {
            return value;
        }
        try {
            return java.time.LocalDate.parse(value == null ? "" : value.trim()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            problem(node, "step '" + stepId + "': " + key + " is 'today' or a date yyyy-mm-dd, not '" + value + "'");
            return null;
        }
    }

    /** The score bands: {@code {middle: 50, high: 75}} means low below 50, middle below 75, high from 75. */
    private Bands bands(Node node) {
        if (node == null) {
            return null;
        }
        Map<String, Node> m = mapping(node);
        if (m == null) {
            problem(node, "bands is a mapping with middle and high");
            return null;
        }
        unknownKeys(m, BANDS_KEYS, "bands");
        Double middle = number(m, "middle");
        Double high = number(m, "high");
        if (middle == null || high == null) {
            problem(node, "bands needs both middle and high");
            return null;
        }
        try {
            return new Bands(middle.intValue(), high.intValue());
        } catch (IllegalArgumentException e) {
            problem(node, e.getMessage());
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
            problem(node, "dashboard is one of anonymous, record or none, not '" + key + "'");
            return DashboardUse.NONE;
        }
        return use.get();
    }

    /** Figures from elsewhere to show beside the answers on the dashboard: counts per category of a total, or a percentage. */
    private Benchmark benchmark(String stepId, StepType type, Node node) {
        Map<String, Node> m = mapping(node);
        if (m == null) {
            problem(node, "step '" + stepId + "': a benchmark is a mapping with figures and of (or percent), and source");
            return null;
        }
        unknownKeys(m, BENCHMARK_KEYS, "benchmark");
        int problemsBefore = problems.size();
        if (type == StepType.INFO) {
            problem(node, "step '" + stepId + "': an info step asks nothing, so it has no benchmark");
        }
        String source = scalar(m.get("source"));
        if (source == null || source.isBlank()) {
            problem(node, "step '" + stepId + "': the benchmark has no source (where do its figures come from?)");
        }
        boolean hasFigures = m.containsKey("figures");
        boolean hasPercent = m.containsKey("percent");
        if (hasFigures == hasPercent) {
            problem(node, "step '" + stepId + "': a benchmark has either figures (with of) or percent");
            return null;
        }
        if (hasPercent) {
            Double percent = number(m, "percent");
            if (m.containsKey("of")) {
                problem(m.get("of"), "step '" + stepId + "': 'of' belongs to figures, not to a percentage");
            }
            if (percent != null && (percent < 0 || percent > 100)) {
                problem(m.get("percent"), "step '" + stepId + "': a percentage is from 0 to 100");
            }
            return problems.size() > problemsBefore || percent == null ? null
                    : new Benchmark(Map.of(), null, percent, source, line(node));
        }
        Map<String, Node> figureNodes = mapping(m.get("figures"));
        if (figureNodes == null || figureNodes.isEmpty()) {
            problem(m.get("figures"), "step '" + stepId + "': figures map each category to a number");
            return null;
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figureNodes.forEach((key, value) -> {
            Double figure = parseNumber(scalar(value));
            if (!ID.matcher(key).matches()) {
                problem(value, "step '" + stepId + "': benchmark category '" + key + "' must be lower case letters, digits and '_'");
            } else if (figure == null || figure < 0) {
                problem(value, "step '" + stepId + "': benchmark figure '" + key + "' must be a number of at least 0");
            } else {
                figures.put(key, figure);
            }
        });
        Double of = number(m, "of");
        if (of == null && !m.containsKey("of")) {
            problem(node, "step '" + stepId + "': benchmark figures need 'of', the number they are out of");
        } else if (of != null && of <= 0) {
            problem(m.get("of"), "step '" + stepId + "': 'of' must be above 0");
        } else if (of != null && figures.values().stream().mapToDouble(Double::doubleValue).sum() > of) {
            problem(m.get("of"), "step '" + stepId + "': the benchmark figures add up to more than " + whole(of));
        }
        return problems.size() > problemsBefore ? null : new Benchmark(figures, of, null, source, line(node));
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
                    problem(m.get("options"), "step '" + stepId + "': a scale makes its own options from min and max");
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
                            problem(m.get("options"), "step '" + stepId + "': a yesno step has only the options ja and nee");
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
                    problem(m.get("type"), "step '" + stepId + "': a " + type.key() + " step needs options");
                    return options;
                }
                options.addAll(declaredOptions(stepId, m.get("options"), dimensions));
                if (dontKnow && options.stream().noneMatch(Option::dontKnow)) {
                    options.add(new Option(Step.DONT_KNOW, Map.of(), true, line));
                }
                if (options.size() < 2) {
                    problem(m.get("options"), "step '" + stepId + "' needs at least two options");
                }
            }
            default -> {
                if (m.containsKey("options")) {
                    problem(m.get("options"), "step '" + stepId + "': a " + type.key() + " step has no options");
                }
            }
        }
        return options;
    }

    private List<Option> declaredOptions(String stepId, Node node, Set<String> dimensions) {
        List<Node> list = sequence(node);
        if (list == null) {
            problem(node, "step '" + stepId + "': options must be a list");
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
                    problem(n, "step '" + stepId + "': an option is a value or a mapping with value and points");
                    continue;
                }
                unknownKeys(om, OPTION_KEYS, "option");
                value = scalar(om.get("value"));
                dontKnow = flag(om, "dontKnow");
                exclusive = flag(om, "exclusive");
                points = points(stepId, om.get("points"), dimensions);
            }
            if (value == null || value.isBlank()) {
                problem(n, "step '" + stepId + "': an option has no value");
                continue;
            }
            if (!ID.matcher(value).matches() && !value.equals(Step.DONT_KNOW)) {
                problem(n, "step '" + stepId + "': option value '" + value + "' must be lower case letters, digits and '_'");
            }
            if (!values.add(value)) {
                problem(n, "step '" + stepId + "': duplicate option '" + value + "'");
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
            problem(node, "step '" + stepId + "': points must map dimensions to numbers");
            return Map.of();
        }
        Map<String, Double> points = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            if (!dimensions.contains(e.getKey())) {
                problem(e.getValue(), "step '" + stepId + "': points on unknown score dimension '" + e.getKey() + "'");
                continue;
            }
            Double value = parseNumber(scalar(e.getValue()));
            if (value == null) {
                problem(e.getValue(), "step '" + stepId + "': points must be numbers");
            } else {
                points.put(e.getKey(), value);
            }
        }
        return points;
    }

    private List<Transition> transitions(String stepId, Node node, Set<String> stepIds, Set<String> dimensions) {
        if (node == null) {
            return List.of();
        }
        String single = scalar(node);
        if (single != null) {
            checkTarget(stepId, single, node, stepIds);
            return List.of(new Transition(null, single, line(node)));
        }
        List<Node> list = sequence(node);
        if (list == null) {
            problem(node, "step '" + stepId + "': next is a step id or a list of {if, goto}");
            return List.of();
        }
        List<Transition> transitions = new ArrayList<>();
        for (Node n : list) {
            Map<String, Node> m = mapping(n);
            if (m == null || !m.containsKey("goto")) {
                problem(n, "step '" + stepId + "': each way out needs goto (and optionally if)");
                continue;
            }
            unknownKeys(m, Set.of("if", "goto"), "way out");
            String target = scalar(m.get("goto"));
            checkTarget(stepId, target, m.get("goto"), stepIds);
            Condition condition = null;
            if (m.containsKey("if")) {
                condition = condition(m.get("if"), stepIds, dimensions);
                if (condition == null) {
                    continue;
                }
            }
            transitions.add(new Transition(condition, target, line(n)));
        }
        return transitions;
    }

    private AdviceRule adviceRule(Node node, Set<String> stepIds, Set<String> dimensions) {
        Map<String, Node> m = mapping(node);
        if (m == null) {
            problem(node, "an advice rule is a mapping with id, when, priority and source");
            return null;
        }
        unknownKeys(m, ADVICE_KEYS, "advice rule");
        String id = requiredText(m, "id", node);
        if (id != null && !ID.matcher(id).matches()) {
            problem(m.get("id"), "advice id '" + id + "' must be lower case letters, digits and '_'");
        }
        if (!m.containsKey("when")) {
            problem(node, "advice '" + id + "' has no condition (when)");
            return null;
        }
        Condition when = condition(m.get("when"), stepIds, dimensions);
        Double priority = number(m, "priority");
        String source = scalar(m.get("source"));
        if (source == null || source.isBlank()) {
            problem(node, "advice '" + id + "' has no source");
        }
        List<String> suppresses = textList(m.get("suppresses"), "suppresses");
        if (id == null || when == null) {
            return null;
        }
        return new AdviceRule(id, when, priority == null ? 5 : priority.intValue(), source, suppresses, line(node));
    }

    private Condition condition(Node node, Set<String> stepIds, Set<String> dimensions) {
        String text = scalar(node);
        if (text == null || text.isBlank()) {
            problem(node, "a condition must be an expression");
            return null;
        }
        JexlConditions.Compiled compiled = JexlConditions.compile(text, file, line(node), stepIds, dimensions, bands);
        compiled.errors().forEach(e -> problem(node, e));
        return compiled.condition();
    }

    private void checkTarget(String stepId, String target, Node node, Set<String> stepIds) {
        if (target == null || (!Transition.END.equals(target) && !stepIds.contains(target))) {
            problem(node, "step '" + stepId + "' leads to missing step '" + target + "'");
        }
    }

    private List<String> textList(Node node, String what) {
        if (node == null) {
            return List.of();
        }
        List<Node> list = sequence(node);
        if (list == null) {
            problem(node, what + " must be a list");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node n : list) {
            String v = scalar(n);
            if (v == null) {
                problem(n, what + " must be a list of words");
            } else if (values.contains(v)) {
                problem(n, what + " names '" + v + "' twice");
            } else {
                values.add(v);
            }
        }
        return values;
    }

    private String requiredText(Map<String, Node> m, String key, Node owner) {
        Node n = m.get(key);
        String value = n == null ? null : scalar(n);
        if (value == null || value.isBlank()) {
            problem(n == null ? owner : n, "missing '" + key + "'");
            return null;
        }
        return value;
    }

    private String optionalText(Map<String, Node> m, String key, String fallback) {
        String value = m.get(key) == null ? null : scalar(m.get(key));
        return value == null ? fallback : value;
    }

    private boolean flag(Map<String, Node> m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return false;
        }
        String v = scalar(n);
        if (!"true".equals(v) && !"false".equals(v)) {
            problem(n, "'" + key + "' must be true or false");
            return false;
        }
        return "true".equals(v);
    }

    private Double number(Map<String, Node> m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        Double value = parseNumber(scalar(n));
        if (value == null) {
            problem(n, "'" + key + "' must be a number");
        }
        return value;
    }

    private static Double parseNumber(String text) {
        if (text == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void unknownKeys(Map<String, Node> m, Set<String> known, String what) {
        m.forEach((k, v) -> {
            if (!known.contains(k)) {
                problem(v, "unknown " + what + " key '" + k + "'");
            }
        });
    }

    private void problem(Node node, String message) {
        problems.add(new Problem(file, node == null ? 1 : line(node), message));
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
