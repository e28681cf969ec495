package nl.samenspraak.storage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface HandOverRepository extends CrudRepository<HandOverRecord, String> {

    List<HandOverRecord> findByConversationId(String conversationId);

    /**
     * Makes this the conversation's link in place of an older one (older: made earlier, or at the same microsecond
     * with a smaller hash, so that of two made at once the same one wins everywhere); 0 when it has none, or a newer.
     */
    @Query("UPDATE result_hand_over SET token_hash = :tokenHash, created_at = :createdAt, expires_at = :expiresAt "
            + "WHERE conversation_id = :conversationId "
            + "AND (created_at < :createdAt OR created_at = :createdAt AND token_hash < :tokenHash)")
    long replaceOlder(String tokenHash, String conversationId, Instant createdAt, Instant expiresAt);

    /** Makes the conversation's first link; 0 when it has one (made meanwhile: the unique key on conversation_id). */
    @Query("INSERT INTO result_hand_over (token_hash, conversation_id, created_at, expires_at) "
            + "VALUES (:tokenHash, :conversationId, :createdAt, :expiresAt) ON CONFLICT DO NOTHING")
    long insertFirst(String tokenHash, String conversationId, Instant createdAt, Instant expiresAt);

    /** Removes every hand-over of a conversation; how many. */
    @Query("DELETE FROM result_hand_over WHERE conversation_id = :conversationId")
    long deleteByConversationId(String conversationId);

    /** Removes hand-overs that ended by {@code before}; how many. */
    @Query("DELETE FROM result_hand_over WHERE expires_at <= :before")
    long deleteEndedBy(Instant before);
}
