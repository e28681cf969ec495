package nl.samenspraak.dashboard;

import nl.samenspraak.i18n.SafeHtml;

import java.util.List;

/**
 * The comparisons of one team and flow as {@link TeamComparisons} works them out and {@link CompareModel} words
 * them, for the compare page and the team report alike, as typed view models: the templates read
 * {@code $c.wijken.rows} from records (see {@code web.RecordProperties}) and the compiler, not a test, notices a
 * missing or misspelt field. Every figure in them passed the cell rule before it got here.
 *
 * @param rounds     the counted rounds side by side, null when {@code hasRounds} is false
 * @param benchmarks the questions the 2016 survey asked too (the team's figures shown only when the flow page shows them)
 * @param benchmarksOver what those figures count when it is several rounds ("" else): the page is opened from one
 *                       round, and its 26 people were read as that round's 7
 * @param teams      the teams side by side (an admin's), null when {@code forAdmin} is false
 */
record Comparisons(boolean hasRounds, RoundsSideBySide rounds, SafeHtml noRounds, boolean resident,
                   WijkenSideBySide wijken, SafeHtml wijkenNone, boolean hasBenchmarks, List<FlowPage.Question> benchmarks,
                   SafeHtml benchmarksOver, boolean forAdmin, TeamsSideBySide teams) {

    /** A row of a comparison: whose figures (a round, a wijk, the whole team), how many people, and the means. */
    record Row(String name, int respondents, List<Mean> means) {
    }

    /**
     * The counted rounds up to the one shown, oldest first, and that round against the previous.
     *
     * @param several whether there is more than one round (a chart)
     * @param names   the dimensions' names, the columns
     * @param chart   a line per dimension over the rounds, as JSON for Chart.js
     */
    record RoundsSideBySide(boolean several, List<String> names, List<Row> rows, boolean hasPrevious,
                            String previousLabel, String roundLabel, List<Change> changes, String chart) {
    }

    /** A dimension's mean in the previous round and in this one, and the change ("+8", "-3", "±0"). */
    record Change(String name, long before, long now, String change) {
    }

    /** The wijken side by side, then the whole team; {@code comparable} false with fewer than two columns. */
    record WijkenSideBySide(boolean comparable, List<String> names, List<Row> rows, Row total, String chart) {
    }

    /** The teams side by side, each by its latest counted round (ended on {@code date} of its row). */
    record TeamsSideBySide(boolean comparable, List<String> names, List<TeamRow> rows, String chart) {
    }

    /** A team's row: its name, when its latest counted round ended, how many took part, and the means. */
    record TeamRow(String name, String date, int respondents, List<Mean> means) {
    }
}
