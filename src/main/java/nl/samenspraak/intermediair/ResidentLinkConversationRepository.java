package nl.samenspraak.intermediair;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ResidentLinkConversationRepository extends CrudRepository<ResidentLinkConversation, String> {

    /** Conversations a link started that still exist (a declined one is deleted, and so is a forgotten one). */
    @Query("SELECT COUNT(*) FROM resident_link_conversation WHERE link_code = :linkCode")
    long countStarted(String linkCode);

    /** Of those, the finished ones. */
    @Query("SELECT COUNT(*) FROM resident_link_conversation lc JOIN conversation c ON c.id = lc.conversation_id"
            + " WHERE lc.link_code = :linkCode AND c.status = 'done'")
    long countFinished(String linkCode);
}
