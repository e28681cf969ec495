package nl.samenspraak.intermediair;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ResidentLinkConversationRepository extends CrudRepository<ResidentLinkConversation, String> {

    /** The conversations a link started that still exist (a declined one is deleted, and so is a forgotten one). */
    List<ResidentLinkConversation> findByLinkCode(String linkCode);
}
