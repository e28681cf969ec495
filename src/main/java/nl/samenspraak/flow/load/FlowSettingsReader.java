package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Audience;
import nl.samenspraak.flow.Bands;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Names;
import nl.samenspraak.flow.Retention;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static nl.samenspraak.flow.load.YamlNodes.scalar;

/**
 * Reads the settings a flow file gives the flow as a whole, at its top level: its id, audience, languages, dimensions
 * and bands, who reads the result, the dashboard, the minimum group size, the most tips, demo and retention. Each is
 * one method, so that {@link FlowParser} can read them in the order their problems have always been said.
 */
final class FlowSettingsReader {
    private static final Set<String> RESULT_READERS = Set.of(Flow.RESULT_FOR_PERSON, Flow.RESULT_FOR_PROFESSIONAL);

    private final FieldReader fields;
    private final Map<String, Node> top;
    /** The whole file: where a problem about a missing setting points. */
    private final Node root;

    FlowSettingsReader(FieldReader fields, Map<String, Node> top, Node root) {
        this.fields = fields;
        this.top = top;
        this.root = root;
    }

    /** The flow's id, which must be the file's name without its extension; null when it has none. */
    String id() {
        String id = fields.requiredText(top, "id", root);
        if (id != null && !Names.isFlowId(id)) {
            fields.problem(top.get("id"), "flowparse.flow_id", "id", id);
        }
        String expectedId = fileStem(fields.file());
        if (id != null && !id.equals(expectedId)) {
            fields.problem(top.get("id"), "flowparse.flow_id_file", "id", id, "file", expectedId);
        }
        return id;
    }

    private static String fileStem(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    Audience audience() {
        String audienceKey = fields.optionalText(top, "audience", Audience.PROFESSIONAL.key());
        Audience audience = Audience.fromKey(audienceKey).orElse(Audience.PROFESSIONAL);
        if (Audience.fromKey(audienceKey).isEmpty()) {
            fields.problem(top.get("audience"), "flowparse.audience", "known", Arrays.stream(Audience.values()).map(Audience::key)
                    .collect(Collectors.joining(", ")), "value", audienceKey);
        }
        return audience;
    }

    /** The languages the flow speaks; Dutch must be one of them. */
    List<String> languages() {
        List<String> languages = fields.textList(top.get("languages"), "languages");
        if (top.get("languages") == null) {
            fields.problem(root, "flowparse.no_languages");
        } else if (!languages.isEmpty() && !languages.contains("nl")) {
            fields.problem(top.get("languages"), "flowparse.no_dutch");
        }
        return languages;
    }

    /**
     * The score dimensions, each named as a part is ({@link Names#isPartName}): a condition reads it as {@code
     * scores.<dimension>}, and a team's agreed action keeps it ({@code team_action.dimension VARCHAR(100)}), so a
     * longer one failed that action, not the flow.
     */
    List<String> dimensions() {
        List<String> dimensions = fields.textList(top.get("dimensions"), "dimensions");
        List<Node> items = top.get("dimensions") == null ? null : YamlNodes.sequence(top.get("dimensions"));
        for (Node item : items == null ? List.<Node>of() : items) {
            String name = scalar(item);
            if (name != null && !Names.isPartName(name)) {
                fields.problem(item, "flowparse.dimension_name", "dimension", name);
            }
        }
        return dimensions;
    }

    /** A flow that scores defines its bands once; one that does not say gets the format's default, none without scores. */
    Bands bands(List<String> dimensions) {
        if (top.containsKey("bands")) {
            return new BandsReader(fields).read(top.get("bands"));
        }
        return dimensions.isEmpty() ? null : Bands.DEFAULT;
    }

    /** Who reads the result: {@link Flow#RESULT_FOR_PERSON} unless the file says otherwise. */
    String resultFor() {
        String resultFor = fields.optionalText(top, "result", Flow.RESULT_FOR_PERSON);
        if (!RESULT_READERS.contains(resultFor)) {
            fields.problem(top.get("result"), "flowparse.result", "value", resultFor);
        }
        return resultFor;
    }

    boolean showScores() {
        return !top.containsKey("showScores") || fields.flag(top, "showScores");
    }

    DashboardUse dashboard() {
        Node node = top.get("dashboard");
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

    /** The flow's own k for its dashboard figures; null for the service's. */
    Integer minimumGroupSize() {
        return wholeNumber("minimumGroupSize", 1000, "flowparse.minimum_group_size");
    }

    /** At most this many tips in a result; null for no limit. */
    Integer maxTips() {
        return wholeNumber("maxTips", 100, "flowparse.max_tips");
    }

    /** A whole number from 1 to {@code max} at {@code key}; anything else is said by {@code problemKey} and left out. */
    private Integer wholeNumber(String key, int max, String problemKey) {
        Double value = fields.number(top, key);
        if (value != null && (value != Math.rint(value) || value < 1 || value > max)) {
            fields.problem(top.get(key), problemKey);
            return null;
        }
        return value == null ? null : value.intValue();
    }

    boolean demo() {
        return fields.flag(top, "demo");
    }

    Retention retention() {
        return new RetentionReader(fields).read(top.get("retention"));
    }
}
