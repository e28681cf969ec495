package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A conversation a chat started or resumed, and when the chat last turned to it. */
@MappedEntity("telegram_conversation")
public record TelegramConversationRecord(
        @Id @GeneratedValue @Nullable Long id,
        String chatHash,
        String conversationId,
        Instant usedAt) {
}
