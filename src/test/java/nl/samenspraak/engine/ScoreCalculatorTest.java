package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.TestFlows;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Scores run from 0 to 100 between the weakest and strongest answers the answered questions allow. */
class ScoreCalculatorTest {
    private static final Flow FLOW = TestFlows.parse("""
            id: scores
            languages: [nl]
            dimensions: [houding, kennis]
            steps:
              - id: open
                type: scale
                min: 1
                max: 5
                dontKnow: true
                dimension: houding
                source: s
              - id: oordeel
                type: scale
                min: 1
                max: 5
                dimension: houding
                reverse: true
                source: s
              - id: weten
                type: choice
                dontKnow: true
                options:
                  - value: veel
                    points: {kennis: 2, houding: 1}
                  - value: iets
                    points: {kennis: 1}
                  - value: niets
                    points: {kennis: 0}
                source: s
              - id: bronnen
                type: multi
                min: 0
                max: 2
                optional: true
                options:
                  - value: collega
                    points: {kennis: 1}
                  - value: training
                    points: {kennis: 2}
                  - value: boek
                    points: {kennis: 1}
                source: s
            """);

    private final ScoreCalculator calculator = new ScoreCalculator();

    private Map<String, Integer> scores(Object... stepsAndValues) {
        Map<String, Object> answers = new HashMap<>();
        List<String> path = new java.util.ArrayList<>();
        for (int i = 0; i < stepsAndValues.length; i += 2) {
            path.add((String) stepsAndValues[i]);
            answers.put((String) stepsAndValues[i], stepsAndValues[i + 1]);
        }
        return calculator.scores(FLOW, path, answers);
    }

    @Test
    void theStrongestAnswersGive100AndTheWeakest0() {
        assertEquals(Map.of("houding", 100, "kennis", 100),
                scores("open", 5L, "oordeel", 1L, "weten", "veel", "bronnen", List.of("training", "collega")));
        assertEquals(Map.of("houding", 0, "kennis", 0),
                scores("open", 1L, "oordeel", 5L, "weten", "niets", "bronnen", List.of()));
    }

    @Test
    void aReversedScaleCountsDownwards() {
        assertEquals(75, scores("oordeel", 2L).get("houding"));
    }

    @Test
    void pointsOnSeveralDimensionsCountOnEach() {
        Map<String, Integer> s = scores("weten", "veel");
        assertEquals(100, s.get("kennis"));
        assertEquals(100, s.get("houding"), "veel carries a point on houding too; iets and niets none");
        assertEquals(0, scores("weten", "iets").get("houding"));
        assertEquals(50, scores("weten", "iets").get("kennis"));
    }

    @Test
    void dontKnowAndSkipsCountOnNeitherSide() {
        assertEquals(100, scores("open", "weet-niet", "oordeel", 1L).get("houding"));
        Map<String, Integer> none = scores("open", "weet-niet", "weten", "weet-niet", "bronnen", null);
        assertNull(none.get("houding"));
        assertNull(none.get("kennis"));
    }

    /**
     * One answer among "weet ik niet" on most questions of a part is no score: it made the part "100, een sterk punt"
     * (the advice probe). Half the questions passed about a part, answered, is enough.
     */
    @Test
    void aPartsScoreRestsOnAtLeastHalfOfItsQuestionsPassed() {
        assertEquals(100, scores("open", "weet-niet", "oordeel", 1L).get("houding"), "one of two");
        assertNull(scores("open", "weet-niet", "oordeel", 1L, "weten", "weet-niet").get("houding"), "one of three");
        assertNull(scores("open", null, "oordeel", 1L, "weten", "weet-niet").get("houding"), "a skip is no answer either");
        assertEquals(80, scores("open", "weet-niet", "oordeel", 1L, "weten", "iets").get("houding"), "two of three: 4 + 0 of 0..(4 + 1)");
        assertEquals(100, scores("weten", "veel").get("houding"), "questions not passed (another way) do not count");
    }

    @Test
    void aMultiStepRangesFromTheFewestToTheMostItAllows() {
        assertEquals(100, scores("bronnen", List.of("training", "boek")).get("kennis"), "3: the most two options can give");
        assertEquals(67, scores("bronnen", List.of("collega", "boek")).get("kennis"), "2 of 0..3");
        assertEquals(33, scores("bronnen", List.of("boek")).get("kennis"), "1 of 0..3");
    }

    @Test
    void combinesQuestionsByTheirRanges() {
        assertEquals(50, scores("open", 3L, "oordeel", 3L).get("houding"));
        assertEquals(80, scores("open", 5L, "weten", "iets").get("houding"), "4 + 0 points of 0..(4 + 1)");
    }
}
