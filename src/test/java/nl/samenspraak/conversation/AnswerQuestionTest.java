package nl.samenspraak.conversation;

import jakarta.inject.Inject;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AnswerQuestion}, the use case every channel (web, API, Telegram, intermediair) answers through,
 * tested on its own against the real storage (H2 in tests): what a channel gets back for each request is what the
 * person then sees, so each case checks the turn's kind, the step shown next, and what is stored. Uses the
 * {@code voorbeeld} flow (welkom, rol, ervaring_jaren 0-60, talen, ...).
 */
@SharedService
class AnswerQuestionTest {
    @Inject
    StartConversation startConversation;
    @Inject
    AnswerQuestion answerQuestion;
    @Inject
    AnswerByVoice answerByVoice;
    @Inject
    ChangeConversation changeConversation;
    @Inject
    ReadConversation readConversation;
    @Inject
    Respondents respondents;
    @Inject
    AnswerRepository answers;

    private String started() {
        return Voorbeeld.started(startConversation);
    }

    private String atExperience() {
        return Voorbeeld.atExperience(startConversation, answerQuestion);
    }

    @Test
    void anAcceptedAnswerIsStoredAndTheNextStepComes() {
        String id = started();
        Turn info = answerQuestion.answer(id, "welkom", null);
        assertEquals("rol", info.state().step().id());
        assertEquals(0, answers.findByConversationId(id).size(), "an info step leaves no answer row");

        Turn rol = answerQuestion.answer(id, "rol", "professional");
        assertEquals(Turn.Kind.OK, rol.kind());
        assertEquals("ervaring_jaren", rol.state().step().id());
        assertEquals(1, answers.findByConversationId(id).size(), "stored before the reply says so");
        assertEquals("ervaring_jaren", readConversation.state(id).orElseThrow().step().id());
    }

    @Test
    void anAnswerThatDoesNotFitIsRefusedAndTheSameQuestionComesAgain() {
        String id = atExperience();
        Turn invalid = answerQuestion.answer(id, "ervaring_jaren", 61);
        assertEquals(Turn.Kind.INVALID, invalid.kind());
        assertNotNull(invalid.error());
        assertEquals("ervaring_jaren", invalid.state().step().id());
        assertEquals(1, answers.findByConversationId(id).size(), "nothing stored");
    }

    @Test
    void repeatingTheLastAnswerChangesNothingAndStoresItOnce() {
        // a double tap, or a retry after a lost reply: the person must not skip a question or get an error
        String id = atExperience();
        Turn again = answerQuestion.answer(id, "rol", "professional");
        assertEquals(Turn.Kind.OK, again.kind(), String.valueOf(again.error()));
        assertEquals("ervaring_jaren", again.state().step().id(), "still the question after it");
        assertEquals(1, answers.findByConversationId(id).size(), "stored once");
    }

    @Test
    void anAnswerForAStepThatIsNotBeingAskedIsNotCurrentAndChangesNothing() {
        // the API turns this kind into 409
        String id = atExperience();
        Turn ahead = answerQuestion.answer(id, "houding", 3);
        assertEquals(Turn.Kind.NOT_CURRENT, ahead.kind());
        assertNotNull(ahead.error());
        assertEquals("ervaring_jaren", ahead.state().step().id());
        Turn stale = answerQuestion.answer(id, "welkom", null);
        assertEquals(Turn.Kind.NOT_CURRENT, stale.kind(), "an older step than the last answered one");
        assertEquals("ervaring_jaren", readConversation.state(id).orElseThrow().step().id());
        assertEquals(1, answers.findByConversationId(id).size());
    }

    @Test
    void aFinishedConversationIsFinal() {
        String id = respondents.finish("voorbeeld", "nl", Origin.NONE, Map.of());
        ConversationState done = readConversation.state(id).orElseThrow();
        assertTrue(done.done());
        int stored = answers.findByConversationId(id).size();

        assertEquals(Turn.Kind.FINISHED, answerQuestion.answer(id, "rol", "vrijwilliger").kind());
        assertEquals(Turn.Kind.FINISHED, changeConversation.back(id).kind());
        assertTrue(readConversation.state(id).orElseThrow().done(), "still finished");
        assertEquals(stored, answers.findByConversationId(id).size(), "no answer changed or added");
    }

    @Test
    void wouldFinishAsksTheEngineAboutTheLastAnswerAndStoresNothing() {
        String id = atExperience();
        assertEquals(Turn.Kind.OK, answerQuestion.answer(id, "ervaring_jaren", "3").kind());
        assertEquals(Turn.Kind.OK, answerQuestion.answer(id, "talen", java.util.List.of("engels")).kind());
        assertEquals(Turn.Kind.OK, answerQuestion.answer(id, "tolk", "nee").kind());
        assertEquals(Turn.Kind.OK, answerQuestion.answer(id, "houding", "4").kind());
        assertEquals(Turn.Kind.OK, answerQuestion.answer(id, "kennis", "veel").kind());
        assertFalse(answerQuestion.wouldFinish(id, "laatste_gesprek", "2024-03-01", Caller.PUBLIC), "a date question comes before the last one");
        assertEquals(Turn.Kind.OK, answerQuestion.answer(id, "laatste_gesprek", "2024-03-01").kind());
        int stored = answers.findByConversationId(id).size();

        assertTrue(answerQuestion.wouldFinish(id, "opmerking", "Alles duidelijk", Caller.PUBLIC), "the last question's answer would finish");
        assertTrue(answerQuestion.wouldFinish(id, "opmerking", null, Caller.PUBLIC), "so would skipping it");
        assertFalse(answerQuestion.wouldFinish(id, "opmerking", "x".repeat(1001), Caller.PUBLIC), "an answer the engine refuses finishes nothing");
        assertFalse(answerQuestion.wouldFinish(id, "kennis", "iets", Caller.PUBLIC), "a step that is not the current one");
        assertFalse(answerByVoice.wouldFinishByVoice(id, "opmerking", Caller.PUBLIC), "this flow takes no voice message here");
        assertFalse(answerQuestion.wouldFinish("00000000-0000-0000-0000-000000000000", "opmerking", "x", Caller.PUBLIC), "no such conversation");

        assertEquals(stored, answers.findByConversationId(id).size(), "the dry run stored nothing");
        assertEquals("opmerking", readConversation.state(id).orElseThrow().step().id(), "and moved nothing");
        assertFalse(readConversation.state(id).orElseThrow().done());
        assertEquals(Turn.Kind.OK, answerQuestion.answer(id, "opmerking", "Alles duidelijk").kind());
        assertTrue(readConversation.state(id).orElseThrow().done(), "the real answer finishes it");
        assertFalse(answerQuestion.wouldFinish(id, "opmerking", "Alles duidelijk", Caller.PUBLIC), "a finished conversation finishes nothing again");
    }
}
