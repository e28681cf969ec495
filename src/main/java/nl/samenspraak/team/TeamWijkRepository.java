package nl.samenspraak.team;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TeamWijkRepository extends CrudRepository<TeamWijk, Long> {

    List<TeamWijk> findByTeamIdOrderByPosition(Long teamId);

    void deleteByTeamId(Long teamId);
}
