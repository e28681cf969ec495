package nl.samenspraak.dashboard;

import io.micronaut.json.JsonMapper;
import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.i18n.SafeHtml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round's summary in the manager's language, for the summary page and the team report alike: the response
 * rate, the scores with their spread (a chart and its table), the two strongest and two weakest dimensions, the
 * change since the previous counted round (only where both show the dimension, see {@link RoundComparison}),
 * the actions agreed after the previous round beside that change, and the research's tips for the weakest
 * dimensions in the words the professionals get (a flow may word a tip for the team: {@code tips.<id>.team}).
 */
final class SummaryModel {
    private final Flow flow;
    private final DashboardWords words;
    private final JsonMapper json;
    private final ZoneId zone;
    private final String language;

    SummaryModel(Flow flow, DashboardWords words, JsonMapper json, ZoneId zone, String language) {
        this.flow = flow;
        this.words = words;
        this.json = json;
        this.zone = zone;
        this.language = language;
    }

    Map<String, Object> of(RoundComparison.Summary s, List<RoundComparison.Round> all, List<TeamAction> previousActions,
                           List<TeamAction> ownActions) {
        Map<String, Object> m = new LinkedHashMap<>();
        RoundComparison.Round round = s.round();
        m.put("roundId", round.id());
        m.put("roundDate", words.date(round.end(), zone, language));
        m.put("respondents", round.respondents());
        m.put("participation", round.invited() > 0
                ? words.message(language, "response_rate", Map.of("count", round.respondents(), "invited", round.invited()))
                : words.manager(language, "took_part", Map.of("count", round.respondents())));
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            rounds.add(Map.of("id", all.get(i).id(), "date", label(all, all.get(i)), "current", java.util.Objects.equals(all.get(i).id(), round.id())));
        }
        m.put("rounds", rounds);
        m.put("roundLabel", label(all, round));
        m.put("hasPrevious", s.previous() != null);
        m.put("previousDate", s.previous() == null ? "" : label(all, s.previous()));

        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<List<Long>> shares = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String d : flow.dimensions()) {
            RoundComparison.Score score = round.scores().get(d);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d);
            row.put("name", words.dimension(flow, d, language));
            row.put("shown", score != null);
            row.put("mean", score == null ? "" : Math.round(score.mean()));
            row.put("bands", score == null ? List.of() : score.bands());
            row.put("change", change(s.changes().get(d)));
            row.put("hasChange", s.changes().containsKey(d));
            row.put("actions", actions(previousActions, d));
            rows.add(row);
            if (score != null) {
                labels.add(words.dimension(flow, d, language) + " · " + Math.round(score.mean()));
                for (int i = 0; i < 4; i++) {
                    shares.get(i).add(Math.round(100.0 * score.bands().get(i) / score.scored()));
                }
            }
        }
        m.put("rows", rows);
        m.put("anyScores", !labels.isEmpty());
        m.put("hiddenNote", words.manager(language, "scores_hidden", Map.of()));
        m.put("anyHidden", rows.stream().anyMatch(r -> !(Boolean) r.get("shown")));
        m.put("bandNames", Report.Dimension.BANDS);
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            series.add(Map.of("label", Report.Dimension.BANDS.get(i), "data", shares.get(i)));
        }
        m.put("chart", write(Map.of("kind", "summary", "labels", labels, "series", series)));
        m.put("chartAlt", words.message(language, "chart_alt", Map.of()));
        m.put("strongest", named(s.strongest(), s));
        m.put("weakest", named(s.weakest(), s));
        m.put("advice", advice(s.weakest()));
        m.put("withActions", rows.stream().filter(r -> !((List<?>) r.get("actions")).isEmpty()).toList());
        m.put("ownActions", ownActions.stream().map(this::action).toList());
        m.put("dimensionOptions", flow.dimensions().stream().map(d -> Map.of("id", d, "name", words.dimension(flow, d, language),
                "selected", s.weakest().isEmpty() ? "" : s.weakest().get(0).equals(d) ? "selected" : "")).toList());
        return m;
    }

    /** "Ronde 2 · 2 december 2026": rounds are numbered from the first counted one, two may close on one day. */
    String label(List<RoundComparison.Round> all, RoundComparison.Round round) {
        return words.plainManager(language, "round_label", Map.of("number", all.indexOf(round) + 1,
                "date", words.date(round.end(), zone, language)));
    }

    private List<Map<String, Object>> named(List<String> dimensions, RoundComparison.Summary s) {
        return dimensions.stream().map(d -> Map.<String, Object>of("id", d, "name", words.dimension(flow, d, language),
                "mean", Math.round(s.round().scores().get(d).mean()),
                "change", change(s.changes().get(d)))).toList();
    }

    /** "+8", "-3", "0" (a plain hyphen: every bundled PDF font has it); "" without a comparable previous round. */
    private String change(Double delta) {
        if (delta == null) {
            return "";
        }
        long d = Math.round(delta);
        return d > 0 ? "+" + d : d < 0 ? "-" + (-d) : "±0";
    }

    private List<Map<String, Object>> actions(List<TeamAction> actions, String dimension) {
        return actions.stream().filter(a -> a.dimension().equals(dimension)).map(this::action).toList();
    }

    private Map<String, Object> action(TeamAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", words.dimension(flow, a.dimension(), language));
        m.put("what", a.what());
        m.put("who", a.who());
        m.put("due", a.due() == null ? "" : words.date(a.due().atStartOfDay(zone).toInstant(), zone, language));
        return m;
    }

    private List<Map<String, Object>> advice(List<String> weakest) {
        List<Map<String, Object>> tips = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String d : weakest) {
            for (AdviceRule rule : TeamAdvice.forDimension(flow, d)) {
                if (seen.contains(rule.id())) {
                    continue;
                }
                seen.add(rule.id());
                String key = "tips." + rule.id() + ".";
                Map<String, Object> tip = new LinkedHashMap<>();
                tip.put("dimension", words.dimension(flow, d, language));
                tip.put("title", words.flowTemplate(flow, key + "title", language));
                tip.put("text", words.flowTemplate(flow, words.hasFlowText(flow, key + "team", language) ? key + "team" : key + "text", language));
                tip.put("source", new SafeHtml(words.source(rule.source(), language)));
                tips.add(tip);
            }
        }
        return tips;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
