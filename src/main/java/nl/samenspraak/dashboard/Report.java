package nl.samenspraak.dashboard;

import nl.samenspraak.flow.Step;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard may show about one team's answers to one flow, for one selection: plain figures, no
 * words (the page adds those in the manager's language). Whatever the minimum group size forbids is absent
 * here, with the reason, so that no page or export can show it by mistake.
 */
public record Report(
        int k,
        Visibility visibility,
        /* respondents in the selection; 0 unless visibility is SHOWN */
        int respondents,
        Filters filters,
        List<Question> questions,
        List<Dimension> dimensions,
        /* null when time can't be split finely enough to show a trend */
        Trend trend,
        /* what an export of this selection may hold */
        Export export) {

    public enum Visibility {
        /** Nobody finished the flow in this team yet. */
        NO_RESPONSES,
        /** Fewer than k respondents in the team: nothing at all is shown. */
        TOO_FEW,
        /** The selection uses a filter that could single out fewer than k by difference. */
        REFUSED,
        /** Nobody in the selection. */
        EMPTY,
        SHOWN
    }

    /** Whether one question's (or one score's) figures are shown in this selection, and if not, why. */
    public enum Shown {
        SHOWN,
        /** Fewer than k answered it (in the selection). */
        TOO_FEW,
        /** Shown for the whole team only: per filter, some group answered it too rarely. */
        NOT_PER_SELECTION,
        /** Enough answered, but fewer than k did not (skipped it or never got it): the difference would tell. */
        FEW_LEFT_OUT,
        /**
         * A question only: it counts on a score that is not shown in this selection (over several rounds: that some
         * round hides), and its answers would let that score be worked out.
         */
        SCORE_HIDDEN,
        /**
         * A score only: a question it counts on was answered, or left unanswered, by 1..k-1 in some cell (see
         * {@link ScoreCells}); the score's spread would tell about them.
         */
        QUESTION_FEW,
        /**
         * Nobody in the selection answered it (or has the score), and every cell is nobody or at least k: nothing to
         * show, and nothing hidden. Not a reason to hide a score's questions.
         */
        NOBODY;

        /** Whether figures that exist are kept back (not merely absent because nobody gave any). */
        public boolean hides() {
            return this != SHOWN && this != NOBODY;
        }
    }

    /** A flow version present among the answers: its hash and when this service first ran it (null: unknown). */
    public record Version(String version, Instant recordedAt) {
    }

    /**
     * The filters that may be used: the wijken and versions among the answers, and the periods at the finest
     * granularity that keeps every group large enough (null when time can't be split at all).
     */
    public record Filters(List<String> wijken, boolean wijkUsable, List<Version> versions, boolean versionUsable,
                          Granularity granularity, List<String> periods) {
    }

    /**
     * One question. {@code changed}: it was asked differently in different flow versions, so {@code parts}
     * holds one part per way it was asked; otherwise one part.
     */
    public record Question(Step step, Shown shown, int answered, boolean changed, List<Part> parts) {
    }

    /**
     * The answers given to one way of asking a question: the versions that asked it so, whether the current
     * version is one of them, how many answered, the count per answer value (option order first), and for
     * free text the texts themselves, sorted, each with its language.
     */
    public record Part(List<String> versions, boolean current, int answered, Map<String, Integer> counts,
                       List<FreeText> texts) {
    }

    /** A free text and its language; language null when fewer than k wrote in it (the label would tell). */
    public record FreeText(String text, String language) {
    }

    /** A score dimension: how many have a score, the mean, and how many fall in each quarter of 0-100. */
    public record Dimension(String id, Shown shown, int scored, double mean, List<Integer> bands) {
        public static final List<String> BANDS = List.of("0-24", "25-49", "50-74", "75-100");
    }

    /** Respondents and mean scores per period; a dimension not in {@code dimensions} has no line. */
    public record Trend(Granularity granularity, List<String> dimensions, List<Point> points) {
    }

    public record Point(String period, int respondents, Map<String, Double> means) {
    }

    /**
     * The rows an export may hold (the selection's responses), the questions whose answers it may hold, and
     * which describing columns are safe: version, wijk, language, period (null: left out).
     */
    /**
     * {@code roundOf}: each row's round, counted from 1 in the order the rounds closed; empty when the rows come from one
     * round or from none (a round is a cell of every figure already, so naming it tells nothing finer).
     */
    public record Export(List<Response> rows, List<Question> questions, boolean version, boolean wijk,
                         boolean language, Granularity period, Map<Response, Integer> roundOf) {
    }
}
