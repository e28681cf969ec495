package nl.samenspraak.result;

import nl.samenspraak.engine.ScoreCalculator;
import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Bands;
import nl.samenspraak.flow.Condition;
import nl.samenspraak.flow.Flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which answers and scores a tip's "why" names, in the order it names them: each answer its condition's true parts
 * read, and each score they read, with the answers that explain it. A score the condition joins by "and" to answers
 * of its own part is explained by those answers alone: the tip is about that practice, and the score only says the
 * part is low. The part's weakest answers quoted under it had four tips of one part quote the same three answers, and
 * the tip on a family's story ("band.werkwijze == 'low' && !(... all five asked ...)") quoted the answers on time and
 * on practical help, never the one on the story (the research probe). A score read on its own (a tip about the whole
 * part) is explained by the answers that made it what it is. Plain Java: every flow's tips, uploaded ones too.
 */
final class TipReasons {
    /** How many answers a tip's "why" quotes for a score at most. */
    static final int WHY_QUOTES = 3;
    /** A tip about more scores than this names the scores only: quoting answers for each would bury it. */
    static final int WHY_QUOTED_SCORES = 2;

    private TipReasons() {
    }

    /** One thing a tip's "why" names. */
    sealed interface Reason permits Answer, Score {
    }

    /** The answer to this step. */
    record Answer(String step) implements Reason {
    }

    /** This score. */
    record Score(String dimension) implements Reason {
    }

    /**
     * What the "why" of {@code rule}'s tip names, for these answers (on the path) and scores; {@code contributions}
     * gives what each answer on the path added to a dimension.
     */
    static List<Reason> of(Flow flow, AdviceRule rule, Map<String, Object> answers, Map<String, Integer> scores,
                           Function<String, List<ScoreCalculator.Contribution>> contributions) {
        // of an "or", only the parts that hold: not the answers that did not bring the tip
        Condition.Read read = rule.when().reasons(answers, scores);
        List<Reason> reasons = new ArrayList<>();
        Set<String> quoted = new LinkedHashSet<>(read.steps());
        read.steps().forEach(step -> reasons.add(new Answer(step)));
        for (String dimension : read.scores()) {
            Integer score = scores.get(dimension);
            boolean explained = score != null && read.scores().size() <= WHY_QUOTED_SCORES;
            List<String> practice = read.joinedTo(dimension).stream()
                    .filter(step -> answers.containsKey(step) && countsOn(flow, step, dimension)).toList();
            if (explained && !practice.isEmpty()) {
                // the answers the score qualifies, whatever they were ("weet ik niet", a 3, four of five things asked),
                // before it, as the answers the condition names are: the score only says the part is low
                practice.stream().filter(quoted::add).limit(WHY_QUOTES).forEach(step -> reasons.add(new Answer(step)));
                reasons.add(new Score(dimension));
                continue;
            }
            reasons.add(new Score(dimension));
            if (!explained) {
                continue;
            }
            // below the high band the answers holding the score back explain it; in it, the strongest
            boolean low = !Bands.HIGH.equals(flow.band(score));
            contributions.apply(dimension).stream()
                    .filter(c -> low ? c.relative() < 0.5 : c.relative() >= 0.5)
                    .filter(c -> !read.steps().contains(c.step()))
                    .sorted(Comparator.comparingDouble((ScoreCalculator.Contribution c) -> low ? c.relative() : -c.relative()))
                    .limit(WHY_QUOTES)
                    .forEach(c -> {
                        quoted.add(c.step());
                        reasons.add(new Answer(c.step()));
                    });
        }
        return reasons;
    }

    private static boolean countsOn(Flow flow, String step, String dimension) {
        return flow.step(step).map(s -> s.countsOn(dimension)).orElse(false);
    }
}
