package nl.samenspraak.dashboard;

import nl.samenspraak.i18n.SafeHtml;

import java.util.List;

/**
 * One round's summary as {@link SummaryModel} words it, for the summary page and the team report alike, as typed
 * view models: the templates read {@code $s.rows} from records (see {@code web.RecordProperties}) and the compiler,
 * not a test, notices a missing or misspelt field. Only dimensions {@link RoundComparison} may show carry figures.
 *
 * @param roundLabel   "Ronde 2 · 2 december 2026"
 * @param previousDate the previous counted round's label, "" without one
 * @param withActions  the rows with actions agreed after the previous round
 * @param texts        the questions answered in one's own words, with this round's texts (none for a flow without)
 */
record RoundSummary(long roundId, int respondents, SafeHtml participation, List<RoundLink> rounds, String roundLabel,
                    boolean hasPrevious, String previousDate, List<ScoreRow> rows, boolean anyScores,
                    List<String> bandNames, String chart, SafeHtml chartAlt,
                    List<RankedDimension> strongest, List<RankedDimension> weakest, List<Tip> advice,
                    List<ScoreRow> withActions, List<AgreedAction> ownActions, List<DimensionOption> dimensionOptions,
                    List<RoundTexts> texts) {

    /** A counted round to switch to; {@code current} for the one shown. */
    record RoundLink(long id, String date, boolean current) {
    }

    /**
     * A dimension's mean and spread in this round (when shown), its change since the previous round ("+8", "" when
     * not comparable) and the actions agreed on it after the previous round.
     *
     * @param mean  the rounded mean, "" when not shown
     * @param bands the number of people per band, empty when not shown
     * @param note  why it is not shown: hidden for the few, or nobody in the round has a score on it ("" when shown)
     */
    record ScoreRow(String id, String name, boolean shown, String mean, List<Integer> bands, String change,
                    boolean hasChange, List<AgreedAction> actions, SafeHtml note) {
    }

    /** One of the strongest or weakest dimensions: its mean and change ("" when not comparable). */
    record RankedDimension(String id, String name, long mean, String change) {
    }

    /** A tip of the research for a weak dimension, in the words the professionals get (or the team's own). */
    record Tip(String dimension, SafeHtml title, SafeHtml text, SafeHtml source) {
    }

    /**
     * An action the team agreed: its id, on which dimension (its name; {@code dimensionId} for the form that changes
     * it), what, who, and by when ("" without a date; {@code dueValue} as the date field takes it, and
     * {@code earliestDue} the earliest that field offers: today, or the date it has when that is past).
     */
    record AgreedAction(long id, String dimension, String dimensionId, String what, String who, String due,
                        String dueValue, String earliestDue) {
    }

    /**
     * A question answered in one's own words and what this round's people wrote, word for word, in the order of the
     * alphabet, without language or anything else about who wrote it; or, {@code shown} false, why not ({@code note}).
     *
     * @param count "7 antwoorden", "" when not shown
     */
    record RoundTexts(String id, SafeHtml question, boolean shown, SafeHtml note, String count, List<String> texts) {
    }

    /** A dimension in the action form's drop-down; {@code selected} is "selected" or "". */
    record DimensionOption(String id, String name, String selected) {
    }
}
