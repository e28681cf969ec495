package nl.samenspraak.limits;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** The attempts the limits count (see {@link DatabaseAttemptLog}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AttemptRepository extends GenericRepository<AttemptRepository.Attempt, Long> {

    @Query("INSERT INTO limit_attempt (bucket, at) VALUES (:bucket, :at)")
    void add(String bucket, Instant at);

    @Query("SELECT COUNT(*) FROM limit_attempt WHERE bucket = :bucket AND at >= :since")
    long count(String bucket, Instant since);

    @Query("DELETE FROM limit_attempt WHERE bucket = :bucket")
    long clear(String bucket);

    @Query("DELETE FROM limit_attempt WHERE at < :before")
    long prune(Instant before);

    @MappedEntity("limit_attempt")
    record Attempt(@Id Long id, String bucket, Instant at) {
    }
}
