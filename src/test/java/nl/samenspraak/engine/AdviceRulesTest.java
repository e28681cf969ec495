package nl.samenspraak.engine;

import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Bands;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.TestFlows;
import nl.samenspraak.flow.load.FlowParser;
import nl.samenspraak.flow.load.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Advice on single answers: a rule may name one answer, and a red flag suppresses praise however strong the
 * other answers are; tips read the same bands as the score readings.
 */
class AdviceRulesTest {
    private final ConversationEngine engine = new ConversationEngine();

    private static final Flow FLOW = TestFlows.parse("""
            id: test
            languages: [nl]
            dimensions: [houding]
            bands: {middle: 40, high: 80}
            steps:
              - id: open
                type: scale
                min: 1
                max: 5
                dimension: houding
                source: s
              - id: vooroordelen
                type: choice
                options:
                  - value: bewust
                    points: {houding: 2}
                  - value: zelden
                    points: {houding: 0}
                source: s
            advice:
              - id: lof
                when: "band.houding == 'high'"
                priority: 1
                source: s
              - id: op_weg
                when: "band.houding == 'middle'"
                priority: 2
                source: s
              - id: zwak
                when: "band.houding == 'low'"
                priority: 2
                source: s
              - id: vlag_zelden
                when: "answers.vooroordelen == 'zelden'"
                priority: 1
                suppresses: [lof, op_weg]
                source: s
            """);

    private Progress walk(int open, String vooroordelen) {
        Progress p = engine.start(FLOW);
        p = assertInstanceOf(Outcome.Accepted.class, engine.answer(FLOW, p, "open", open)).progress();
        return assertInstanceOf(Outcome.Accepted.class, engine.answer(FLOW, p, "vooroordelen", vooroordelen)).progress();
    }

    private List<String> tips(Progress p) {
        return engine.advice(FLOW, p).stream().map(AdviceRule::id).toList();
    }

    @Test
    void strongAnswersGetPraise() {
        assertEquals(List.of("lof"), tips(walk(5, "bewust")));
    }

    @Test
    void aRedFlagSuppressesPraiseThoughTheScoreIsHigh() {
        Progress p = walk(5, "zelden");
        // 4 of 4 on the scale, 0 of 2 on the choice: 67, in the middle band of this flow
        assertEquals(67, engine.scores(FLOW, p).get("houding"));
        assertEquals(List.of("vlag_zelden"), tips(p), "neither praise nor 'on your way' beside a red flag");
    }

    @Test
    void aRedFlagDoesNotSuppressWhatItDoesNotName() {
        assertEquals(List.of("vlag_zelden", "zwak"), tips(walk(1, "zelden")));
    }

    @Test
    void tipsFollowTheFlowsOwnBands() {
        // 3 of 4 and 2 of 2: 83, high from 80 in this flow
        assertEquals(List.of("lof"), tips(walk(4, "bewust")));
        // 2 of 4 and 2 of 2: 67
        assertEquals(List.of("op_weg"), tips(walk(3, "bewust")));
        assertEquals("middle", FLOW.band(67));
        assertEquals("low", FLOW.band(39));
        assertEquals("high", FLOW.band(80));
        assertEquals("none", FLOW.band(null));
    }

    @Test
    void bandsMustBeInOrder() {
        assertThrows(IllegalArgumentException.class, () -> new Bands(75, 50));
        assertThrows(IllegalArgumentException.class, () -> new Bands(50, 101));
    }

    @Test
    void aRuleThatSuppressesAnUnknownRuleIsReported() {
        List<Problem> problems = new ArrayList<>();
        FlowParser.parse("flows/test.yaml", """
                id: test
                languages: [nl]
                steps:
                  - id: a
                    type: yesno
                    source: s
                advice:
                  - id: vlag
                    when: "answers.a == 'nee'"
                    suppresses: [lof]
                    source: s
                """, "", problems);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().contains("suppresses 'lof'"), problems.toString());
    }

    @Test
    void aBandInAFlowWithoutScoresIsReported() {
        List<Problem> problems = new ArrayList<>();
        FlowParser.parse("flows/test.yaml", """
                id: test
                languages: [nl]
                steps:
                  - id: a
                    type: yesno
                    source: s
                advice:
                  - id: lof
                    when: "band.x == 'high'"
                    source: s
                """, "", problems);
        assertTrue(problems.toString().contains("defines no bands"), problems.toString());
    }

    @Test
    void badBandsAreReported() {
        List<Problem> problems = new ArrayList<>();
        FlowParser.parse("flows/test.yaml", """
                id: test
                languages: [nl]
                dimensions: [d]
                bands: {middle: 80, high: 60}
                steps:
                  - id: a
                    type: yesno
                    source: s
                """, "", problems);
        assertTrue(problems.toString().contains("middle < high"), problems.toString());
    }

    @Test
    void readingBandsLeavesScoresUnworkedUntilAsked() {
        int[] calculated = {0};
        LazyScores lazy = new LazyScores(() -> {
            calculated[0]++;
            return Map.of("houding", 90);
        });
        AdviceRule lof = FLOW.advice().get(0);
        assertEquals(0, calculated[0]);
        assertTrue(lof.when().test(Map.of(), lazy));
        assertTrue(lof.when().test(Map.of(), lazy));
        assertEquals(1, calculated[0], "a band reads its score once, when the condition needs it");
    }
}
