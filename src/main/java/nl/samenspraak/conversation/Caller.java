package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import nl.samenspraak.storage.ConversationRecord;

import java.util.Objects;

/**
 * Who asks for a conversation: {@link #PUBLIC} (whoever has its link or code: the web chat, the public API,
 * Telegram) or a logged-in intermediair. The one rule, for every channel: a conversation an intermediair holds
 * opens only for that intermediair; any other opens only publicly. So an assisted conversation is "not found" for
 * its resume code, the public API, a team colleague and a manager alike, and its existence is not revealed.
 *
 * <p>A chat linked to an account ({@link #linkedChat}, see {@code chatlink.ChatLinks}) is that account in its chat:
 * it opens the account's own conversations and, as any chat does, the public ones ({@code opensPublic}).
 */
public record Caller(@Nullable Long accountId, boolean opensPublic) {
    public static final Caller PUBLIC = new Caller(null, true);

    public static Caller intermediair(long accountId) {
        return new Caller(accountId, false);
    }

    /** A chat linked to this account: its conversations, and the public ones. */
    public static Caller linkedChat(long accountId) {
        return new Caller(accountId, true);
    }

    /** Whether this caller may read or change the conversation. */
    public boolean opens(ConversationRecord conversation) {
        return Objects.equals(conversation.heldBy(), accountId) || (opensPublic && conversation.heldBy() == null);
    }
}
