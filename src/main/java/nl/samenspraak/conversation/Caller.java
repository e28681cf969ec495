package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import nl.samenspraak.storage.ConversationRecord;

import java.util.Objects;

/**
 * Who asks for a conversation: {@link #PUBLIC} (whoever has its link or code: the web chat, the public API,
 * Telegram) or a logged-in intermediair. The one rule, for every channel: a conversation an intermediair holds
 * opens only for that intermediair; any other opens only publicly. So an assisted conversation is "not found" for
 * its resume code, the public API, a team colleague and a manager alike, and its existence is not revealed.
 */
public record Caller(@Nullable Long accountId) {
    public static final Caller PUBLIC = new Caller(null);

    public static Caller intermediair(long accountId) {
        return new Caller(accountId);
    }

    /** Whether this caller may read or change the conversation. */
    public boolean opens(ConversationRecord conversation) {
        return Objects.equals(conversation.heldBy(), accountId);
    }
}
