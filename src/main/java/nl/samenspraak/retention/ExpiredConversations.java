package nl.samenspraak.retention;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.samenspraak.storage.ConversationRecord;

import java.time.Instant;
import java.util.List;

/** The ids of conversations past their flow's retention (see {@link RetentionJob}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ExpiredConversations extends GenericRepository<ConversationRecord, String> {

    @Query("SELECT id FROM conversation WHERE flow_id = :flowId AND status = 'active' AND updated_at < :before")
    List<String> unfinished(String flowId, Instant before);

    @Query("SELECT id FROM conversation WHERE flow_id = :flowId AND status <> 'active' AND updated_at < :before")
    List<String> finished(String flowId, Instant before);

    /**
     * Unfinished conversations of a flow that hold no answer: for a flow that asks consent first (nothing may be
     * asked before it), those still waiting for the person's yes.
     */
    @Query("SELECT c.id FROM conversation c WHERE c.flow_id = :flowId AND c.status = 'active' AND c.updated_at < :before "
            + "AND NOT EXISTS (SELECT 1 FROM answer a WHERE a.conversation_id = c.id)")
    List<String> unanswered(String flowId, Instant before);

    /** Unfinished conversations of flows the service no longer has, which no flow's retention covers. */
    @Query("SELECT id FROM conversation WHERE status = 'active' AND updated_at < :before AND flow_id NOT IN (:flowIds)")
    List<String> unfinishedOfOtherFlows(List<String> flowIds, Instant before);
}
