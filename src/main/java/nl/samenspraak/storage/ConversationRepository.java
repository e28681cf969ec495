package nl.samenspraak.storage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConversationRepository extends CrudRepository<ConversationRecord, String> {

    /** The conversation with this resume code: codes are kept in a table of their own (V231), written once. */
    @Query("SELECT c.* FROM conversation c JOIN conversation_code k ON k.conversation_id = c.id WHERE k.code = :code")
    Optional<ConversationRecord> findByResumeCode(String code);

    /** Keeps a new conversation's resume code: 1, or 0 when another conversation has it (the key is the code). */
    @Query("INSERT INTO conversation_code (code, conversation_id) VALUES (:code, :conversationId) ON CONFLICT DO NOTHING")
    long keepCode(String code, String conversationId);

    /**
     * Locks the conversation's row until the commit, when it is there: two deletions at once both found the
     * conversation and both said "deleted" (two 204s); the second now waits here for the first and finds nothing.
     */
    @Query("SELECT id FROM conversation WHERE id = :id FOR UPDATE")
    Optional<String> lockRow(String id);

    /** The stored version of a conversation: whether a copy read earlier is still the latest. */
    Optional<Long> findVersionById(String id);

    /** One team's conversations of one flow in one state (the dashboard reads the finished ones). */
    List<ConversationRecord> findByTeamIdAndFlowIdAndStatus(Long teamId, String flowId, String status);

    long countByTeamIdAndFlowIdAndStatus(Long teamId, String flowId, String status);

    /** The conversations one intermediair holds, the last changed first ("My conversations"). */
    List<ConversationRecord> findByHeldByOrderByUpdatedAtDesc(Long heldBy);

    /** The flow version a conversation goes on under from now on (the row's own version moved with the turn). */
    @Query("UPDATE conversation SET flow_version = :flowVersion WHERE id = :id")
    long changeFlowVersion(String id, String flowVersion);

    /** Switches a conversation to another language if nobody changed it since {@code version}; 0 rows when someone did. */
    @Query("UPDATE conversation SET language = :language, updated_at = :updatedAt, version = version + 1 "
            + "WHERE id = :id AND version = :version")
    long changeLanguage(String id, long version, String language, Instant updatedAt);

    /** Counts a conversation under another wijk of its team if nobody changed it since {@code version}; 0 rows when someone did. */
    @Query("UPDATE conversation SET wijk = :wijk, updated_at = :updatedAt, version = version + 1 "
            + "WHERE id = :id AND version = :version")
    long changeWijk(String id, long version, String wijk, Instant updatedAt);
}
