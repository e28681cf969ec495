package nl.samenspraak.telegram;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** The message ids of private chats, by chat hash (see {@link ChatMessages}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TelegramChatMessageRepository extends GenericRepository<TelegramChatMessageRepository.NotedMessage, String> {

    /** Notes a message of the chat; once (an edited message, or a message noted again, is the same message). */
    @Query("INSERT INTO telegram_chat_message (chat_hash, message_id, noted_at) VALUES (:chatHash, :messageId, :notedAt) "
            + "ON CONFLICT DO NOTHING")
    long note(String chatHash, long messageId, Instant notedAt);

    /**
     * The chat's message ids noted since {@code since}, oldest first; not a file on its way as an earlier version noted
     * it (a negative id, never Telegram's).
     */
    @Query("SELECT message_id FROM telegram_chat_message WHERE chat_hash = :chatHash AND noted_at >= :since AND message_id > 0 "
            + "ORDER BY message_id")
    List<Long> ids(String chatHash, Instant since);

    /** Every row of the chat, however old. */
    @Query("DELETE FROM telegram_chat_message WHERE chat_hash = :chatHash")
    long forget(String chatHash);

    @Query("DELETE FROM telegram_chat_message WHERE noted_at < :before")
    long prune(Instant before);

    @MappedEntity("telegram_chat_message")
    record NotedMessage(@Id String chatHash, long messageId, Instant notedAt) {
    }
}
