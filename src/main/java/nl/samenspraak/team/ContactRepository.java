package nl.samenspraak.team;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContactRepository extends CrudRepository<ContactRecord, Long> {

    List<ContactRecord> findByTeamId(Long teamId);

    Optional<ContactRecord> findByTeamIdAndWijkAndLanguage(Long teamId, String wijk, String language);
}
