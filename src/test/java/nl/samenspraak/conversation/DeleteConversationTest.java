package nl.samenspraak.conversation;

import jakarta.inject.Inject;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DeleteConversation}, the use case every channel (web, API, Telegram) forgets a conversation through,
 * tested on its own against the real storage (H2 in tests): what a channel gets back for each request is what the
 * person then sees, so each case checks the turn's kind, the step shown next, and what is stored. Uses the
 * {@code voorbeeld} flow (welkom, rol, ervaring_jaren 0-60, talen, ...).
 */
@SharedService
class DeleteConversationTest {
    @Inject
    StartConversation startConversation;
    @Inject
    AnswerQuestion answerQuestion;
    @Inject
    DeleteConversation deleteConversation;
    @Inject
    ReadConversation readConversation;
    @Inject
    AnswerRepository answers;

    private String atExperience() {
        return Voorbeeld.atExperience(startConversation, answerQuestion);
    }

    @Test
    void deleteRemovesTheConversationWithEveryAnswer() {
        String id = atExperience();
        String code = readConversation.state(id).orElseThrow().resumeCode();
        assertTrue(deleteConversation.delete(id, Caller.PUBLIC));
        assertTrue(readConversation.state(id).isEmpty());
        assertTrue(readConversation.resume(code).isEmpty(), "the code finds nothing any more");
        assertEquals(0, answers.findByConversationId(id).size(), "every answer gone");
        assertEquals(Turn.Kind.NOT_FOUND, answerQuestion.answer(id, "ervaring_jaren", 5).kind());
        assertFalse(deleteConversation.delete(id, Caller.PUBLIC), "deleting twice says there was nothing");
    }

    /**
     * "Nee" to consent deletes the conversation in the answer's own commit, and the turn says so: a channel that holds
     * on to the conversation (a Telegram chat's row naming it) lets go on that word, rather than guessing from a
     * finished state it can no longer read. A "ja" deletes nothing and says nothing of the kind.
     */
    @Test
    void noToConsentDeletesTheConversationAndTheTurnSaysSo() {
        String declining = startConversation.start("wijkanalyse", "nl", nl.samenspraak.flow.Channel.API).state().id();
        assertEquals(Turn.Kind.OK, answerQuestion.answer(declining, "welkom", null).kind());
        Turn no = answerQuestion.answer(declining, "toestemming", "nee");
        assertEquals(Turn.Kind.OK, no.kind());
        assertTrue(no.deleted(), "the turn says the conversation is gone");
        assertTrue(no.state().done(), "what it came to is shown once");
        assertTrue(readConversation.state(declining).isEmpty(), "and it is");

        String consenting = startConversation.start("wijkanalyse", "nl", nl.samenspraak.flow.Channel.API).state().id();
        answerQuestion.answer(consenting, "welkom", null);
        Turn yes = answerQuestion.answer(consenting, "toestemming", "ja");
        assertFalse(yes.deleted());
        assertTrue(readConversation.state(consenting).isPresent());
    }
}
