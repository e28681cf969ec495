package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.TestFlows;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * An answer that reaches a conversation after a new version of its flow was published, sent from a screen that still
 * showed the question as the conversation's own version asked it (the XLSForm probe: a count's 3 stored as "3 van 5"
 * on the new scale and scored, a tapped "ja" stored as the free text "ja", a count's 7 refused as "Kies een getal van
 * 1 tot en met 5"). Where the new version asks another kind of question under that name, the answer is none to it;
 * where it asks the same, the answer counts, and the very answer stored comes again as a repeat.
 */
class AnswerAcrossVersionsTest {
    private final ConversationEngine engine = new ConversationEngine();

    private static final String YESNO = TwoQuestionFlow.YESNO;
    private static final String COUNT = "type: number\ninteger: true\nmin: 0\nmax: 20";
    private static final String SCALE = "type: scale\nmin: 1\nmax: 5";
    private static final String CHOICE = "type: choice\noptions: [auto, fiets]";

    private Progress walk(Flow flow, Object... stepsAndValues) {
        return TwoQuestionFlow.walk(engine, flow, stepsAndValues);
    }

    private static Flow flow(String first, String second) {
        return TwoQuestionFlow.of(first, second);
    }

    private Outcome answer(Flow now, Flow before, Progress stored, String step, Object value) {
        return engine.answer(now, VersionCarryOver.read(now, QuestionKind.of(before), stored), step, value,
                AnswerWords.none(), false);
    }

    @Test
    void aCountSentToWhatIsNowAScaleIsNoPointOfIt() {
        Flow old = flow(YESNO, COUNT);
        Progress atCount = walk(old, "welkom", null, "eerste", "ja");
        assertEquals("tweede", atCount.current());
        Flow now = flow(YESNO, SCALE);

        Outcome three = answer(now, old, atCount, "tweede", 3);
        Outcome.AskedOtherwise otherwise = assertInstanceOf(Outcome.AskedOtherwise.class, three,
                "the count's 3 is not '3 van 5': " + three);
        assertEquals("tweede", otherwise.progress().current(), "the scale is what it asks now");
        assertFalse(otherwise.progress().answers().containsKey("tweede"));
        assertInstanceOf(Outcome.AskedOtherwise.class, answer(now, old, atCount, "tweede", 7),
                "a 7 is not refused as beyond a scale the person never saw: it answered another question");

        // gone on under the new version (nothing stored): the scale's answer is taken
        Outcome taken = engine.answer(now, CarriedOver.same(otherwise.progress()), "tweede", 3, AnswerWords.none(), false);
        assertEquals("laatste", assertInstanceOf(Outcome.Accepted.class, taken).progress().current());
    }

    @Test
    void aTappedYesToWhatIsNowATextIsNoText() {
        Flow old = flow(YESNO, COUNT);
        Progress atFirst = walk(old, "welkom", null);
        Flow now = flow("type: text", COUNT);
        assertInstanceOf(Outcome.AskedOtherwise.class, answer(now, old, atFirst, "eerste", "ja"));
        assertInstanceOf(Outcome.AskedOtherwise.class, engine.answerVoice(now,
                VersionCarryOver.read(now, QuestionKind.of(old), atFirst), "eerste", true));
    }

    /** An edit of the answer just given, to a question that is another kind now, is none to the new one either. */
    @Test
    void anEditOfAnAnswerToAQuestionThatChangedKindIsNoAnswerToIt() {
        Flow old = flow(YESNO, COUNT);
        Progress past = walk(old, "welkom", null, "eerste", "ja", "tweede", 4L);
        Flow now = flow(YESNO, SCALE);
        assertInstanceOf(Outcome.AskedOtherwise.class, engine.answerAgain(now,
                VersionCarryOver.read(now, QuestionKind.of(old), past), "tweede", "3", AnswerWords.none(), false));
    }

    @Test
    void anAnswerToTheSameQuestionUnderTheNewVersionIsTaken() {
        Flow old = flow(YESNO, COUNT);
        Progress atCount = walk(old, "welkom", null, "eerste", "ja");
        Flow now = flow(YESNO, "type: number\ninteger: true\nmin: 0\nmax: 10");
        Outcome taken = answer(now, old, atCount, "tweede", 3);
        assertEquals("laatste", assertInstanceOf(Outcome.Accepted.class, taken).progress().current(),
                "the same kind of question, asked with other bounds: " + taken);
    }

    /**
     * A question the earlier version did not have is only ever shown under the new one: its answer is taken. The
     * conversation stood on a question the new version dropped, and now stands on the one put in its place.
     */
    @Test
    void anAnswerToAQuestionTheEarlierVersionDidNotHaveIsTaken() {
        Flow old = flow(YESNO, COUNT);
        Progress atCount = walk(old, "welkom", null, "eerste", "ja");
        Flow now = TestFlows.parse("""
                id: buurt
                languages: [nl]
                steps:
                  - id: welkom
                    type: info
                    source: s
                  - id: eerste
                    type: yesno
                    source: s
                  - id: nieuw
                    type: text
                    source: s
                  - id: laatste
                    type: yesno
                    source: s
                """);
        CarriedOver read = VersionCarryOver.read(now, QuestionKind.of(old), atCount);
        assertEquals("nieuw", read.now().current());
        Outcome taken = engine.answer(now, read, "nieuw", "ja", AnswerWords.none(), false);
        assertEquals("laatste", assertInstanceOf(Outcome.Accepted.class, taken).progress().current(), taken.toString());
    }

    /**
     * The answer stored, tapped twice: the new version asks an earlier question as another kind, so the conversation is
     * taken back there, but the question tapped is asked as before and its answer was stored: the second tap is a
     * repeat (200 with where it stands), not "no longer at its turn" as if it had not been stored.
     */
    @Test
    void theVeryAnswerStoredSentAgainAfterASwitchIsARepeat() {
        Flow old = flow(YESNO, CHOICE);
        Progress answered = walk(old, "welkom", null, "eerste", "ja", "tweede", "fiets");
        assertEquals("laatste", answered.current());
        Flow now = flow("type: text", CHOICE);
        CarriedOver read = VersionCarryOver.read(now, QuestionKind.of(old), answered);
        assertEquals("eerste", read.now().current(), "asked again: a text where a yes/no was");

        Outcome again = engine.answer(now, read, "tweede", "fiets", AnswerWords.none(), false);
        Outcome.Repeated repeated = assertInstanceOf(Outcome.Repeated.class, again, again.toString());
        assertEquals("eerste", repeated.progress().current(), "said as it stands under the new version");
        assertEquals(List.of("welkom"), repeated.progress().path());
        assertInstanceOf(Outcome.NotCurrent.class, engine.answer(now, read, "tweede", "auto", AnswerWords.none(), false),
                "another value was never stored: not called stored");
    }

    /** A repeat counts only while the question is asked the same way: a "ja" to what is now a text is none. */
    @Test
    void theAnswerStoredSentAgainToAQuestionThatChangedKindIsNoRepeat() {
        Flow old = flow(YESNO, CHOICE);
        Progress answered = walk(old, "welkom", null, "eerste", "ja");
        Flow now = flow("type: text", CHOICE);
        assertInstanceOf(Outcome.AskedOtherwise.class, answer(now, old, answered, "eerste", "ja"));
    }
    /**
     * An answer that says which version showed its question is judged by that version, not by the one the conversation
     * was stored under: the scale shown after the publish (a page read again) is answered once, where it got 409
     * "veranderd" because the conversation was still stored under the count's version; and the count's answer sent
     * again after the conversation was stored under the scale's version (a client's retry of the refused answer) is
     * still none, where it was then taken as "3 van 5".
     */
    @Test
    void anAnswerIsJudgedByTheVersionThatShowedItsQuestion() {
        Flow old = flow(YESNO, COUNT);
        Progress atCount = walk(old, "welkom", null, "eerste", "ja");
        Flow now = flow(YESNO, SCALE);
        CarriedOver stillStoredUnderTheCount = VersionCarryOver.read(now, QuestionKind.of(old), atCount);

        Outcome shownNow = engine.answer(now, VersionCarryOver.shownAs(now, QuestionKind.of(now), stillStoredUnderTheCount),
                "tweede", 3, AnswerWords.none(), false);
        Outcome.Accepted taken = assertInstanceOf(Outcome.Accepted.class, shownNow, "the scale it showed: " + shownNow);
        assertEquals(3L, ((Number) taken.progress().answers().get("tweede")).longValue());
        assertInstanceOf(Outcome.AskedOtherwise.class, engine.answer(now,
                VersionCarryOver.shownAs(now, QuestionKind.of(old), stillStoredUnderTheCount), "tweede", 3, AnswerWords.none(), false),
                "shown as the count: none, as before");

        Progress storedUnderTheScale = stillStoredUnderTheCount.now(); // after the 409, gone on under the new version
        Outcome retried = engine.answer(now, VersionCarryOver.shownAs(now, QuestionKind.of(old), CarriedOver.same(storedUnderTheScale)),
                "tweede", 3, AnswerWords.none(), false);
        assertInstanceOf(Outcome.AskedOtherwise.class, retried, "the count's 3 is still no point of the scale: " + retried);
        assertInstanceOf(Outcome.NotCurrent.class, engine.answer(now,
                VersionCarryOver.shownAs(now, QuestionKind.of(old), CarriedOver.same(storedUnderTheScale)), "eerste", "nee",
                AnswerWords.none(), false), "a question both versions ask the same way is judged as any answer, not 'changed'");
    }
}
