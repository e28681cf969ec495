package nl.samenspraak.round;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RoundConversationRepository extends CrudRepository<RoundConversation, String> {

    List<RoundConversation> findByRoundId(Long roundId);

    List<RoundConversation> findByConversationIdIn(java.util.Collection<String> conversationIds);
}
