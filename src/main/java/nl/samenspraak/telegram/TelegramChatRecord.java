package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A chat as stored: a keyed hash of its id (never the id), its language, the conversation it is in, and
 * the message whose buttons are live: {@code liveStep} is the step those buttons answer (null for a menu)
 * and {@code selection} the options toggled so far on a multi question (option positions, comma separated).
 */
@MappedEntity("telegram_chat")
public record TelegramChatRecord(
        @Id String chatHash,
        String language,
        @Nullable String conversationId,
        @Nullable Long liveMessageId,
        @Nullable String liveStep,
        @Nullable String selection,
        Instant createdAt,
        Instant updatedAt) {

    TelegramChatRecord withLanguage(String code) {
        return new TelegramChatRecord(chatHash, code, conversationId, liveMessageId, liveStep, selection, createdAt, updatedAt);
    }

    TelegramChatRecord withConversation(@Nullable String id) {
        return new TelegramChatRecord(chatHash, language, id, liveMessageId, liveStep, selection, createdAt, updatedAt);
    }

    TelegramChatRecord withLive(@Nullable Long messageId, @Nullable String step) {
        return new TelegramChatRecord(chatHash, language, conversationId, messageId, step, null, createdAt, updatedAt);
    }

    TelegramChatRecord withSelection(@Nullable String chosen) {
        return new TelegramChatRecord(chatHash, language, conversationId, liveMessageId, liveStep, chosen, createdAt, updatedAt);
    }

    TelegramChatRecord touched(Instant now) {
        return new TelegramChatRecord(chatHash, language, conversationId, liveMessageId, liveStep, selection, createdAt, now);
    }
}
