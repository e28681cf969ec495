package nl.samenspraak.intermediair;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ResidentLinkRepository extends CrudRepository<ResidentLink, String> {

    /** Removes links that ended by {@code before}; how many. */
    @Query("DELETE FROM resident_link WHERE expires_at <= :before")
    long deleteEndedBy(Instant before);

    /** The links an account made that still work at {@code now}, the newest first. */
    List<ResidentLink> findByMadeByAndExpiresAtGreaterThanOrderByCreatedAtDesc(Long madeBy, Instant now);
}
