package nl.samenspraak.round;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SurveyRoundRepository extends CrudRepository<SurveyRound, Long> {

    List<SurveyRound> findByTeamIdOrderByCreatedAtDesc(Long teamId);

    List<SurveyRound> findByTeamIdAndFlowId(Long teamId, String flowId);

    /** Closes a round early; a round already closed keeps its end (0 rows), so nothing can reopen it. */
    @Query("UPDATE survey_round SET closed_at = :now WHERE id = :id AND closed_at IS NULL AND closes_at > :now")
    long close(Long id, Instant now);
}
