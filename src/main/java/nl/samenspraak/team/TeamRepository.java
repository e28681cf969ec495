package nl.samenspraak.team;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TeamRepository extends CrudRepository<Team, Long> {

    Optional<Team> findByJoinCode(String joinCode);

    /** The teams whose name is {@code name} but for upper and lower case ("Team Oost" and "team oost"). */
    @Query("SELECT * FROM team WHERE LOWER(name) = LOWER(:name)")
    List<Team> findByNameInAnyCase(String name);

    List<Team> listOrderByName();

    @Query("UPDATE team SET join_code = :joinCode WHERE id = :id")
    long updateJoinCode(long id, String joinCode);

    @Query("UPDATE team SET name = :name WHERE id = :id")
    long updateName(long id, String name);

    /** How many conversations are counted under the team. */
    @Query("SELECT COUNT(*) FROM conversation WHERE team_id = :teamId")
    long countConversations(long teamId);
}
