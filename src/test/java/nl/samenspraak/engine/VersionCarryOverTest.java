package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.TestFlows;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident halfway through a neighbourhood survey when a new version is published that drops the question they
 * were at: they go on where their way so far leads in the new version, with the answers they gave, instead of at the
 * welcome with nothing answered (as the XLSForm probe found them).
 */
class VersionCarryOverTest {
    private static final String FIRST = """
            id: buurt
            languages: [nl]
            steps:
              - id: welkom
                type: info
                source: s
              - id: toestemming
                type: yesno
                consent: true
                source: s
              - id: kinderen
                type: yesno
                source: s
              - id: onderwerpen
                type: multi
                options: [school, zorg, werk]
                source: s
              - id: verhuisd
                type: date
                optional: true
                source: s
              - id: tevreden
                type: scale
                min: 1
                max: 5
                source: s
            """;

    /** The second version: "verhuisd" dropped, "school" taken out, a new question before the last. */
    private static final String SECOND = FIRST
            .replace("options: [school, zorg, werk]", "options: [zorg, werk, veiligheid]")
            .replace("""
                  - id: verhuisd
                    type: date
                    optional: true
                    source: s
                """, """
                  - id: nieuw
                    type: yesno
                    source: s
                """);

    private final ConversationEngine engine = new ConversationEngine();

    /** The version the last {@link #walk} went through: the conversation's own. */
    private Flow walkedUnder;

    private Progress walk(Flow flow, Object... stepsAndValues) {
        walkedUnder = flow;
        Progress p = engine.start(flow);
        for (int i = 0; i < stepsAndValues.length; i += 2) {
            p = ((Outcome.Accepted) engine.answer(flow, p, (String) stepsAndValues[i], stepsAndValues[i + 1])).progress();
        }
        return p;
    }

    /** {@code progress}, made under the version last walked, read under {@code now}. */
    private Progress under(Flow now, Progress progress) {
        return VersionCarryOver.under(now, QuestionKind.of(walkedUnder), progress);
    }

    @Test
    void aConversationAtADroppedQuestionGoesOnAtTheNextOneWithItsWaySoFar() {
        Progress before = walk(TestFlows.parse(FIRST), "welkom", null, "toestemming", "ja", "kinderen", "ja",
                "onderwerpen", List.of("zorg"));
        assertEquals("verhuisd", before.current());
        Progress after = under(TestFlows.parse(SECOND), before);
        assertEquals("nieuw", after.current(), "the question after the way so far, in the new version");
        assertEquals(List.of("welkom", "toestemming", "kinderen", "onderwerpen"), after.path());
        assertEquals(Map.of("toestemming", "ja", "kinderen", "ja", "onderwerpen", List.of("zorg")), after.answersOnPath());
    }

    /**
     * Back from the question after one the new version dropped goes to the one before the dropped one: it stood on the
     * dropped question, which is read where the way leads now, the question the person had just left.
     */
    @Test
    void backStepsOverAQuestionTheNewVersionDropped() {
        Flow first = TestFlows.parse(FIRST);
        Flow dropped = TestFlows.parse(FIRST.replace("""
                  - id: verhuisd
                    type: date
                    optional: true
                    source: s
                """, ""));
        Progress before = walk(first, "welkom", null, "toestemming", "ja", "kinderen", "ja",
                "onderwerpen", List.of("zorg"), "verhuisd", "2024-03-01");
        assertEquals("tevreden", before.current());
        Progress back = engine.back(dropped, under(dropped, before));
        assertEquals("onderwerpen", back.current());
        assertEquals("onderwerpen", under(dropped, back).current(), "and read there");
        assertEquals("verhuisd", engine.back(first, before).current(), "under the version that has it, back is one step");
    }

    /**
     * A double tap that arrives after a version dropped the question: the answer was stored the first time, so the
     * second tap is a repeat (200 with where the conversation stands), not "no longer at its turn" (409). Another
     * answer to the dropped question was never stored and is not called so.
     */
    @Test
    void aDoubleTapOfAnAnswerToAQuestionDroppedSinceIsARepeat() {
        Flow first = TestFlows.parse(FIRST);
        Flow dropped = TestFlows.parse(FIRST.replace("""
                  - id: verhuisd
                    type: date
                    optional: true
                    source: s
                """, ""));
        Progress stored = walk(first, "welkom", null, "toestemming", "ja", "kinderen", "ja",
                "onderwerpen", List.of("zorg"), "verhuisd", "2024-03-01");
        Progress now = under(dropped, stored);
        Outcome again = engine.answer(dropped, now, "verhuisd", "2024-03-01");
        assertEquals(new Outcome.Repeated(now), again);
        assertEquals(new Outcome.NotCurrent(now), engine.answer(dropped, now, "verhuisd", "2024-04-01"),
                "another date was never stored");

        // standing on the dropped question, the way so far is walked again; the tap before it was stored all the same
        Progress atDropped = walk(first, "welkom", null, "toestemming", "ja", "kinderen", "ja", "onderwerpen",
                List.of("zorg", "werk"));
        Flow withoutTopics = TestFlows.parse(FIRST.replace("""
                  - id: onderwerpen
                    type: multi
                    options: [school, zorg, werk]
                    source: s
                """, "").replace("""
                  - id: verhuisd
                    type: date
                    optional: true
                    source: s
                """, ""));
        Progress walked = under(withoutTopics, atDropped);
        assertEquals("tevreden", walked.current());
        assertEquals(new Outcome.Repeated(walked), engine.answer(withoutTopics, walked, "onderwerpen", List.of("werk", "zorg")));
        assertEquals(new Outcome.NotCurrent(walked), engine.answer(withoutTopics, walked, "onderwerpen", List.of("zorg")));
        assertEquals(new Outcome.NotCurrent(walked), engine.answer(withoutTopics, walked, "nooit", "ja"),
                "a question never answered");
    }

    /** Options put in another order are the same question: the options chosen are carried over. */
    @Test
    void optionsInAnotherOrderKeepTheirAnswer() {
        Progress before = walk(TestFlows.parse(FIRST), "welkom", null, "toestemming", "ja", "kinderen", "nee",
                "onderwerpen", List.of("zorg", "werk"));
        Progress after = under(TestFlows.parse(SECOND.replace("[zorg, werk, veiligheid]",
                "[werk, veiligheid, zorg]")), before);
        assertEquals("nieuw", after.current());
    }

    @Test
    void anAnswerTheNewVersionNoLongerTakesIsAskedAgain() {
        Flow first = TestFlows.parse(FIRST);
        Progress before = walk(first, "welkom", null, "toestemming", "ja", "kinderen", "nee",
                "onderwerpen", List.of("school", "werk"));
        Progress after = under(TestFlows.parse(SECOND), before);
        assertEquals("onderwerpen", after.current(), "'school' is no option any more");
        assertEquals(List.of("welkom", "toestemming", "kinderen"), after.path());
        assertEquals(List.of("school", "werk"), after.answers().get("onderwerpen"), "the earlier answer stays, to be shown");
    }

    /**
     * A version that reuses a question's name for a question of another kind: the old answer is not shown as given to
     * the new question (the text "3" as the number 3, the number 3 as the text "3"), it is asked.
     */
    @Test
    void anAnswerToAnotherKindOfQuestionUnderTheSameNameIsNotCarriedOver() {
        String textFirst = FIRST.replace("""
                  - id: kinderen
                    type: yesno
                    source: s
                """, """
                  - id: kinderen
                    type: text
                    source: s
                """);
        String numberNow = SECOND.replace("""
                  - id: kinderen
                    type: yesno
                    source: s
                """, """
                  - id: kinderen
                    type: number
                    source: s
                """);
        Progress before = walk(TestFlows.parse(textFirst), "welkom", null, "toestemming", "ja", "kinderen", "3",
                "onderwerpen", List.of("zorg"));
        Progress after = under(TestFlows.parse(numberNow), before);
        assertEquals("kinderen", after.current(), "the text '3' is no answer to how many children");
        assertEquals(List.of("welkom", "toestemming"), after.path());

        // and the number 3 is no answer to "what would you tell the team?"
        Progress counted = walk(TestFlows.parse(numberNow.replace("""
                  - id: nieuw
                    type: yesno
                    source: s
                """, """
                  - id: verhuisd
                    type: date
                    optional: true
                    source: s
                """)), "welkom", null, "toestemming", "ja", "kinderen", "3", "onderwerpen", List.of("zorg"));
        assertEquals(3L, counted.answers().get("kinderen"));
        Progress asText = under(TestFlows.parse(SECOND.replace("""
                  - id: kinderen
                    type: yesno
                    source: s
                """, """
                  - id: kinderen
                    type: text
                    source: s
                """)), counted);
        assertEquals("kinderen", asText.current());
    }

    @Test
    void aConversationWhoseQuestionStillExistsIsLeftAsItIs() {
        Progress before = walk(TestFlows.parse(FIRST), "welkom", null, "toestemming", "ja");
        assertSame(before, under(TestFlows.parse(SECOND), before));
    }

    /** Consent new in a version: the conversation stands at it, nothing passed beyond it unasked. */
    @Test
    void consentAddedSinceIsAskedFirst() {
        String withoutConsent = FIRST.replace("""
                  - id: toestemming
                    type: yesno
                    consent: true
                    source: s
                """, "");
        Progress before = walk(TestFlows.parse(withoutConsent), "welkom", null, "kinderen", "ja", "onderwerpen", List.of("zorg"));
        Progress after = under(TestFlows.parse(SECOND), before);
        assertEquals("toestemming", after.current());
        assertEquals(List.of("welkom"), after.path());
    }
    /**
     * Consent new in a version while the question the conversation stands at is still asked: it stood where it stood,
     * past a consent it was never asked, and as nothing is stored before "ja" every answer from then on was taken (200)
     * and never stored. It stands at the consent question, its answers so far shown as before once it goes on.
     */
    @Test
    void consentAddedSinceIsAskedBeforeAQuestionThatIsStillThere() {
        String withoutConsent = FIRST.replace("""
                  - id: toestemming
                    type: yesno
                    consent: true
                    source: s
                """, "");
        Progress before = walk(TestFlows.parse(withoutConsent), "welkom", null, "kinderen", "ja");
        assertEquals("onderwerpen", before.current());
        Flow now = TestFlows.parse(FIRST);
        Progress after = under(now, before);
        assertEquals("toestemming", after.current(), "not past a consent never asked");
        assertEquals(List.of("welkom"), after.path());
        assertFalse(engine.mayKeepAnswers(now, after));
        Progress consented = ((Outcome.Accepted) engine.answer(now, after, "toestemming", "ja")).progress();
        assertEquals("kinderen", consented.current());
        assertTrue(engine.mayKeepAnswers(now, consented));
        assertEquals("ja", consented.answers().get("kinderen"), "shown as the answer given before");
    }

    /** The consent question under another name: its "ja" was to another question, so it is asked. */
    @Test
    void consentUnderAnotherNameIsAskedAgain() {
        Progress before = walk(TestFlows.parse(FIRST), "welkom", null, "toestemming", "ja", "kinderen", "ja");
        Progress after = under(TestFlows.parse(FIRST.replace("id: toestemming", "id: akkoord")), before);
        assertEquals("akkoord", after.current());
        assertEquals(List.of("welkom"), after.path());
    }

    /**
     * Only info steps come before consent (the validator's rule) and a "ja" is stored with the answers, so the way
     * walked again passes the consent it was given, and a conversation at the consent question stays there.
     */
    @Test
    void aConsentGivenIsPassedAgainAndOneNotYetGivenIsAsked() {
        Flow later = TestFlows.parse(FIRST.replace("""
                  - id: kinderen
                    type: yesno
                """, """
                  - id: kinderen
                    type: text
                """));
        Progress past = walk(TestFlows.parse(FIRST), "welkom", null, "toestemming", "ja", "kinderen", "ja",
                "onderwerpen", List.of("zorg"));
        Progress walked = under(later, past);
        assertEquals("kinderen", walked.current(), "asked again: a text now");
        assertEquals(List.of("welkom", "toestemming"), walked.path());
        Progress atConsent = walk(TestFlows.parse(FIRST), "welkom", null);
        assertSame(atConsent, under(later, atConsent));
    }
}
