package nl.samenspraak.intermediair;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LastChoiceRepository extends CrudRepository<LastChoice, Long> {

    /** One intermediair's choices, the flow used last first. */
    List<LastChoice> findByAccountIdOrderByUpdatedAtDesc(Long accountId);

    Optional<LastChoice> findByAccountIdAndFlowId(Long accountId, String flowId);
}
