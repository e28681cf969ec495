package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One message (kind {@code send}) or one change of a message's buttons (kind {@code buttons}) waiting in the
 * outbox, or sent (or, kind {@code delete}, messages to delete; kind {@code document}, the result as a file). A buttons change names its message by Telegram id ({@code targetMessageId}) or, when that
 * message was itself still waiting, by its outbox row ({@code refId}). {@code conversationId}: the conversation whose
 * words a waiting message may carry (null: none), so that forgetting it withdraws the message ({@link UnsentReplies}).
 * See V110__telegram_outbox.sql and V240__telegram_outbox_conversation.sql.
 */
@MappedEntity("telegram_outbox")
record OutboxRow(
        @Id @GeneratedValue @Nullable Long id,
        long botId,
        long chatId,
        String kind,
        @Nullable String body,
        @Nullable Long refId,
        @Nullable Long targetMessageId,
        Instant createdAt,
        Instant notBefore,
        int attempts,
        @Nullable String leaseOwner,
        @Nullable Instant leaseUntil,
        @Nullable Instant sentAt,
        @Nullable Long messageId,
        @Nullable String conversationId) {

    static final String SEND = "send";
    static final String BUTTONS = "buttons";
    /** Messages of the chat to delete ({@code /vergeet}, see {@link ChatMessages}); its ids go with the body once tried. */
    static final String DELETE = "delete";
    /**
     * The result as a PDF, made when its turn comes ({@link OutboxSender}): not in the chat's order, so the chat's
     * later replies do not wait for the seconds of making it; it goes once the rows written before it went.
     */
    static final String DOCUMENT = "document";
}
