package nl.samenspraak.dashboard;

import io.micronaut.json.JsonMapper;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.team.Team;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The comparisons of issue 15 in the manager's language, for the compare page and the team report alike: the
 * rounds side by side (each with the change since the one before), the wijken side by side
 * ({@link WijkComparison}), the team beside the 2016 survey for every question that asked the same thing (the
 * flow's {@code benchmark}s), and for admins the teams side by side. Every figure comes from a comparison that
 * applied the cell rule already; this only words and lays them out (a table per comparison, the chart's text
 * alternative; the first column after the name is always the number of people).
 */
final class CompareModel {
    private final Flow flow;
    private final DashboardWords words;
    private final JsonMapper json;
    private final ChartJson charts;
    private final ZoneId zone;
    private final String language;

    CompareModel(Flow flow, DashboardWords words, JsonMapper json, ZoneId zone, String language) {
        this.flow = flow;
        this.words = words;
        this.json = json;
        this.charts = new ChartJson(json);
        this.zone = zone;
        this.language = language;
    }

    /** The counted rounds up to {@code s}'s round, oldest first, with their means, and this round against the previous. */
    Comparisons.RoundsSideBySide rounds(RoundComparison comparison, RoundComparison.Summary s) {
        List<RoundComparison.Round> upTo = new ArrayList<>();
        for (RoundComparison.Round r : comparison.rounds()) {
            upTo.add(r);
            if (r.id() == s.round().id()) {
                break;
            }
        }
        List<String> compared = flow.dimensions().stream().filter(d -> upTo.stream().anyMatch(r -> r.scores().containsKey(d))).toList();
        SummaryModel labels = new SummaryModel(flow, words, json, zone, language);
        List<String> names = compared.stream().map(d -> words.dimension(flow, d, language)).toList();
        List<Comparisons.Row> rows = new ArrayList<>();
        for (RoundComparison.Round r : upTo) {
            rows.add(new Comparisons.Row(labels.label(comparison.rounds(), r), r.respondents(),
                    compared.stream().map(d -> mean(r.scores().get(d))).toList()));
        }
        List<Comparisons.Change> changes = new ArrayList<>();
        if (s.previous() != null) {
            for (String d : compared) {
                RoundComparison.Score before = s.previous().scores().get(d);
                RoundComparison.Score now = s.round().scores().get(d);
                if (before != null && now != null) {
                    long delta = RoundComparison.change(before, now);
                    changes.add(new Comparisons.Change(words.dimension(flow, d, language), Math.round(before.mean()),
                            Math.round(now.mean()), delta > 0 ? "+" + delta : delta < 0 ? "-" + (-delta) : "±0"));
                }
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (int d = 0; d < compared.size(); d++) {
            String dim = compared.get(d);
            series.add(Map.of("label", names.get(d), "data", upTo.stream().map(r -> r.scores().get(dim) == null ? null
                    : Math.round(r.scores().get(dim).mean())).toList()));
        }
        // the chart names a round by its number only ("Ronde 2"): the date is in the table, and fits no phone's axis
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < upTo.size(); i++) {
            numbers.add(words.plainManager(language, "round", Map.of()) + " " + upTo.get(i).numberIn(comparison.rounds()));
        }
        return new Comparisons.RoundsSideBySide(upTo.size() > 1, names, rows, s.previous() != null,
                s.previous() == null ? "" : labels.label(comparison.rounds(), s.previous()),
                labels.label(comparison.rounds(), s.round()), changes,
                charts.chart("lines", numbers, series));
    }

    /** The wijken side by side, then the whole team; empty ({@code comparable} false) with fewer than two columns. */
    Comparisons.WijkenSideBySide wijken(WijkComparison.Table t) {
        List<String> names = t.dimensions().stream().map(d -> words.dimension(flow, d, language)).toList();
        List<Comparisons.Row> rows = new ArrayList<>();
        for (WijkComparison.Column c : t.columns()) {
            rows.add(new Comparisons.Row(c.others() ? words.plainManager(language, "other_wijken", Map.of()) : c.wijk(),
                    c.respondents(), t.dimensions().stream().map(d -> Mean.of(c.means().get(d))).toList()));
        }
        Comparisons.Row total = new Comparisons.Row(words.plainManager(language, "whole_team", Map.of()), t.total().respondents(),
                t.dimensions().stream().map(d -> Mean.of(t.total().means().get(d))).toList());
        return new Comparisons.WijkenSideBySide(t.comparable(), names, rows, total, grouped(names, rows));
    }

    /** A row of teams, one per team with a counted round: its latest counted round. */
    record TeamRound(Team team, RoundComparison.Round round) {
    }

    /** The teams side by side (admins only), each by its latest counted round; dimensions some team shows. */
    Comparisons.TeamsSideBySide teams(List<TeamRound> teams) {
        List<String> compared = flow.dimensions().stream()
                .filter(d -> teams.stream().anyMatch(t -> t.round().scores().containsKey(d))).toList();
        List<String> names = compared.stream().map(d -> words.dimension(flow, d, language)).toList();
        List<Comparisons.Row> rows = new ArrayList<>();
        List<Comparisons.TeamRow> teamRows = new ArrayList<>();
        for (TeamRound t : teams) {
            Comparisons.Row row = new Comparisons.Row(t.team().name(), t.round().respondents(),
                    compared.stream().map(d -> mean(t.round().scores().get(d))).toList());
            rows.add(row);
            teamRows.add(new Comparisons.TeamRow(row.name(), nl.samenspraak.i18n.Moments.day(nl.samenspraak.round.SurveyRound.namedBy(t.round().end()), zone, language), row.respondents(), row.means()));
        }
        return new Comparisons.TeamsSideBySide(teams.size() > 1, names, teamRows, grouped(names, rows));
    }

    /** The questions that the 2016 survey asked too: the team's answers (when shown) beside the survey's figures. */
    List<FlowPage.Question> benchmarks(FlowPageModel page, Report report) {
        List<FlowPage.Question> found = new ArrayList<>();
        for (int i = 0; i < report.questions().size(); i++) {
            Report.Question q = report.questions().get(i);
            if (q.step().benchmark() != null) {
                found.add(page.question(q, i));
            }
        }
        return found;
    }

    private String grouped(List<String> names, List<Comparisons.Row> rows) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Comparisons.Row r : rows) {
            series.add(Map.of("label", r.name(), "data", r.means().stream().map(Mean::rounded).toList()));
        }
        return charts.chart("grouped", names, series);
    }

    private static Mean mean(RoundComparison.Score score) {
        return Mean.of(score == null ? null : score.mean());
    }

}
