package nl.samenspraak.result;

import nl.samenspraak.engine.ScoreCalculator;
import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Bands;
import nl.samenspraak.flow.Flow;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reading beside one part's score rests on, besides its band: whether a red flag is about the part
 * ({@code flagged}), and whether a tip is about it ({@code tipToLookAt}). The
 * reading's key follows from them ({@link #key}); consumers that need the flag (the line above the result, the bar's
 * colour) read {@link Result.Score#flagged()}, never the reading's words, which a flow or a language words its own way.
 */
record PartReading(boolean flagged, boolean tipToLookAt) {

    /** The part {@code dimension} beside the tips shown ({@code shown}). */
    static PartReading of(Flow flow, String dimension, List<AdviceRule> shown, Map<String, Object> answers,
                          Map<String, Integer> scores, List<ScoreCalculator.Contribution> contributions) {
        boolean flagged = false;
        boolean tipToLookAt = false;
        for (AdviceRule rule : shown) {
            if (!about(flow, rule, dimension)) {
                continue;
            }
            flagged |= rule.flag();
            tipToLookAt = true;
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
}
