package nl.samenspraak.intermediair;

import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Entry;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.Turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A conversation an intermediair holds, walked to its end through the use cases as they would enter it. */
final class HeldWalk {
    private HeldWalk() {
    }

    /**
     * Consent yes, {@code typed} (typed in Dutch) where a text is asked, every other question skipped or its first
     * option; each answer must be taken, and the conversation finishes.
     */
    static void finish(ReadConversation read, AnswerQuestion answer, String id, long accountId, String typed) {
        Caller me = Caller.intermediair(accountId);
        ConversationState s = read.state(id, "nl", me).orElseThrow();
        for (int i = 0; i < 200 && !s.done(); i++) {
            ConversationState.StepView step = s.step();
            Object value = step.id().equals("toestemming") ? "ja"
                    : step.type().equals("text") ? typed
                    : step.type().equals("info") || step.optional() ? null
                    : step.options().get(0).value();
            Turn turn = answer.answer(id, step.id(), value, Entry.intermediair(step.type().equals("text") ? "nl" : null), "nl", me);
            assertEquals(Turn.Kind.OK, turn.kind(), step.id() + ": " + turn.error());
            s = turn.state();
        }
        assertTrue(s.done());
    }
}
