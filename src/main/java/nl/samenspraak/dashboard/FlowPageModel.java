package nl.samenspraak.dashboard;

import io.micronaut.json.JsonMapper;
import nl.samenspraak.dashboard.Report.Shown;
import nl.samenspraak.flow.Benchmark;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Report} as the flow page's model, in the manager's language: every figure once as a chart (its data
 * as JSON for Chart.js) and once as a table, the chart's text alternative.
 */
final class FlowPageModel {
    private final Flow flow;
    private final Report report;
    private final Selection selection;
    private final DashboardWords words;
    private final JsonMapper json;
    private final ZoneId zone;
    private final String language;

    FlowPageModel(Flow flow, Report report, Selection selection, DashboardWords words, JsonMapper json, ZoneId zone, String language) {
        this.flow = flow;
        this.report = report;
        this.selection = selection;
        this.words = words;
        this.json = json;
        this.zone = zone;
        this.language = language;
    }

    void fill(Map<String, Object> model) {
        Map<String, Object> k = Map.of("k", report.k());
        model.put("visibility", report.visibility().name());
        model.put("respondents", report.respondents());
        model.put("fewerThanK", words.message(language, "fewer_than", k));
        model.put("kNote", words.message(language, "k_note", k));
        model.put("tooFewTeam", words.message(language, "too_few_team", k));
        model.put("refused", words.message(language, "refused", k));
        model.put("filters", filters());
        List<Map<String, Object>> questions = new ArrayList<>();
        for (int i = 0; i < report.questions().size(); i++) {
            questions.add(question(report.questions().get(i), i));
        }
        model.put("questions", questions);
        model.put("groups", groups(questions));
        model.put("dimensions", dimensions());
        model.put("trend", trend());
        model.put("query", query());
    }

    /**
     * The questions by dimension, for the table of contents and the sections that fold away: each question under
     * the first dimension it counts on (a scale's own, or the first its options give points to), in the flow's
     * order; questions that count on none come last, under "other questions".
     */
    private List<Map<String, Object>> groups(List<Map<String, Object>> questions) {
        Map<String, List<Map<String, Object>>> by = new LinkedHashMap<>();
        flow.dimensions().forEach(d -> by.put(d, new ArrayList<>()));
        by.put("", new ArrayList<>());
        for (int i = 0; i < questions.size(); i++) {
            by.get(dimensionOf(report.questions().get(i).step())).add(questions.get(i));
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        by.forEach((d, qs) -> {
            if (!qs.isEmpty()) {
                groups.add(Map.of("id", d.isEmpty() ? "other" : d, "questions", qs,
                        "name", d.isEmpty() ? words.plainManager(language, "other_questions", Map.of()) : words.dimension(flow, d, language)));
            }
        });
        return groups;
    }

    /** The dimension a step counts on first; "" for none (or one the flow does not list). */
    static String dimensionOf(Flow flow, Step step) {
        if (step.dimension() != null && flow.dimensions().contains(step.dimension())) {
            return step.dimension();
        }
        // in the flow's order of dimensions: an option's points keep no order of their own
        return flow.dimensions().stream().filter(d -> step.options().stream().anyMatch(o -> o.points().containsKey(d)))
                .findFirst().orElse("");
    }

    private String dimensionOf(Step step) {
        return dimensionOf(flow, step);
    }

    /** The selection as a query string, for the export links. */
    private String query() {
        StringBuilder b = new StringBuilder("lang=").append(enc(language));
        if (selection.period() != null) {
            b.append("&period=").append(enc(selection.period()));
        }
        if (selection.wijk() != null) {
            b.append("&wijk=").append(enc(selection.wijk()));
        }
        if (selection.version() != null) {
            b.append("&version=").append(enc(selection.version()));
        }
        return b.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Map<String, Object> filters() {
        Report.Filters f = report.filters();
        Map<String, Object> k = Map.of("k", report.k());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("periods", f.periods().stream().map(p -> option(p, words.period(p, language), p.equals(selection.period()))).toList());
        m.put("periodUsable", f.granularity() != null);
        m.put("periodNote", f.granularity() == null ? words.message(language, "filter_period_unusable", k)
                : f.granularity() == Granularity.MONTH ? "" : words.message(language, "filter_period_coarse", k));
        m.put("wijken", f.wijken().stream().map(w -> option(w, w, w.equals(selection.wijk()))).toList());
        m.put("wijkUsable", f.wijkUsable() && !f.wijken().isEmpty());
        m.put("wijkNote", f.wijkUsable() || f.wijken().isEmpty() ? "" : words.message(language, "filter_wijk_unusable", k));
        m.put("versions", f.versions().stream().map(v -> option(v.version(), words.version(v, zone, language),
                v.version().equals(selection.version()))).toList());
        m.put("versionUsable", f.versionUsable() && f.versions().size() > 1);
        m.put("versionNote", f.versionUsable() || f.versions().size() < 2 ? "" : words.message(language, "filter_version_unusable", k));
        return m;
    }

    private static Map<String, Object> option(String value, String label, boolean selected) {
        return Map.of("value", value, "label", label, "selected", selected ? "selected" : "");
    }

    Map<String, Object> question(Report.Question q, int index) {
        Step step = q.step();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", step.id());
        m.put("index", index + 1);
        m.put("text", words.question(flow, step, language));
        m.put("shown", q.shown() == Shown.SHOWN);
        m.put("hiddenNote", switch (q.shown()) {
            case SHOWN -> "";
            case TOO_FEW -> words.message(language, q.changed() ? "question_too_few_per_version" : "question_too_few", Map.of("k", report.k()));
            case NOT_PER_SELECTION -> words.message(language, "question_not_per_selection", Map.of("k", report.k()));
            case FEW_LEFT_OUT -> words.message(language, "question_few_left_out", Map.of("k", report.k()));
        });
        m.put("changed", q.changed());
        m.put("isText", step.type() == StepType.TEXT);
        m.put("answered", words.message(language, "answered", Map.of("count", q.answered())));
        List<Map<String, Object>> parts = new ArrayList<>();
        for (int p = 0; p < q.parts().size(); p++) {
            parts.add(part(step, q.parts().get(p), "q" + (index + 1) + "-" + (p + 1)));
        }
        m.put("parts", parts);
        m.put("benchmark", step.benchmark() == null ? Map.of() : benchmark(step));
        m.put("hasBenchmark", step.benchmark() != null);
        return m;
    }

    private Map<String, Object> part(Step step, Report.Part part, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("answered", part.answered());
        m.put("versions", words.message(language, part.current() ? "part_versions_current" : "part_versions",
                Map.of("versions", DashboardWords.list(part.versions()))));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int base = part.answered();
        part.counts().forEach((value, count) -> {
            String label = words.answer(flow, step, value, language);
            labels.add(label);
            counts.add(count);
            rows.add(Map.of("label", label, "count", count, "percent", base == 0 ? 0 : Math.round(100.0 * count / base)));
        });
        m.put("rows", rows);
        m.put("texts", part.texts().stream().map(t -> Map.of("text", t.text(),
                "language", t.language() == null ? "" : t.language(),
                "languageName", t.language() == null ? "" : words.languageName(t.language()))).toList());
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bar");
        chart.put("labels", labels);
        chart.put("series", List.of(Map.of("label", words.plain(language, "count", Map.of()), "data", counts)));
        m.put("chart", write(chart));
        m.put("chartAlt", words.message(language, "chart_alt", Map.of()));
        return m;
    }

    private Map<String, Object> benchmark(Step step) {
        Benchmark b = step.benchmark();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", words.flowText(flow, "steps." + step.id() + ".benchmark.text", language));
        m.put("source", new nl.samenspraak.i18n.SafeHtml(words.source(b.source(), language)));
        m.put("percent", b.percent() == null ? "" : Math.round(b.percent()) + "%");
        m.put("rows", b.figures().entrySet().stream().map(e -> Map.of(
                "label", words.flowText(flow, "steps." + step.id() + ".benchmark.figures." + e.getKey(), language),
                "figure", words.message(language, "benchmark_of", Map.of("count", whole(e.getValue()), "of", whole(b.of()))),
                "percent", Math.round(100 * e.getValue() / b.of()))).toList());
        return m;
    }

    private static String whole(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private Map<String, Object> dimensions() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<List<Integer>> bands = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Report.Dimension d : report.dimensions()) {
            String name = words.dimension(flow, d.id(), language);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("shown", d.shown() == Shown.SHOWN);
            row.put("hiddenNote", switch (d.shown()) {
                case NOT_PER_SELECTION -> words.message(language, "question_not_per_selection", Map.of("k", report.k()));
                case FEW_LEFT_OUT -> words.message(language, "score_few_left_out", Map.of("k", report.k()));
                default -> words.message(language, "fewer_than", Map.of("k", report.k()));
            });
            row.put("scored", d.scored());
            row.put("mean", Math.round(d.mean()));
            row.put("bands", d.bands());
            rows.add(row);
            if (d.shown() == Shown.SHOWN) {
                labels.add(name);
                for (int i = 0; i < 4; i++) {
                    bands.get(i).add(d.bands().get(i));
                }
            }
        }
        m.put("rows", rows);
        m.put("any", !rows.isEmpty());
        m.put("charted", !labels.isEmpty());
        m.put("bandNames", Report.Dimension.BANDS);
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            series.add(Map.of("label", Report.Dimension.BANDS.get(i), "data", bands.get(i)));
        }
        m.put("chart", write(Map.of("kind", "stacked", "labels", labels, "series", series)));
        m.put("chartAlt", words.message(language, "chart_alt", Map.of()));
        return m;
    }

    private Map<String, Object> trend() {
        Report.Trend t = report.trend();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shown", t != null);
        if (t == null) {
            m.put("title", "");
            return m;
        }
        m.put("title", words.message(language, "trend_" + t.granularity().name().toLowerCase(java.util.Locale.ROOT), Map.of()));
        List<String> periods = t.points().stream().map(p -> words.period(p.period(), language)).toList();
        List<String> names = t.dimensions().stream().map(d -> words.dimension(flow, d, language)).toList();
        m.put("dimensionNames", names);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < t.points().size(); i++) {
            Report.Point p = t.points().get(i);
            rows.add(Map.of("period", periods.get(i), "respondents", p.respondents(),
                    "means", t.dimensions().stream().map(d -> p.means().get(d) == null ? "–" : "" + Math.round(p.means().get(d))).toList()));
        }
        m.put("rows", rows);
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("label", words.plain(language, "respondents", Map.of()), "kind", "bar", "axis", "count",
                "data", t.points().stream().map(Report.Point::respondents).toList()));
        for (int d = 0; d < t.dimensions().size(); d++) {
            String dim = t.dimensions().get(d);
            List<Long> means = new ArrayList<>();
            t.points().forEach(p -> means.add(p.means().get(dim) == null ? null : Math.round(p.means().get(dim))));
            series.add(Map.of("label", names.get(d), "kind", "line", "axis", "score", "data", means));
        }
        m.put("chart", write(Map.of("kind", "trend", "labels", periods, "series", series)));
        m.put("chartAlt", words.message(language, "chart_alt", Map.of()));
        return m;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
