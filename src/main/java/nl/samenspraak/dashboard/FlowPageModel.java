package nl.samenspraak.dashboard;

import io.micronaut.json.JsonMapper;
import nl.samenspraak.dashboard.Report.Shown;
import nl.samenspraak.flow.Benchmark;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.i18n.SafeHtml;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Report} as the flow page's {@link FlowPage}, in the manager's language: every figure once as a chart
 * (its data as JSON for Chart.js) and once as a table, the chart's text alternative.
 */
final class FlowPageModel {
    private final Flow flow;
    private final Report report;
    private final Selection selection;
    private final DashboardWords words;
    private final ChartJson charts;
    private final ZoneId zone;
    private final String language;

    FlowPageModel(Flow flow, Report report, Selection selection, DashboardWords words, JsonMapper json, ZoneId zone, String language) {
        this.flow = flow;
        this.report = report;
        this.selection = selection;
        this.words = words;
        this.charts = new ChartJson(json);
        this.zone = zone;
        this.language = language;
    }

    /** The page's figures, worded. */
    FlowPage page() {
        Map<String, Object> k = Map.of("k", report.k());
        List<FlowPage.Question> questions = new ArrayList<>();
        for (int i = 0; i < report.questions().size(); i++) {
            questions.add(question(report.questions().get(i), i));
        }
        return new FlowPage(report.visibility().name(), report.respondents(), words.message(language, "k_note", k),
                words.message(language, "too_few_team", k), words.message(language, "refused", k), filters(),
                groups(questions), dimensions(), trend(), query(), ExportTexts.any(report));
    }

    /**
     * The questions by dimension, for the table of contents and the sections that fold away: each question under
     * the first dimension it counts on (a scale's own, or the first its options give points to), in the flow's
     * order; questions that count on none come last, under "other questions".
     */
    private List<FlowPage.QuestionGroup> groups(List<FlowPage.Question> questions) {
        Map<String, List<FlowPage.Question>> by = new LinkedHashMap<>();
        flow.dimensions().forEach(d -> by.put(d, new ArrayList<>()));
        by.put("", new ArrayList<>());
        for (int i = 0; i < questions.size(); i++) {
            by.get(dimensionOf(report.questions().get(i).step())).add(questions.get(i));
        }
        List<FlowPage.QuestionGroup> groups = new ArrayList<>();
        by.forEach((d, qs) -> {
            if (!qs.isEmpty()) {
                groups.add(new FlowPage.QuestionGroup(d.isEmpty() ? "other" : d,
                        d.isEmpty() ? words.plainManager(language, "other_questions", Map.of()) : words.dimension(flow, d, language), qs));
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

    private FlowPage.Filters filters() {
        Report.Filters f = report.filters();
        Map<String, Object> k = Map.of("k", report.k());
        SafeHtml none = new SafeHtml("");
        return new FlowPage.Filters(
                asked(f.periods().stream().map(p -> option(p, words.period(p, language), p.equals(selection.period()))).toList(),
                        selection.period(), p -> Granularity.of(p).isPresent() ? words.period(p, language) : p),
                f.granularity() != null,
                f.granularity() == null ? words.message(language, "filter_period_unusable", k)
                        : f.granularity() == Granularity.MONTH ? none : words.message(language, "filter_period_coarse", k),
                asked(f.wijken().stream().map(w -> option(w, w, w.equals(selection.wijk()))).toList(), selection.wijk(), w -> w),
                f.wijkUsable() && !f.wijken().isEmpty(),
                f.wijkUsable() ? none : words.message(language, "filter_wijk_unusable", k),
                asked(f.versions().stream().map(v -> option(v.version(), words.version(v, zone, language),
                        v.version().equals(selection.version()))).toList(), selection.version(), v -> v),
                f.versionUsable() && f.versions().size() > 1,
                f.versionUsable() ? none : words.message(language, "filter_version_unusable", k));
    }

    /**
     * The options with the one the address asked for chosen, added where it is none of them (a wijk since renamed, a
     * bookmark's month out of reach, a hand-typed value): the form showed "Alle wijken" above a refusal of one wijk,
     * so the manager could not see what was refused. Their own words back; nothing about anyone.
     */
    private static List<FlowPage.Option> asked(List<FlowPage.Option> options, String asked,
                                               java.util.function.Function<String, String> label) {
        if (asked == null || options.stream().anyMatch(o -> o.value().equals(asked))) {
            return options;
        }
        List<FlowPage.Option> all = new ArrayList<>(options);
        all.add(option(asked, label.apply(asked), true));
        return all;
    }

    private static FlowPage.Option option(String value, String label, boolean selected) {
        return new FlowPage.Option(value, label, selected ? "selected" : "");
    }

    /** A question of the report as the flow, drill-down and compare pages show it; {@code index} from 0. */
    FlowPage.Question question(Report.Question q, int index) {
        Step step = q.step();
        Map<String, Object> k = Map.of("k", report.k());
        SafeHtml hiddenNote = switch (q.shown()) {
            case SHOWN -> new SafeHtml("");
            // too few answered and too few left out read alike: which side is small would say that someone is there
            case TOO_FEW -> words.message(language, q.changed() ? "question_too_few_per_version" : "question_small_group", k);
            case NOT_PER_SELECTION -> words.message(language, "question_not_per_selection", k);
            case FEW_LEFT_OUT, QUESTION_FEW -> words.message(language, "question_small_group", k);
            case SCORE_HIDDEN -> words.message(language, "question_score_hidden", k);
            case NOBODY -> words.message(language, "question_nobody", k);
        };
        List<FlowPage.Part> parts = new ArrayList<>();
        for (int p = 0; p < q.parts().size(); p++) {
            parts.add(part(step, q.parts().get(p), "q" + (index + 1) + "-" + (p + 1)));
        }
        return new FlowPage.Question(step.id(), index + 1, words.question(flow, step, language), q.shown() == Shown.SHOWN,
                hiddenNote, q.changed(), step.type() == StepType.TEXT,
                words.message(language, "answered", Map.of("count", q.answered())), parts,
                step.benchmark() == null ? null : benchmark(step));
    }

    private FlowPage.Part part(Step step, Report.Part part, String id) {
        List<FlowPage.AnswerRow> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int base = part.answered();
        part.counts().forEach((value, count) -> {
            String label = words.answer(flow, step, value, language);
            labels.add(label);
            counts.add(count);
            rows.add(new FlowPage.AnswerRow(label, count, base == 0 ? 0 : Math.round(100.0 * count / base)));
        });
        List<FlowPage.FreeText> texts = part.texts().stream().map(t -> new FlowPage.FreeText(t.text(),
                t.language() == null ? "" : t.language(),
                t.language() == null ? "" : words.languageName(t.language()))).toList();
        return new FlowPage.Part(id, part.answered(),
                words.message(language, part.current() ? "part_versions_current" : "part_versions",
                        Map.of("versions", DashboardWords.list(part.versions()))),
                rows, texts, charts.chart("bar", labels, List.of(Map.of("label", words.plain(language, "count", Map.of()), "data", counts))), words.message(language, "chart_alt", Map.of()));
    }

    private FlowPage.Benchmark benchmark(Step step) {
        Benchmark b = step.benchmark();
        return new FlowPage.Benchmark(words.flowText(flow, "steps." + step.id() + ".benchmark.text", language),
                new SafeHtml(words.source(b.source(), language)),
                b.percent() == null ? "" : Math.round(b.percent()) + "%",
                b.figures().entrySet().stream().map(e -> new FlowPage.BenchmarkRow(
                        words.flowText(flow, "steps." + step.id() + ".benchmark.figures." + e.getKey(), language),
                        words.message(language, "benchmark_of", Map.of("count", whole(e.getValue()), "of", whole(b.of()))),
                        Math.round(100 * e.getValue() / b.of()))).toList());
    }

    private static String whole(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private FlowPage.Dimensions dimensions() {
        List<FlowPage.DimensionRow> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<List<Integer>> bands = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Map<String, Object> k = Map.of("k", report.k());
        for (Report.Dimension d : report.dimensions()) {
            String name = words.dimension(flow, d.id(), language);
            SafeHtml hiddenNote = switch (d.shown()) {
                case NOT_PER_SELECTION -> words.message(language, "question_not_per_selection", k);
                case QUESTION_FEW -> words.message(language, "score_question_small_group", k);
                case NOBODY -> words.message(language, "score_nobody", k);
                // as for a question: "fewer than 5 have no score" told that one to four had none
                default -> words.message(language, "score_small_group", k);
            };
            rows.add(new FlowPage.DimensionRow(name, d.shown() == Shown.SHOWN, hiddenNote, d.scored(), Math.round(d.mean()), d.bands()));
            if (d.shown() == Shown.SHOWN) {
                labels.add(name);
                for (int i = 0; i < 4; i++) {
                    bands.get(i).add(d.bands().get(i));
                }
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            series.add(Map.of("label", Report.Dimension.BANDS.get(i), "data", bands.get(i)));
        }
        return new FlowPage.Dimensions(rows, !rows.isEmpty(), !labels.isEmpty(), Report.Dimension.BANDS,
                charts.chart("stacked", labels, series), words.message(language, "chart_alt", Map.of()));
    }

    private FlowPage.Trend trend() {
        Report.Trend t = report.trend();
        if (t == null || t.points().isEmpty()) {
            return FlowPage.Trend.NONE;
        }
        List<String> periods = t.points().stream().map(p -> words.period(p.period(), language)).toList();
        List<String> names = t.dimensions().stream().map(d -> words.dimension(flow, d, language)).toList();
        List<FlowPage.TrendRow> rows = new ArrayList<>();
        for (int i = 0; i < t.points().size(); i++) {
            Report.Point p = t.points().get(i);
            rows.add(new FlowPage.TrendRow(periods.get(i), p.respondents(),
                    t.dimensions().stream().map(d -> Mean.of(p.means().get(d))).toList()));
        }
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("label", words.plain(language, "respondents", Map.of()), "kind", "bar", "axis", "count",
                "data", t.points().stream().map(Report.Point::respondents).toList()));
        for (int d = 0; d < t.dimensions().size(); d++) {
            String dim = t.dimensions().get(d);
            List<Long> means = t.points().stream().map(p -> Mean.of(p.means().get(dim)).rounded()).toList();
            series.add(Map.of("label", names.get(d), "kind", "line", "axis", "score", "data", means));
        }
        String granularity = t.granularity().name().toLowerCase(java.util.Locale.ROOT);
        boolean course = t.points().size() >= 2;
        return new FlowPage.Trend(true, words.message(language, "trend_" + granularity, Map.of()),
                names, rows, course ? charts.chart("trend", periods, series) : "",
                words.message(language, "chart_alt", Map.of()), course,
                course ? new SafeHtml("") : words.message(language, "trend_one_" + granularity, Map.of("period", periods.get(0))));
    }


}
