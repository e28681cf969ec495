package nl.samenspraak.result;

import nl.samenspraak.engine.ScoreCalculator;
import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Bands;
import nl.samenspraak.flow.Condition;
import nl.samenspraak.flow.Flow;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reading beside one part's score rests on, besides its band: whether a red flag is about the part
 * ({@code flagged}), and whether a tip about it is a point to look at ({@code tipToLookAt}) rather than praise. The
 * reading's key follows from them ({@link #key}); consumers that need the flag (the line above the result, the bar's
 * colour) read {@link Result.Score#flagged()}, never the reading's words, which a flow or a language words its own way.
 */
record PartReading(boolean flagged, boolean tipToLookAt) {

    /**
     * The part {@code dimension} beside the tips shown ({@code shown}). A tip is praise, and no point to look at, when
     * everything its condition read to bring it is strong by the flow's own bands: each answer one that alone would
     * score the part in the high band (a 4 or 5 of 5 with bands at 50 and 75), each score in the high band. A
     * one-question "well done" on a high answer read "Een sterk punt, met één ding om naar te kijken in de tips" (the
     * probe of an uploaded flow); a tip on any answer below the high band still says there is one thing to look at.
     */
    static PartReading of(Flow flow, String dimension, List<AdviceRule> shown, Map<String, Object> answers,
                          Map<String, Integer> scores, List<ScoreCalculator.Contribution> contributions) {
        boolean flagged = false;
        boolean tipToLookAt = false;
        for (AdviceRule rule : shown) {
            if (!about(flow, rule, dimension)) {
                continue;
            }
            flagged |= rule.flag();
            tipToLookAt |= rule.flag() || !praise(flow, rule.when().reasons(answers, scores), scores, contributions);
        }
        return new PartReading(flagged, tipToLookAt);
    }

    /**
     * The reading's message key ({@code score.<key>}) for a part in {@code band}: beside a red flag a middle or high
     * part praises nothing ("flagged"); a high one beside a point to look at says so ("high_with_tip"); else its band.
     */
    String key(String band) {
        boolean praising = Bands.HIGH.equals(band) || Bands.MIDDLE.equals(band);
        return flagged && praising ? "flagged" : Bands.HIGH.equals(band) && tipToLookAt ? "high_with_tip" : band;
    }

    /**
     * Whether a tip is about this part: it reads its score alone, or only answers that count on it (a red flag on one
     * of its questions); not a tip about every part at once (recognition, "op weg").
     */
    static boolean about(Flow flow, AdviceRule rule, String dimension) {
        if (!rule.when().scoresRead().isEmpty()) {
            return rule.when().scoresRead().equals(Set.of(dimension));
        }
        return !rule.when().stepsRead().isEmpty() && rule.when().stepsRead().stream()
                .allMatch(id -> flow.step(id).map(step -> step.countsOn(dimension)).orElse(false));
    }

    /** Whether what brought a tip ({@code read}) is all strong on the part: see {@link #of}. */
    private static boolean praise(Flow flow, Condition.Read read, Map<String, Integer> scores,
                                  List<ScoreCalculator.Contribution> contributions) {
        if (read.steps().isEmpty() && read.scores().isEmpty()) {
            return false;
        }
        for (String step : read.steps()) {
            // a skipped or "weet ik niet" answer counts on nothing: it is strong on no part
            boolean strong = contributions.stream().anyMatch(c -> c.step().equals(step)
                    && Bands.HIGH.equals(flow.band((int) Math.round(100 * c.relative()))));
            if (!strong) {
                return false;
            }
        }
        return read.scores().stream().allMatch(d -> Bands.HIGH.equals(flow.band(scores.get(d))));
    }
}
