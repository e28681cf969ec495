package nl.samenspraak.team;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TeamMemberRepository extends CrudRepository<TeamMember, Long> {

    List<TeamMember> findByTeamId(Long teamId);

    List<TeamMember> findByAccountId(Long accountId);

    boolean existsByAccountIdAndTeamId(Long accountId, Long teamId);

    void deleteByAccountIdAndTeamId(Long accountId, Long teamId);
}
