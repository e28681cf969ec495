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
    private static final Set<String> RESULT_READERS = Set.of(Flow.RESULT_FOR_PERSON, Flow.RESULT_FOR_PROFESSIONAL);

    private final String file;
    private final List<Problem> problems;
    private final FieldReader fields;
    /** The flow's bands, read before any condition so conditions may name them. */
    private Bands bands;
    private ConditionReader conditions;

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
        Set<String> stepIds = StepReader.ids(stepNodes);
        conditions = new ConditionReader(fields, stepIds, dimensionSet, bands);
        List<Step> steps = new StepReader(fields, conditions, stepIds, dimensionSet).readAll(stepNodes);
        List<AdviceRule> advice = new AdviceReader(fields, conditions).readAll(top.get("advice"));
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
