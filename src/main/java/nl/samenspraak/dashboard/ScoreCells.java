package nl.samenspraak.dashboard;

import nl.samenspraak.dashboard.MinimumGroupSize.Key;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether a score may be shown over some cells (a round; a round and the flow page's filters; a wijk column, a round
 * and those filters): the one rule the flow page ({@link Aggregator}), its trend, the round summary and the rounds
 * side by side ({@link RoundComparison}, which the team report and the advice read) and the wijken side by side
 * ({@link WijkComparison}) ask. In every cell, those with a score and those without are each nobody or at least k,
 * and so are, for every question the score counts on, those who answered it and those who did not: the cell rule
 * a question itself is shown by ({@link Aggregator#keys}). Without the second half a round of twelve all with a
 * trust score showed "50-74: 2" beside the shame question it hid for its two answers: the two in 50-74 were the two
 * who said "ja" (0 points), and the mean gave the points they lacked.
 * <p>
 * With {@code Shown.SCORE_HIDDEN} (a question is hidden wherever a score it counts on is) both directions hold. This
 * rule reads the answers only, never whether a question is shown, so there is no loop to settle: the scores are
 * decided first, then the questions, and no order of evaluation shows a score beside a question hidden for its cells.
 * <p>
 * Where a question asked differently in different versions is shown per way it was asked (the flow page, its trend and
 * its export), each way is a cell of every score it counts on too ({@link #withWays}): a part's counts give the score
 * of those asked so when it is the score's only question, and an export's rows give it for any. The whole team's page
 * showed samen's part "v1, v2" (5 with a netwerk score, 1 "weet ik niet") while the v2 page, whose 6 they all were, hid
 * netwerk and samen for that one person without a score ({@code ScoreFromQuestionsAuditTest}). The round summary and
 * the wijken side by side show no parts and do not split by the ways.
 * Plain Java.
 */
final class ScoreCells {
    private ScoreCells() {
    }

    /** Whether {@code dimension} may be shown over {@code cells} of {@code people}: its own cells and its questions'. */
    static <T> boolean harmless(MinimumGroupSize k, Flow flow, String dimension, Collection<T> people,
                                Function<T, Response> response, List<Key<T>> cells) {
        return k.harmless(people, Aggregator.keys(r -> response.apply(r).scores().get(dimension) != null, cells, null))
                && questionsHarmless(k, flow, dimension, people, response, cells);
    }

    /**
     * {@code cells}, and the way each question {@code dimension} counts on was asked, for those that were asked
     * differently ({@code asked}: a key per changed question, by step id; see {@code Aggregator}).
     */
    static <T> List<Key<T>> withWays(Flow flow, String dimension, List<Key<T>> cells, Map<String, Key<T>> asked) {
        List<Key<T>> keys = new ArrayList<>(cells);
        for (Step step : flow.steps()) {
            if (asked.containsKey(step.id()) && step.countsOn(dimension)) {
                keys.add(asked.get(step.id()));
            }
        }
        return keys;
    }

    /**
     * Whether, in every cell, each question {@code dimension} counts on has nobody or at least k who answered it, and
     * nobody or at least k who did not.
     */
    static <T> boolean questionsHarmless(MinimumGroupSize k, Flow flow, String dimension, Collection<T> people,
                                         Function<T, Response> response, List<Key<T>> cells) {
        for (Step step : flow.steps()) {
            if (step.asksSomething() && !step.consent() && step.countsOn(dimension)
                    && !k.harmless(people, Aggregator.keys(r -> response.apply(r).answer(step.id()) != null, cells, null))) {
                return false;
            }
        }
        return true;
    }
}
