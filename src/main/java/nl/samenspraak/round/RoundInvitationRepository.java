package nl.samenspraak.round;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RoundInvitationRepository extends CrudRepository<RoundInvitation, String> {

    List<RoundInvitation> findByRoundIdOrderByCode(Long roundId);

    /** Uses a code once: 1 row for the first use, 0 for any later one (also when two arrive at once). */
    @Query("UPDATE round_invitation SET used = TRUE WHERE code = :code AND used = FALSE")
    long use(String code);
}
