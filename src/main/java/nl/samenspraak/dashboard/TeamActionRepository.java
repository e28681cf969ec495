package nl.samenspraak.dashboard;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TeamActionRepository extends CrudRepository<TeamAction, Long> {

    List<TeamAction> findByRoundIdOrderById(Long roundId);
}
