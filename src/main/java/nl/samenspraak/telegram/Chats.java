package nl.samenspraak.telegram;

import nl.samenspraak.chatlink.ChatLinks;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Keeps chats (by the hash of their id) and which conversations each of them started or resumed. */
@Singleton
public class Chats {
    private final TelegramChatRepository chats;
    private final TelegramConversationRepository links;

    private final ChatLinks accounts;

    public Chats(TelegramChatRepository chats, TelegramConversationRepository links, ChatLinks accounts) {
        this.chats = chats;
        this.links = links;
        this.accounts = accounts;
    }

    ChatContext open(long chatId, String hash, String fallbackLanguage) {
        return new ChatContext(chatId, hash, chats.findById(hash).orElse(null), fallbackLanguage,
                () -> accounts.callerOf(ChatActions.CHANNEL, hash));
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

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
