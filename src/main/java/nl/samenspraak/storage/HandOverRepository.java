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

    /** Removes every hand-over of a conversation; how many. */
    @Query("DELETE FROM result_hand_over WHERE conversation_id = :conversationId")
    long deleteByConversationId(String conversationId);

    /** Removes hand-overs that ended by {@code before}; how many. */
    @Query("DELETE FROM result_hand_over WHERE expires_at <= :before")
    long deleteEndedBy(Instant before);
}
