package nl.samenspraak.dashboard;

import nl.samenspraak.i18n.SafeHtml;

import java.util.List;

/**
 * What the flow page shows of a {@link Report}, worded by {@link FlowPageModel}, as typed view models: a template
 * reads {@code $page.filters.periods} from records (see {@code web.RecordProperties}) and the compiler, not a test,
 * notices a missing or misspelt field. Only figures the report may show reach it: the cell rule was applied by
 * {@link Aggregator} already. A note is empty ("") when there is nothing to say.
 *
 * @param visibility the report's {@link Report.Visibility}, by name
 * @param query      the selection as a query string, for the export and drill-down links
 * @param exportTexts whether the export holds free texts, which have a file of their own ({@link ExportTexts})
 */
record FlowPage(String visibility, int respondents, SafeHtml kNote, SafeHtml tooFewTeam, SafeHtml refused,
                Filters filters, List<QuestionGroup> groups, Dimensions dimensions, Trend trend, String query,
                boolean exportTexts) {

    /** The filters' drop-downs, each usable or not with the reason why not. */
    record Filters(List<Option> periods, boolean periodUsable, SafeHtml periodNote,
                   List<Option> wijken, boolean wijkUsable, SafeHtml wijkNote,
                   List<Option> versions, boolean versionUsable, SafeHtml versionNote) {
    }

    /** An option of a drop-down; {@code selected} is "selected" or "", as the attribute is written. */
    record Option(String value, String label, String selected) {
    }

    /** The questions under one dimension (id "other" for those that count on none), a section that folds away. */
    record QuestionGroup(String id, String name, List<Question> questions) {
    }

    /**
     * A question with its figures (the drill-down and compare pages show it too).
     *
     * @param index      its number on the page, from 1
     * @param hiddenNote why its figures are not shown, "" when they are
     * @param benchmark  the 2016 survey's figures for it, or null
     */
    record Question(String id, int index, SafeHtml text, boolean shown, SafeHtml hiddenNote, boolean changed,
                    boolean isText, SafeHtml answered, List<Part> parts, Benchmark benchmark) {
    }

    /** A question's answers for the flow versions that asked it alike: a chart with its table, or the texts. */
    record Part(String id, int answered, SafeHtml versions, List<AnswerRow> rows, List<FreeText> texts,
                String chart, SafeHtml chartAlt) {
    }

    /** An answer, how many gave it and which percentage of those who answered that is. */
    record AnswerRow(String label, int count, long percent) {
    }

    /** A text written in one's own words; {@code language} and its name "" when not known. */
    record FreeText(String text, String language, String languageName) {
    }

    /**
     * The 2016 survey's answer to the same question: one percentage, or ({@code percent} "") a row per answer.
     */
    record Benchmark(String text, SafeHtml source, String percent, List<BenchmarkRow> rows) {
    }

    /** An answer of the survey: "12 of 40" and its percentage. */
    record BenchmarkRow(String label, SafeHtml figure, long percent) {
    }

    /** The scores per dimension: a stacked chart of those shown, and a table with every dimension. */
    record Dimensions(List<DimensionRow> rows, boolean any, boolean charted, List<String> bandNames, String chart,
                      SafeHtml chartAlt) {
    }

    /** A dimension's scores (how many have one, their mean, how many per band), or why they are not shown. */
    record DimensionRow(String name, boolean shown, SafeHtml hiddenNote, int scored, long mean, List<Integer> bands) {
    }

    /** The respondents and means per period, or ({@code shown} false) nothing to draw. */
    /**
     * The trend: its table, and its chart where there is a course to draw. All conversations in one period (a team's
     * first month) drew one bar and a dot on an empty axis: that period's figures stay in the table, and {@code note}
     * says when the course appears.
     */
    record Trend(boolean shown, SafeHtml title, List<String> dimensionNames, List<TrendRow> rows, String chart,
                 SafeHtml chartAlt, boolean charted, SafeHtml note) {
        static final Trend NONE = new Trend(false, new SafeHtml(""), List.of(), List.of(), "", new SafeHtml(""),
                false, new SafeHtml(""));
    }

    /** A period's respondents and means per dimension ("–" where it has none). */
    record TrendRow(String period, int respondents, List<Mean> means) {
    }
}
