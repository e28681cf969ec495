package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new version that reuses a question's name for another question: the answer to the old one is not the person's
 * answer to the new one, whether or not its value happens to fit there (the XLSForm probe: a text equal to an option's
 * name, a date under a text question, a scale's 3 as a number, "ja" as the option "ja"). It is asked again, the earlier
 * answer not shown as theirs; the same question under a new version keeps its answer.
 */
class CarryOverByKindTest {
    private final ConversationEngine engine = new ConversationEngine();

    private static final String YESNO = TwoQuestionFlow.YESNO;

    private Progress walk(Flow flow, Object... stepsAndValues) {
        return TwoQuestionFlow.walk(engine, flow, stepsAndValues);
    }

    private static Flow flow(String first, String second) {
        return TwoQuestionFlow.of(first, second);
    }

    /** Answered {@code value} to "tweede" as {@code before} asks it, standing at "laatste"; read under {@code now}. */
    private Progress answeredThenRead(String before, Object value, String now) {
        Flow old = flow(YESNO, before);
        Progress answered = walk(old, "welkom", null, "eerste", "ja", "tweede", value);
        assertEquals("laatste", answered.current());
        return VersionCarryOver.under(flow(YESNO, now), QuestionKind.of(old), answered);
    }

    private static void askedAgain(Progress p) {
        assertEquals("tweede", p.current(), "asked again");
        assertEquals(List.of("welkom", "eerste"), p.path());
        assertFalse(p.answers().containsKey("tweede"), "the old answer is not shown as given to the new question");
        assertEquals("ja", p.answers().get("eerste"), "the answer before it carried");
    }

    @Test
    void aTextEqualToAnOptionsNameIsNoChoice() {
        askedAgain(answeredThenRead("type: text", "fiets", "type: choice\noptions: [auto, fiets, bus]"));
    }

    @Test
    void aDateIsNoAnswerToATextQuestion() {
        askedAgain(answeredThenRead("type: date", "2024-03-01", "type: text"));
    }

    @Test
    void aScalesPointIsNoCount() {
        askedAgain(answeredThenRead("type: scale\nmin: 1\nmax: 5", 3, "type: number\ninteger: true\nmin: 0\nmax: 10"));
    }

    @Test
    void yesIsNoOptionNamedYes() {
        askedAgain(answeredThenRead(YESNO, "ja", "type: choice\noptions: [ja, nee, soms]"));
    }

    @Test
    void aChoiceIsNoMultiOfOne() {
        askedAgain(answeredThenRead("type: choice\noptions: [auto, fiets]", "fiets", "type: multi\noptions: [auto, fiets]"));
    }

    @Test
    void threeOnAOneToFiveScaleIsNotThreeOnAOneToTen() {
        askedAgain(answeredThenRead("type: scale\nmin: 1\nmax: 5", 3, "type: scale\nmin: 1\nmax: 10"));
    }

    @Test
    void aNumberBeyondTheNewBoundsIsAskedAgain() {
        Progress p = answeredThenRead("type: number\nmin: 0\nmax: 20", 12L, "type: number\nmin: 0\nmax: 10");
        assertEquals("tweede", p.current());
        assertEquals(12L, p.answers().get("tweede"), "the same question: its answer shown as before");
    }

    @Test
    void theSameQuestionKeepsItsAnswer() {
        Progress kept = answeredThenRead("type: choice\noptions: [auto, fiets]", "fiets",
                "type: choice\noptions: [bus, fiets, auto]");
        assertEquals("laatste", kept.current());
        assertEquals("fiets", kept.answersOnPath().get("tweede"));
        Progress scale = answeredThenRead("type: scale\nmin: 1\nmax: 5", 3, "type: scale\nmin: 1\nmax: 5\ndontKnow: true");
        assertEquals(3L, ((Number) scale.answersOnPath().get("tweede")).longValue());
        assertEquals("laatste", scale.current());
        Progress number = answeredThenRead("type: number\nmin: 0\nmax: 20", 4L, "type: number\nmin: 0\nmax: 10");
        assertEquals("laatste", number.current(), "within the new bounds");
    }

    /** A version whose kinds are not known (never recorded) asks other questions: nothing carries. */
    @Test
    void aQuestionTheEarlierVersionIsNotKnownToHaveAskedIsAskedAgain() {
        Flow old = flow(YESNO, YESNO);
        Progress answered = walk(old, "welkom", null, "eerste", "ja", "tweede", "nee");
        Progress p = VersionCarryOver.under(old, Map.of(), answered);
        assertEquals("eerste", p.current());
        assertEquals(List.of("welkom"), p.path(), "the welcome asks nothing: passed again");
        assertTrue(p.answers().isEmpty());
    }

    /**
     * The step the person stands on is judged too: they had answered it, gone back, and stand on it again; the new
     * version asks another question there, so their earlier answer is not offered as theirs.
     */
    @Test
    void theQuestionStoodOnDropsAnEarlierAnswerToAnotherQuestion() {
        Flow old = flow(YESNO, "type: text");
        Progress answered = walk(old, "welkom", null, "eerste", "ja", "tweede", "fiets");
        Progress back = engine.back(old, answered);
        assertEquals("tweede", back.current());
        Progress p = VersionCarryOver.under(flow(YESNO, "type: choice\noptions: [auto, fiets]"), QuestionKind.of(old), back);
        assertEquals("tweede", p.current());
        assertEquals(List.of("welkom", "eerste"), p.path());
        assertNull(p.answers().get("tweede"), "not ticked as the earlier answer");
        assertFalse(p.answers().containsKey("tweede"));
    }

    /** Where it stands is still there and its way so far carries: the very same progress. */
    @Test
    void aConversationWhoseAnswersAllCarryIsLeftAsItIs() {
        Flow old = flow(YESNO, "type: text");
        Progress answered = walk(old, "welkom", null, "eerste", "ja", "tweede", "fiets");
        assertSame(answered, VersionCarryOver.under(flow(YESNO, "type: text\nmaxLength: 100"), QuestionKind.of(old), answered));
    }

    @Test
    void aKindIsKeptAndReadBackAsItWas() {
        QuestionKind scale = new QuestionKind(nl.samenspraak.flow.StepType.SCALE, 1.0, 5.0);
        assertEquals(scale, QuestionKind.parse(scale.key()).orElseThrow());
        QuestionKind text = new QuestionKind(nl.samenspraak.flow.StepType.TEXT, null, null);
        assertEquals(text, QuestionKind.parse(text.key()).orElseThrow());
        assertTrue(QuestionKind.parse(null).isEmpty());
        assertTrue(QuestionKind.parse("puzzle - -").isEmpty(), "a type this service does not know");
    }
}
