package nl.samenspraak.result;

import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.TestFlows;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * What a tip's "why" names. A tip on one practice of a part shows for its answer in a low part: its why quoted the part's
 * weakest answers beside the score, so every tip of the part quoted the same ones, and the tip on a family's story
 * (shown while not all was asked) quoted time and practical help instead of the story (the research probe on
 * werk-jij-diversiteitsproof). It now quotes the answers its condition joins to the score; a tip on the whole part
 * still quotes what holds the score back. Any flow, an uploaded one too: the rule lives in the conditions' structure.
 */
class TipReasonsTest {
    private static final Flow FLOW = TestFlows.parse("""
            id: test
            languages: [nl]
            dimensions: [werkwijze, netwerk]
            bands: {middle: 50, high: 75}
            steps:
              - id: tijd
                type: scale
                min: 1
                max: 5
                dimension: werkwijze
                source: s
              - id: praktisch
                type: scale
                min: 1
                max: 5
                dimension: werkwijze
                source: s
              - id: verhaal
                type: multi
                options:
                  - value: streek
                    points: {werkwijze: 1}
                  - value: jaren
                    points: {werkwijze: 1}
                  - value: vlucht
                    points: {werkwijze: 1}
                source: s
              - id: sleutel
                type: scale
                min: 1
                max: 5
                dimension: netwerk
                source: s
            advice:
              - id: band
                when: "answers.tijd <= 2 || (band.werkwijze == 'low' && answers.tijd <= 3)"
                priority: 1
                source: s
              - id: praktisch
                when: "band.werkwijze == 'low' && answers.praktisch <= 3"
                priority: 1
                source: s
              - id: verhaal
                when: "band.werkwijze == 'low' && !('streek' =~ answers.verhaal && 'jaren' =~ answers.verhaal && 'vlucht' =~ answers.verhaal)"
                priority: 1
                source: s
              - id: deel
                when: "band.werkwijze == 'low'"
                priority: 2
                source: s
              - id: netwerk_erbij
                when: "band.werkwijze == 'low' && answers.sleutel <= 2"
                priority: 2
                source: s
            """);

    private final ConversationEngine engine = new ConversationEngine();

    /** A 3 on time, a 1 on practical help, two of three things asked about the story: a low werkwijze. */
    private Progress answered() {
        Progress p = engine.start(FLOW);
        for (Object answer : List.of(3, 1, List.of("streek", "jaren"), 1)) {
            Outcome o = engine.answer(FLOW, p, p.current(), answer);
            p = assertInstanceOf(Outcome.Accepted.class, o, String.valueOf(o)).progress();
        }
        assertEquals("low", FLOW.band(engine.scores(FLOW, p).get("werkwijze")));
        return p;
    }

    private List<TipReasons.Reason> reasons(String ruleId) {
        Progress p = answered();
        AdviceRule rule = FLOW.advice().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
        Map<String, Integer> scores = engine.scores(FLOW, p);
        return TipReasons.of(FLOW, rule, p.answersOnPath(), scores, d -> engine.contributions(FLOW, p, d));
    }

    private static TipReasons.Answer answer(String step) {
        return new TipReasons.Answer(step);
    }

    private static final TipReasons.Score WERKWIJZE = new TipReasons.Score("werkwijze");

    @Test
    void aTipOnOnePracticeOfALowPartQuotesThatPracticeOnly() {
        assertEquals(List.of(answer("tijd"), WERKWIJZE), reasons("band"), "not the 1 on practical help, which has its own tip");
        assertEquals(List.of(answer("praktisch"), WERKWIJZE), reasons("praktisch"));
    }

    @Test
    void aTipShownWhileAPracticeWasNotAnsweredInFullQuotesThatPractice() {
        // the story was asked in part (two of three: not a weak answer on its own), and the "!" is all that names it
        assertEquals(List.of(answer("verhaal"), WERKWIJZE), reasons("verhaal"));
    }

    @Test
    void aTipOnTheWholePartQuotesWhatHoldsItsScoreBack() {
        assertEquals(List.of(WERKWIJZE, answer("praktisch")), reasons("deel"), "the 3 on time is half-way, the story more");
        // an answer of another part beside the score does not say which of this part's answers made it low
        assertEquals(List.of(answer("sleutel"), WERKWIJZE, answer("praktisch")), reasons("netwerk_erbij"));
    }
}
