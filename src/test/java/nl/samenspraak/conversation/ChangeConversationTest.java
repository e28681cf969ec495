package nl.samenspraak.conversation;

import jakarta.inject.Inject;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ChangeConversation}, the use case every channel (web, API, Telegram, intermediair) steps back through,
 * tested on its own against the real storage (H2 in tests): what a channel gets back for each request is what the
 * person then sees, so each case checks the turn's kind, the step shown next, and what is stored. Uses the
 * {@code voorbeeld} flow (welkom, rol, ervaring_jaren 0-60, talen, ...).
 */
@SharedService
class ChangeConversationTest {
    @Inject
    StartConversation startConversation;
    @Inject
    AnswerQuestion answerQuestion;
    @Inject
    ChangeConversation changeConversation;
    @Inject
    ReadConversation readConversation;
    @Inject
    AnswerRepository answers;

    private String started() {
        return Voorbeeld.started(startConversation);
    }

    private String atExperience() {
        return Voorbeeld.atExperience(startConversation, answerQuestion);
    }

    @Test
    void backShowsThePreviousQuestionAgainAndItCanBeAnsweredDifferently() {
        String id = atExperience();
        Turn back = changeConversation.back(id);
        assertEquals(Turn.Kind.OK, back.kind());
        assertEquals("rol", back.state().step().id());
        assertEquals("rol", readConversation.state(id).orElseThrow().step().id(), "stored");

        assertEquals(Turn.Kind.OK, answerQuestion.answer(id, "rol", "vrijwilliger").kind());
        assertEquals("ervaring_jaren", readConversation.state(id).orElseThrow().step().id());
        assertEquals(1, answers.findByConversationId(id).size(), "the answer replaced, not added");
        assertEquals("vrijwilliger", answers.findByConversationId(id).get(0).answerValue().replace("\"", ""));
    }

    @Test
    void backOnTheFirstStepStaysThere() {
        String id = started();
        Turn back = changeConversation.back(id);
        assertEquals(Turn.Kind.OK, back.kind());
        assertEquals("welkom", back.state().step().id());
    }
}
