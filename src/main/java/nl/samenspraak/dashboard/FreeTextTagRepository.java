package nl.samenspraak.dashboard;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FreeTextTagRepository extends CrudRepository<FreeTextTag, Long> {

    List<FreeTextTag> findByTeamIdAndFlowId(Long teamId, String flowId);

    List<FreeTextTag> findByTeamIdAndFlowIdAndStepIdOrderByTheme(Long teamId, String flowId, String stepId);

    boolean existsByTeamIdAndFlowIdAndStepIdAndTextHashAndTheme(Long teamId, String flowId, String stepId, String textHash, String theme);

    void deleteByTeamIdAndFlowIdAndStepIdAndTextHashAndTheme(Long teamId, String flowId, String stepId, String textHash, String theme);

    boolean existsByKeyedFalse();

    List<FreeTextTag> findByKeyedFalse();

    /** Names a tag made before the texts' hashes were keyed by its text's keyed hash; 0 when another instance did. */
    @Query("UPDATE free_text_tag SET text_hash = :textHash, keyed = TRUE WHERE id = :id AND keyed = FALSE")
    int rekey(long id, String textHash);
}
