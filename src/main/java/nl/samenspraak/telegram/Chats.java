package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import nl.samenspraak.chatlink.ChatLinks;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Keeps chats (by the hash of their id) and which conversations each of them started or resumed; their moments on the
 * outbox's clock ({@link Outbox}), the same injected clock (none in production: the system's).
 */
@Singleton
public class Chats {
    private final TelegramChatRepository chats;
    private final TelegramConversationRepository links;

    private final ChatLinks accounts;
    private final Clock clock;

    public Chats(TelegramChatRepository chats, TelegramConversationRepository links, ChatLinks accounts,
                 @Nullable Clock clock) {
        this.chats = chats;
        this.links = links;
        this.accounts = accounts;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    ChatContext open(long chatId, String hash, String fallbackLanguage) {
        return new ChatContext(chatId, hash, chats.findById(hash).orElse(null), fallbackLanguage,
                () -> accounts.callerOf(ChatActions.CHANNEL, hash), this::now);
    }

    /** The chat's link to an account (see {@link ChatLinks}): what links, unlinks and opens for it. */
    ChatLinks accounts() {
        return accounts;
    }

    void save(ChatContext chat) {
        TelegramChatRecord changed = chat.ensureRecord().touched(now());
        chat.markStored(chat.stored() ? chats.update(changed) : chats.save(changed));
    }

    /** Notes that the chat turned to this conversation now (the chat must be stored). */
    void link(ChatContext chat, String conversationId) {
        Instant now = now();
        if (links.touch(chat.hash, conversationId, now) == 0) {
            links.save(new TelegramConversationRecord(null, chat.hash, conversationId, now));
        }
    }

    /** The chat's conversations, the one it turned to last first. */
    List<String> conversations(String hash) {
        return links.findByChatHashOrderByUsedAtDesc(hash).stream().map(TelegramConversationRecord::conversationId).toList();
    }

    /** Removes the chat's row and with it the list of its conversations. */
    void delete(ChatContext chat) {
        if (chats.existsById(chat.hash)) {
            chats.deleteById(chat.hash);
        }
        chat.forgotten();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
