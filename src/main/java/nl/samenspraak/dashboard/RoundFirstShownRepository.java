package nl.samenspraak.dashboard;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** How many conversations each closed round counted when its figures were first shown (see {@link RoundsAsFirstShown}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RoundFirstShownRepository extends GenericRepository<RoundFirstShownRepository.FirstShown, Long> {

    @MappedEntity("round_first_shown")
    record FirstShown(@Id Long roundId, int counted) {
    }

    List<FirstShown> findByRoundIdIn(Collection<Long> roundIds);

    /** Writes down a round's first count; 0 when one is there already (another instance wrote it a moment before). */
    @Query("INSERT INTO round_first_shown (round_id, counted) VALUES (:roundId, :counted) ON CONFLICT DO NOTHING")
    long firstTime(long roundId, int counted);
}
