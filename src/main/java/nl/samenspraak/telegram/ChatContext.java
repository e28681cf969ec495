package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import nl.samenspraak.conversation.Caller;

import java.time.Instant;

/**
 * The chat an update came from while it is handled: its id (in memory only, to reply), the hash it is
 * stored under, and its stored row, if it has one yet.
 */
final class ChatContext {
    final long chatId;
    final String hash;
    private final String fallbackLanguage;
    @Nullable
    private TelegramChatRecord record;
    private boolean stored;
    private final java.util.function.Supplier<Caller> linked;
    /** Now, on the clock the chat's moments are kept in ({@link Chats}). */
    private final java.util.function.Supplier<Instant> now;
    @Nullable
    private Caller caller;

    ChatContext(long chatId, String hash, @Nullable TelegramChatRecord record, String fallbackLanguage,
                java.util.function.Supplier<Caller> linked, java.util.function.Supplier<Instant> now) {
        this.chatId = chatId;
        this.hash = hash;
        this.record = record;
        this.stored = record != null;
        this.fallbackLanguage = fallbackLanguage;
        this.linked = linked;
        this.now = now;
    }

    /**
     * The chat as the conversation use cases know it: the account it is linked to (its conversations and the public
     * ones open), else public. Looked up once per update, when first needed.
     */
    Caller caller() {
        if (caller == null) {
            caller = linked.get();
        }
        return caller;
    }

    /** The chat was linked or unlinked just now: look it up again. */
    void relinked() {
        caller = null;
    }

    /** The chosen language, else the one of the person's Telegram app when the project speaks it, else Dutch. */
    String language() {
        return record != null ? record.language() : fallbackLanguage;
    }

    @Nullable
    TelegramChatRecord record() {
        return record;
    }

    boolean stored() {
        return stored;
    }

    /** The row, made (not yet stored) when the chat had none. */
    TelegramChatRecord ensureRecord() {
        if (record == null) {
            Instant at = now.get();
            record = new TelegramChatRecord(hash, fallbackLanguage, null, null, null, null, at, at, null, null, null, null, null, null);
        }
        return record;
    }

    void update(TelegramChatRecord changed) {
        this.record = changed;
    }

    void markStored(TelegramChatRecord saved) {
        this.record = saved;
        this.stored = true;
    }

    void forgotten() {
        this.record = null;
        this.stored = false;
    }

    @Nullable
    String conversationId() {
        return record == null ? null : record.conversationId();
    }

    @Nullable
    Long liveMessageId() {
        return record == null ? null : record.liveMessageId();
    }

    /** A chat's id is not for logs. */
    @Override
    public String toString() {
        return "chat";
    }
}
