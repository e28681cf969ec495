package nl.samenspraak.telegram;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TelegramConversationRepository extends CrudRepository<TelegramConversationRecord, Long> {

    /** The chat's conversations, the one it turned to last first. */
    List<TelegramConversationRecord> findByChatHashOrderByUsedAtDesc(String chatHash);

    /** Forgets which chats had the conversations of {@code flowId} that finished before {@code before}. */
    @Query("DELETE FROM telegram_conversation WHERE conversation_id IN (SELECT id FROM conversation "
            + "WHERE flow_id = :flowId AND status <> 'active' AND updated_at < :before)")
    long forgetFinished(String flowId, Instant before);

    /** As {@link #forgetFinished}, for the conversations of every flow not in {@code flowIds} (never empty). */
    @Query("DELETE FROM telegram_conversation WHERE conversation_id IN (SELECT id FROM conversation "
            + "WHERE flow_id NOT IN (:flowIds) AND status <> 'active' AND updated_at < :before)")
    long forgetFinishedOfOtherFlows(List<String> flowIds, Instant before);

    @Query("UPDATE telegram_conversation SET used_at = :usedAt WHERE chat_hash = :chatHash AND conversation_id = :conversationId")
    long touch(String chatHash, String conversationId, Instant usedAt);
}
