package nl.samenspraak.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** The audit log's rows (see {@link AuditLog}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends GenericRepository<AuditRepository.Event, Long> {

    @Query("INSERT INTO audit_event (at, kind, account, client, detail) VALUES (:at, :kind, :account, :client, :detail)")
    void add(Instant at, String kind, @Nullable String account, String client, String detail);

    @Query("SELECT * FROM audit_event ORDER BY at DESC, id DESC LIMIT :limit")
    List<Event> latest(int limit);

    /** By the index on {@code at}; one statement, as the retention job's other deletes by age. */
    @Query("DELETE FROM audit_event WHERE at < :before")
    long deleteBefore(Instant before);

    @MappedEntity("audit_event")
    record Event(@Id @GeneratedValue Long id, Instant at, String kind, @Nullable String account, String client, String detail) {
    }
}
