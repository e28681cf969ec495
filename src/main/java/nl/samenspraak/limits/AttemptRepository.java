package nl.samenspraak.limits;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** The attempts the limits count, per bucket and slot (see {@link DatabaseAttemptLog}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AttemptRepository extends GenericRepository<AttemptRepository.SlotCount, String> {

    @Query("UPDATE limit_count SET attempts = attempts + 1 WHERE bucket = :bucket AND slot_end = :slotEnd")
    long addToSlot(String bucket, Instant slotEnd);

    /** 0 when another instance made the slot's row meanwhile (H2 knows PostgreSQL's ON CONFLICT DO NOTHING). */
    @Query("INSERT INTO limit_count (bucket, slot_end, attempts) VALUES (:bucket, :slotEnd, 1) ON CONFLICT DO NOTHING")
    long newSlot(String bucket, Instant slotEnd);

    @Query("UPDATE limit_count SET attempts = attempts - 1 WHERE bucket = :bucket AND slot_end = :slotEnd AND attempts > 0")
    long takeFromSlot(String bucket, Instant slotEnd);

    @Query("SELECT COALESCE(SUM(attempts), 0) FROM limit_count WHERE bucket = :bucket AND slot_end >= :since")
    long count(String bucket, Instant since);

    @Query("DELETE FROM limit_count WHERE bucket = :bucket")
    long clear(String bucket);

    @Query("DELETE FROM limit_count WHERE slot_end < :before")
    long prune(Instant before);

    @MappedEntity("limit_count")
    record SlotCount(@Id String bucket, Instant slotEnd, int attempts) {
    }
}
