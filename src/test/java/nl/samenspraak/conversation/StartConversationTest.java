package nl.samenspraak.conversation;

import jakarta.inject.Inject;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@link StartConversation}, the use case every channel (web, API, Telegram, intermediair) starts with,
 * tested on its own against the real storage (H2 in tests): what a channel gets back for each request is what the
 * person then sees, so each case checks the turn's kind, the step shown next, and what is stored. Uses the
 * {@code voorbeeld} flow (welkom, rol, ervaring_jaren 0-60, talen, ...).
 */
@SharedService
class StartConversationTest {
    @Inject
    StartConversation startConversation;
    @Inject
    ReadConversation readConversation;
    @Inject
    AnswerRepository answers;

    @Test
    void startOpensTheFlowAtItsFirstStepWithAResumeCodeAndStoresNoAnswer() {
        Turn start = startConversation.start("voorbeeld", "nl", Channel.API);
        ConversationState state = start.state();
        assertEquals(Turn.Kind.OK, start.kind());
        assertEquals("welkom", state.step().id());
        assertFalse(state.done());
        assertFalse(state.resumeCode().isBlank(), "a code to come back with");
        assertEquals("welkom", readConversation.state(state.id()).orElseThrow().step().id(), "it is stored: read back");
        assertEquals(state.id(), readConversation.resume(state.resumeCode()).orElseThrow().id(), "the code finds it");
        assertEquals(0, answers.findByConversationId(state.id()).size());
    }

    @Test
    void anUnknownFlowIsRefusedAndStartsNothing() {
        Turn start = startConversation.start("bestaat-niet", "nl", Channel.API);
        assertEquals(Turn.Kind.UNKNOWN_FLOW, start.kind());
        assertNotNull(start.error());
    }
}
