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

    @Query("UPDATE telegram_conversation SET used_at = :usedAt WHERE chat_hash = :chatHash AND conversation_id = :conversationId")
    long touch(String chatHash, String conversationId, Instant usedAt);
}
