package nl.samenspraak.dashboard;

import io.micronaut.json.JsonMapper;
import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.i18n.Moments;
import nl.samenspraak.i18n.SafeHtml;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One round's summary in the manager's language, for the summary page and the team report alike: the response
 * rate, the scores with their spread (a chart and its table), the strongest and weakest dimensions, the
 * change since the previous counted round (only where both show the dimension, see {@link RoundComparison}),
 * the actions agreed after the previous round beside that change, and the research's tips for the weakest
 * dimensions in the words the professionals get (a flow may word a tip for the team: {@code tips.<id>.team_title}
 * and {@code tips.<id>.team}, see {@link DashboardWords#teamTipTitle}); and what the round's people wrote in their own
 * words, from the round's own figures ({@link TeamDashboards#roundReport}).
 */
final class SummaryModel {
    private final Flow flow;
    private final DashboardWords words;
    private final ChartJson charts;
    private final ZoneId zone;
    private final String language;

    SummaryModel(Flow flow, DashboardWords words, JsonMapper json, ZoneId zone, String language) {
        this.flow = flow;
        this.words = words;
        this.charts = new ChartJson(json);
        this.zone = zone;
        this.language = language;
    }

    /** @param own the round's own figures ({@link TeamDashboards#roundReport}), for its texts */
    RoundSummary of(RoundComparison.Summary s, List<RoundComparison.Round> all, List<TeamAction> previousActions,
                    List<TeamAction> ownActions, Report own) {
        RoundComparison.Round round = s.round();
        SafeHtml participation = round.invited() > 0
                ? words.message(language, "response_rate", Map.of("count", round.respondents(), "invited", round.invited()))
                : words.manager(language, "took_part", Map.of("count", round.respondents()));
        List<RoundSummary.RoundLink> rounds = new ArrayList<>();
        for (RoundComparison.Round r : all) {
            rounds.add(new RoundSummary.RoundLink(r.id(), label(all, r), r.id() == round.id()));
        }

        List<RoundSummary.ScoreRow> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<List<Long>> shares = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String d : flow.dimensions()) {
            RoundComparison.Score score = round.scores().get(d);
            rows.add(new RoundSummary.ScoreRow(d, words.dimension(flow, d, language), score != null,
                    score == null ? "" : Long.toString(Math.round(score.mean())), score == null ? List.of() : score.bands(),
                    change(s.changes().get(d)), s.changes().containsKey(d), actions(previousActions, d),
                    score != null ? new SafeHtml("") : words.manager(language,
                            round.nobody().contains(d) ? "scores_nobody" : "scores_hidden", Map.of())));
            if (score != null) {
                labels.add(words.dimension(flow, d, language) + " · " + Math.round(score.mean()));
                List<Long> percent = Percentages.of(score.bands());
                for (int i = 0; i < 4; i++) {
                    shares.get(i).add(percent.get(i));
                }
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            series.add(Map.of("label", Report.Dimension.BANDS.get(i), "data", shares.get(i)));
        }
        return new RoundSummary(round.id(), round.respondents(), participation, rounds, label(all, round),
                s.previous() != null, s.previous() == null ? "" : label(all, s.previous()),
                rows, !labels.isEmpty(), Report.Dimension.BANDS,
                charts.chart("summary", labels, series), words.message(language, "chart_alt", Map.of()),
                ranked(s.strongest(), s), ranked(s.weakest(), s), advice(s.weakest()),
                rows.stream().filter(r -> !r.actions().isEmpty()).toList(),
                ownActions.stream().map(this::action).toList(),
                flow.dimensions().stream().map(d -> new RoundSummary.DimensionOption(d, words.dimension(flow, d, language),
                        !s.weakest().isEmpty() && s.weakest().get(0).equals(d) ? "selected" : "")).toList(),
                texts(own));
    }

    /**
     * The round's texts per question answered in one's own words. Without the languages the flow page may name: a
     * round's labels would be counted under that round's filters, not the team's, and beside the export's language
     * column (its rows numbered by round) k Dutch labels and k+2 Dutch rows would tell that two wrote nothing. A voice
     * message has no words here either. A question this round hides says why, in the flow page's words.
     */
    private List<RoundSummary.RoundTexts> texts(Report own) {
        List<RoundSummary.RoundTexts> texts = new ArrayList<>();
        for (Report.Question q : own.questions()) {
            if (q.step().type() != nl.samenspraak.flow.StepType.TEXT) {
                continue;
            }
            SafeHtml question = words.question(flow, q.step(), language);
            if (q.shown() != Report.Shown.SHOWN) {
                texts.add(new RoundSummary.RoundTexts(q.step().id(), question, false, q.shown() == Report.Shown.NOBODY
                        ? words.manager(language, "round_texts_nobody", Map.of())
                        : words.manager(language, "round_texts_hidden", Map.of("k", own.k())), "", List.of()));
                continue;
            }
            List<String> written = q.parts().stream().flatMap(p -> p.texts().stream()).map(Report.FreeText::text).sorted().toList();
            if (written.isEmpty()) { // only voice messages
                texts.add(new RoundSummary.RoundTexts(q.step().id(), question, false,
                        words.manager(language, "round_texts_voice", Map.of()), "", List.of()));
                continue;
            }
            texts.add(new RoundSummary.RoundTexts(q.step().id(), question, true, new SafeHtml(""),
                    words.plainManager(language, "round_texts_count", Map.of("count", written.size())), written));
        }
        return texts;
    }

    /** "Ronde 2 · 2 dec. 2026": rounds are numbered from the first shown one (a number kept), two may close on one day. */
    String label(List<RoundComparison.Round> all, RoundComparison.Round round) {
        return words.plainManager(language, "round_label", Map.of("number", round.numberIn(all),
                "date", Moments.day(nl.samenspraak.round.SurveyRound.namedBy(round.end()), zone, language)));
    }

    private List<RoundSummary.RankedDimension> ranked(List<String> dimensions, RoundComparison.Summary s) {
        return dimensions.stream().map(d -> new RoundSummary.RankedDimension(d, words.dimension(flow, d, language),
                Math.round(s.round().scores().get(d).mean()), change(s.changes().get(d)))).toList();
    }

    /** "+8", "-3", "0" (a plain hyphen: every bundled PDF font has it); "" without a comparable previous round. */
    private String change(Double delta) {
        if (delta == null) {
            return "";
        }
        long d = Math.round(delta);
        return d > 0 ? "+" + d : d < 0 ? "-" + (-d) : "±0";
    }

    private List<RoundSummary.AgreedAction> actions(List<TeamAction> actions, String dimension) {
        return actions.stream().filter(a -> a.dimension().equals(dimension)).map(this::action).toList();
    }

    private RoundSummary.AgreedAction action(TeamAction a) {
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        return new RoundSummary.AgreedAction(a.id(), words.dimension(flow, a.dimension(), language), a.dimension(), a.what(), a.who(),
                a.due() == null ? "" : Moments.longDay(a.due().atStartOfDay(zone).toInstant(), zone, language),
                a.due() == null ? "" : a.due().toString(),
                (a.due() != null && a.due().isBefore(today) ? a.due() : today).toString());
    }

    private List<RoundSummary.Tip> advice(List<String> weakest) {
        List<RoundSummary.Tip> tips = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String d : weakest) {
            for (AdviceRule rule : TeamAdvice.forDimension(flow, d)) {
                if (seen.contains(rule.id())) {
                    continue;
                }
                seen.add(rule.id());
                tips.add(new RoundSummary.Tip(words.dimension(flow, d, language), words.teamTipTitle(flow, rule.id(), language),
                        words.teamTipText(flow, rule.id(), language), new SafeHtml(words.source(rule.source(), language))));
            }
        }
        return tips;
    }

}
