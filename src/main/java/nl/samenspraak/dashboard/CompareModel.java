package nl.samenspraak.dashboard;

import io.micronaut.json.JsonMapper;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.team.Team;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private final ZoneId zone;
    private final String language;

    CompareModel(Flow flow, DashboardWords words, JsonMapper json, ZoneId zone, String language) {
        this.flow = flow;
        this.words = words;
        this.json = json;
        this.zone = zone;
        this.language = language;
    }

    /** The counted rounds up to {@code s}'s round, oldest first, with their means, and this round against the previous. */
    Map<String, Object> rounds(RoundComparison comparison, RoundComparison.Summary s) {
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
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RoundComparison.Round r : upTo) {
            rows.add(row(labels.label(comparison.rounds(), r), r.respondents(), compared.stream().map(d -> mean(r.scores().get(d))).toList()));
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        if (s.previous() != null) {
            for (String d : compared) {
                RoundComparison.Score before = s.previous().scores().get(d);
                RoundComparison.Score now = s.round().scores().get(d);
                if (before != null && now != null) {
                    long delta = Math.round(now.mean()) - Math.round(before.mean());
                    changes.add(Map.of("name", words.dimension(flow, d, language), "before", Math.round(before.mean()),
                            "now", Math.round(now.mean()), "change", delta > 0 ? "+" + delta : delta < 0 ? "-" + (-delta) : "±0"));
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("several", upTo.size() > 1);
        m.put("names", names);
        m.put("rows", rows);
        m.put("hasPrevious", s.previous() != null);
        m.put("previousLabel", s.previous() == null ? "" : labels.label(comparison.rounds(), s.previous()));
        m.put("roundLabel", labels.label(comparison.rounds(), s.round()));
        m.put("changes", changes);
        List<Map<String, Object>> series = new ArrayList<>();
        for (int d = 0; d < compared.size(); d++) {
            String dim = compared.get(d);
            series.add(Map.of("label", names.get(d), "data", upTo.stream().map(r -> r.scores().get(dim) == null ? null
                    : Math.round(r.scores().get(dim).mean())).toList()));
        }
        // the chart names a round by its number only ("Ronde 2"): the date is in the table, and fits no phone's axis
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < upTo.size(); i++) {
            numbers.add(words.plainManager(language, "round", Map.of()) + " " + (comparison.rounds().indexOf(upTo.get(i)) + 1));
        }
        m.put("chart", write(Map.of("kind", "lines", "labels", numbers, "series", series)));
        m.put("chartRows", rows.stream().map(r -> (String) r.get("name")).toList());
        m.put("chartMeans", compared.stream().map(d -> upTo.stream().map(r -> r.scores().get(d) == null ? null
                : Math.round(r.scores().get(d).mean())).toList()).toList());
        return m;
    }

    /** The wijken side by side, then the whole team; empty ({@code comparable} false) with fewer than two columns. */
    Map<String, Object> wijken(WijkComparison.Table t) {
        List<String> names = t.dimensions().stream().map(d -> words.dimension(flow, d, language)).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WijkComparison.Column c : t.columns()) {
            rows.add(row(c.others() ? words.plainManager(language, "other_wijken", Map.of()) : c.wijk(), c.respondents(),
                    t.dimensions().stream().map(d -> mean(c.means().get(d))).toList()));
        }
        Map<String, Object> total = row(words.plainManager(language, "whole_team", Map.of()), t.total().respondents(),
                t.dimensions().stream().map(d -> mean(t.total().means().get(d))).toList());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("comparable", t.comparable());
        m.put("names", names);
        m.put("rows", rows);
        m.put("total", total);
        m.put("hasOthers", t.columns().stream().anyMatch(WijkComparison.Column::others));
        m.put("chart", grouped(names, rows));
        m.put("wijkNames", rows.stream().map(r -> (String) r.get("name")).toList());
        m.put("wijkMeans", t.columns().stream().map(c -> t.dimensions().stream().map(d -> c.means().get(d) == null ? null
                : Math.round(c.means().get(d))).toList()).toList());
        return m;
    }

    /** A row of teams, one per team with a counted round: its latest counted round. */
    record TeamRound(Team team, RoundComparison.Round round) {
    }

    /** The teams side by side (admins only), each by its latest counted round; dimensions some team shows. */
    Map<String, Object> teams(List<TeamRound> teams) {
        List<String> compared = flow.dimensions().stream()
                .filter(d -> teams.stream().anyMatch(t -> t.round().scores().containsKey(d))).toList();
        List<String> names = compared.stream().map(d -> words.dimension(flow, d, language)).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TeamRound t : teams) {
            Map<String, Object> row = row(t.team().name(), t.round().respondents(),
                    compared.stream().map(d -> mean(t.round().scores().get(d))).toList());
            row.put("date", words.date(t.round().end(), zone, language));
            rows.add(row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("comparable", teams.size() > 1);
        m.put("names", names);
        m.put("rows", rows);
        m.put("chart", grouped(names, rows));
        return m;
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

    private String grouped(List<String> names, List<Map<String, Object>> rows) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            series.add(Map.of("label", r.get("name"), "data", ((List<?>) r.get("means")).stream()
                    .map(v -> "–".equals(v) ? null : Long.valueOf(v.toString())).toList()));
        }
        return write(Map.of("kind", "grouped", "labels", names, "series", series));
    }

    private static Map<String, Object> row(String name, int respondents, List<String> means) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("respondents", respondents);
        row.put("means", means);
        return row;
    }

    private static String mean(RoundComparison.Score score) {
        return score == null ? "–" : Long.toString(Math.round(score.mean()));
    }

    private static String mean(Double mean) {
        return mean == null ? "–" : Long.toString(Math.round(mean));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
