package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.TestFlows;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine decides the next step from the flow, the progress so far and one input; nothing else. */
class ConversationEngineTest {
    private final ConversationEngine engine = new ConversationEngine();

    private static final Flow FLOW = TestFlows.parse("""
            id: test
            languages: [nl]
            dimensions: [kennis]
            steps:
              - id: welkom
                type: info
                source: s
              - id: tolk
                type: yesno
                next:
                  - if: "answers.tolk == 'ja'"
                    goto: taal
                  - goto: kennis
                source: s
              - id: taal
                type: text
                maxLength: 20
                source: s
              - id: kennis
                type: choice
                dontKnow: true
                options:
                  - value: veel
                    points: {kennis: 2}
                  - value: weinig
                    points: {kennis: 0}
                next:
                  - if: "scores.kennis < 50"
                    goto: uitleg
                  - goto: end
                source: s
              - id: uitleg
                type: text
                optional: true
                source: s
            advice:
              - id: leren
                when: "scores.kennis < 50"
                priority: 2
                source: s
              - id: tolk_regelen
                when: "answers.tolk == 'ja'"
                priority: 1
                source: s
            """);

    private Progress walk(Object... stepsAndValues) {
        Progress p = engine.start(FLOW);
        for (int i = 0; i < stepsAndValues.length; i += 2) {
            Outcome o = engine.answer(FLOW, p, (String) stepsAndValues[i], stepsAndValues[i + 1]);
            p = assertInstanceOf(Outcome.Accepted.class, o, "answer to " + stepsAndValues[i]).progress();
        }
        return p;
    }

    /**
     * The step just passed answered again from where the conversation stands (a chat's edit of its message): an answer
     * the step refuses leaves the progress as it was, not one step back; a taken one goes on from it; any other step
     * is not current.
     */
    @Test
    void answeringTheStepJustPassedAgainIsJudgedBeforeAnythingMoves() {
        Progress atKennis = walk("welkom", null, "tolk", "ja", "taal", "Arabisch");
        assertEquals("kennis", atKennis.current());

        Outcome refused = engine.answerAgain(FLOW, atKennis, "taal", "x".repeat(21), AnswerWords.none(), false);
        Outcome.Invalid invalid = assertInstanceOf(Outcome.Invalid.class, refused);
        assertEquals("error.text_too_long", invalid.message());
        assertSame(atKennis, invalid.progress(), "the person stays where they were");

        Outcome taken = engine.answerAgain(FLOW, atKennis, "taal", "Tigrinya", AnswerWords.none(), false);
        Progress after = assertInstanceOf(Outcome.Accepted.class, taken).progress();
        assertEquals("kennis", after.current());
        assertEquals("Tigrinya", after.answers().get("taal"));

        assertInstanceOf(Outcome.NotCurrent.class, engine.answerAgain(FLOW, atKennis, "tolk", "nee", AnswerWords.none(), false),
                "only the step just passed");
    }

    /** A flow that leads back: another child, as often as the person has children. */
    private static final Flow LOOP = TestFlows.parse("""
            id: lus
            languages: [nl]
            steps:
              - id: kind
                type: text
                maxLength: 20
                source: s
              - id: nog_een
                type: yesno
                next:
                  - if: "answers.nog_een == 'ja'"
                    goto: kind
                  - goto: end
                source: s
            """);

    /**
     * Going round a loop two hundred times keeps each step once on the way, in the order last passed: the way a
     * conversation keeps (a column of 20,000 characters) never grows past the flow's steps, and back still goes
     * one step at a time.
     */
    @Test
    void goingRoundALoopKeepsEachStepOnceOnTheWay() {
        Progress p = engine.start(LOOP);
        for (int i = 0; i < 200; i++) {
            p = assertInstanceOf(Outcome.Accepted.class, engine.answer(LOOP, p, "kind", "kind " + i)).progress();
            p = assertInstanceOf(Outcome.Accepted.class, engine.answer(LOOP, p, "nog_een", "ja")).progress();
        }
        assertEquals(List.of("kind", "nog_een"), p.path());
        assertEquals("kind", p.current());
        assertEquals("kind 199", p.answers().get("kind"));
        p = engine.back(p);
        assertEquals("nog_een", p.current());
        assertEquals(List.of("kind"), p.path());
        p = assertInstanceOf(Outcome.Accepted.class, engine.answer(LOOP, p, "nog_een", "nee")).progress();
        assertTrue(p.ended(), "the way out ends it");
        assertEquals(List.of("kind", "nog_een"), p.path());
    }

    @Test
    void startsAtTheFirstStep() {
        Progress p = engine.start(FLOW);
        assertEquals("welkom", p.current());
        assertEquals(Status.ACTIVE, p.status());
        assertEquals(List.of(), p.path());
    }

    @Test
    void branchesOnAnEarlierAnswer() {
        assertEquals("taal", walk("welkom", null, "tolk", "ja").current());
        assertEquals("kennis", walk("welkom", null, "tolk", "nee").current());
    }

    @Test
    void branchesOnAScoreAndEnds() {
        assertEquals("uitleg", walk("welkom", null, "tolk", "nee", "kennis", "weinig").current());
        Progress strong = walk("welkom", null, "tolk", "nee", "kennis", "veel");
        assertEquals(Status.DONE, strong.status());
        assertNull(strong.current());
    }

    @Test
    void anInvalidAnswerKeepsTheStepAndSaysWhy() {
        Progress p = walk("welkom", null, "tolk", "ja");
        Outcome o = engine.answer(FLOW, p, "taal", "x".repeat(21));
        Outcome.Invalid invalid = assertInstanceOf(Outcome.Invalid.class, o);
        assertEquals("error.text_too_long", invalid.message());
        assertEquals(Map.of("max", 20, "length", 21), invalid.parameters());
        assertSame(p, invalid.progress());
        Outcome empty = engine.answer(FLOW, p, "taal", "   ");
        assertEquals("error.required", assertInstanceOf(Outcome.Invalid.class, empty).message());
    }

    @Test
    void backThenAChangedAnswerTakesTheOtherWayAndForgetsTheRoutedAroundStep() {
        Progress p = walk("welkom", null, "tolk", "ja", "taal", "Tarifit");
        assertEquals("kennis", p.current());
        p = engine.back(engine.back(p));
        assertEquals("tolk", p.current());
        assertEquals("ja", p.answers().get("tolk"), "the earlier answer is kept, to show as previous");
        p = ((Outcome.Accepted) engine.answer(FLOW, p, "tolk", "nee")).progress();
        assertEquals("kennis", p.current());
        assertEquals(List.of("welkom", "tolk"), p.path());
        assertEquals(Map.of("tolk", "nee"), p.answersOnPath(), "the interpreter's language no longer counts");
        p = ((Outcome.Accepted) engine.answer(FLOW, p, "kennis", "veel")).progress();
        assertEquals(List.of(), engine.advice(FLOW, p).stream().map(r -> r.id()).toList());
    }

    @Test
    void theDryRunSaysWhichAnswerWouldFinishAndChangesNothing() {
        Progress p = walk("welkom", null, "tolk", "nee");
        List<String> pathBefore = List.copyOf(p.path());
        assertTrue(engine.wouldFinish(FLOW, p, "kennis", "veel", AnswerWords.none(), false), "strong knowledge ends the flow");
        assertFalse(engine.wouldFinish(FLOW, p, "kennis", "weinig", AnswerWords.none(), false), "weak knowledge leads to uitleg");
        assertFalse(engine.wouldFinish(FLOW, p, "kennis", "bestaat_niet", AnswerWords.none(), false), "an invalid answer finishes nothing");
        assertFalse(engine.wouldFinish(FLOW, p, "uitleg", "x", AnswerWords.none(), false), "a step that is not current");
        assertEquals("kennis", p.current(), "the progress is what it was");
        assertEquals(pathBefore, p.path());
        assertEquals(Map.of("tolk", "nee"), p.answers());

        Progress atLast = walk("welkom", null, "tolk", "nee", "kennis", "weinig");
        assertTrue(engine.wouldFinish(FLOW, atLast, "uitleg", null, AnswerWords.none(), false), "skipping the last question finishes");
        assertTrue(engine.wouldFinish(FLOW, atLast, "uitleg", "iets", AnswerWords.none(), false));
        assertFalse(engine.voiceWouldFinish(FLOW, atLast, "uitleg", false), "this step takes no voice message");
        Progress done = walk("welkom", null, "tolk", "nee", "kennis", "veel");
        assertFalse(engine.wouldFinish(FLOW, done, "kennis", "veel", AnswerWords.none(), false), "a repeat on a finished one finishes nothing again");
    }

    @Test
    void backAtTheStartChangesNothing() {
        Progress start = engine.start(FLOW);
        assertSame(start, engine.back(start));
    }

    @Test
    void theSameAnswerAgainIsARepeatAndAnotherStepIsNotCurrent() {
        Progress p = walk("welkom", null, "tolk", "nee");
        assertInstanceOf(Outcome.Repeated.class, engine.answer(FLOW, p, "tolk", "nee"));
        assertInstanceOf(Outcome.NotCurrent.class, engine.answer(FLOW, p, "tolk", "ja"));
        assertInstanceOf(Outcome.NotCurrent.class, engine.answer(FLOW, p, "uitleg", "x"));
        assertInstanceOf(Outcome.NotCurrent.class, engine.answer(FLOW, p, "bestaat_niet", "x"));
    }

    @Test
    void adviceIsOrderedByPriority() {
        Progress p = walk("welkom", null, "tolk", "ja", "taal", "Pools", "kennis", "weinig", "uitleg", null);
        assertEquals(Status.DONE, p.status());
        assertEquals(List.of("tolk_regelen", "leren"), engine.advice(FLOW, p).stream().map(r -> r.id()).toList());
    }

    @Test
    void dontKnowGivesNoScoreAndNoScoreAdvice() {
        Progress p = walk("welkom", null, "tolk", "nee", "kennis", "weet-niet");
        assertEquals(Status.DONE, p.status(), "a score of none is not low: the weak branch is not taken");
        assertNull(engine.scores(FLOW, p).get("kennis"));
        assertEquals(List.of(), engine.advice(FLOW, p));
    }

    @Test
    void countsQuestionsAnsweredAndThoseStillAheadOnTheCurrentWay() {
        Progress p = walk("welkom", null);
        assertEquals(new ConversationEngine.Count(0, 2), engine.count(FLOW, p), "tolk and kennis; uitleg only after weak knowledge");
        p = walk("welkom", null, "tolk", "ja");
        assertEquals(new ConversationEngine.Count(1, 3), engine.count(FLOW, p), "now taal comes too");
        p = walk("welkom", null, "tolk", "ja", "taal", "Pools", "kennis", "weinig");
        assertEquals(new ConversationEngine.Count(3, 4), engine.count(FLOW, p));
    }

    @Test
    void isDeterministic() {
        Progress a = walk("welkom", null, "tolk", "ja", "taal", "Pools", "kennis", "veel");
        Progress b = walk("welkom", null, "tolk", "ja", "taal", "Pools", "kennis", "veel");
        assertEquals(a, b);
        assertEquals(engine.scores(FLOW, a), engine.scores(FLOW, b));
    }

    @Test
    void decliningConsentEndsTheConversation() {
        Flow consent = TestFlows.parse("""
                id: bewoners
                languages: [nl]
                steps:
                  - id: doel
                    type: info
                    source: s
                  - id: toestemming
                    type: yesno
                    consent: true
                    source: s
                  - id: vraag
                    type: text
                    source: s
                """);
        Progress p = engine.start(consent);
        p = ((Outcome.Accepted) engine.answer(consent, p, "doel", null)).progress();
        assertTrue(consent.asksConsent());
        assertFalse(engine.mayKeepAnswers(consent, p), "nothing is kept before consent");
        Progress declined = ((Outcome.Accepted) engine.answer(consent, p, "toestemming", "nee")).progress();
        assertEquals(Status.DECLINED, declined.status());
        assertTrue(declined.ended());
        assertFalse(engine.mayKeepAnswers(consent, declined));
        Progress given = ((Outcome.Accepted) engine.answer(consent, p, "toestemming", "ja")).progress();
        assertEquals("vraag", given.current());
        assertTrue(engine.mayKeepAnswers(consent, given));
        assertTrue(engine.mayKeepAnswers(FLOW, engine.start(FLOW)), "a flow without consent keeps answers from the start");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"professional,true,true", "professional,false,false", "person,true,false"})
    void aVoiceMessageIsTakenOnlyWhereTheProfessionalHoldingTheConversationCanPlayIt(String resultFor, boolean held,
                                                                                    boolean taken) {
        Flow flow = TestFlows.parse("""
                id: stem
                languages: [nl]
                result: %s
                steps:
                  - id: verhaal
                    type: text
                    voice: true
                    source: s
                  - id: naam
                    type: text
                    source: s
                """.formatted(resultFor));
        Progress start = engine.start(flow);
        assertEquals(taken, ConversationEngine.takesVoice(flow, flow.requireStep("verhaal"), held));
        Outcome outcome = engine.answerVoice(flow, start, "verhaal", held);
        assertEquals(taken, outcome instanceof Outcome.Accepted, "kept only where someone may play it: " + outcome);
        assertFalse(ConversationEngine.takesVoice(flow, flow.requireStep("naam"), true), "a step without voice: true");
    }
}
