package nl.samenspraak.flow.load;

import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Audience;
import nl.samenspraak.flow.Bands;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Retention;
import nl.samenspraak.flow.Step;
import org.yaml.snakeyaml.nodes.Node;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static nl.samenspraak.flow.load.YamlNodes.sequence;

/**
 * Turns one flow file into a {@link Flow}, reporting every problem it meets with its line instead of
 * stopping at the first. Cross-step checks (reachability, loops, texts) are {@link FlowValidator}'s.
 * <p>
 * It only decides the order: the flow's own settings ({@link FlowSettingsReader}) up to its bands first, then the
 * steps' ids, so that conditions ({@link ConditionReader}) can name steps further on and the bands; then the steps
 * ({@link StepReader}), the advice rules ({@link AdviceReader}) and the remaining settings. Every part writes its
 * problems through one {@link FieldReader}, so they come out in that order.
 */
public final class FlowParser {
    private static final Set<String> FLOW_KEYS = Set.of("id", "audience", "languages", "dimensions", "showScores", "dashboard",
            "steps", "advice", "demo", "minimumGroupSize", "retention", "bands", "result", "maxTips");

    private FlowParser() {
    }

    /**
     * Parses {@code content}; {@code textsForVersion} is everything else that defines what a person sees
     * (the flow's locale files), hashed into the version together with the flow file.
     */
    public static Optional<Flow> parse(String file, String content, String textsForVersion, List<Problem> problems) {
        Optional<Node> root = YamlNodes.parse(file, content, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FieldReader fields = new FieldReader(file, problems);
        Map<String, Node> top = fields.mapping(root.get(), FLOW_KEYS, "flowparse.flow_not_a_mapping",
                "flowparse.unknown_flow_key");
        if (top == null) {
            return Optional.empty();
        }
        FlowSettingsReader settings = new FlowSettingsReader(fields, top, root.get());
        String id = settings.id();
        Audience audience = settings.audience();
        List<String> languages = settings.languages();
        List<String> dimensions = settings.dimensions();
        Set<String> dimensionSet = new LinkedHashSet<>(dimensions);
        Bands bands = settings.bands(dimensions);
        String resultFor = settings.resultFor();

        List<Node> stepNodes = top.get("steps") == null ? null : sequence(top.get("steps"));
        if (stepNodes == null || stepNodes.isEmpty()) {
            fields.problem(top.getOrDefault("steps", root.get()), "flowparse.no_steps");
            return Optional.empty();
        }
        Set<String> stepIds = StepReader.ids(stepNodes);
        ConditionReader conditions = new ConditionReader(fields, stepIds, dimensionSet, bands);
        List<Step> steps = new StepReader(fields, conditions, stepIds, dimensionSet).readAll(stepNodes);
        List<AdviceRule> advice = new AdviceReader(fields, conditions).readAll(top.get("advice"));
        if (id == null || steps.isEmpty()) {
            return Optional.empty();
        }
        boolean consent = steps.stream().anyMatch(Step::consent);
        boolean showScores = settings.showScores();
        DashboardUse dashboard = settings.dashboard();
        // a record (each conversation in full and dated before the team's managers) is a team's record of itself:
        // never one person's answers (an uploaded resident form with "dashboard: record" showed each resident's, with
        // k = 1; a professional's reflection as a record reached no team and its preview said managers read it)
        if (dashboard == DashboardUse.RECORD && audience != Audience.ORGANISATION) {
            fields.problem(top.get("dashboard"), "flowparse.record_of_a_person");
        }
        // nothing of a resident or client kept before their yes (the same form had no consent step and stored from
        // the first answer)
        if (audience.askedByIntermediair() && !consent) {
            fields.problem(top.get("audience"), "flowparse.asked_without_consent");
        }
        Integer minimumGroupSize = settings.minimumGroupSize();
        Integer maxTips = settings.maxTips();
        boolean demo = settings.demo();
        Retention retention = settings.retention();
        return Optional.of(new Flow(id, file, FlowVersion.of(content, textsForVersion), audience, languages, dimensions,
                consent, showScores, dashboard, steps, advice, demo, minimumGroupSize, retention, bands, resultFor,
                maxTips));
    }
}
