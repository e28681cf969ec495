package nl.samenspraak.retention;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.storage.OwnConnections;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The audit log keeps a staff member's account and address for {@code samenspraak.retention.audit-log} (365 days
 * by default, application.yml), not for ever: the daily run deletes older events and keeps younger ones. Its own
 * database: the job deletes across all events.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:retention-audit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RetentionAuditTest {
    private static final Instant NOW = Instant.parse("2031-05-06T03:00:00Z");

    @Inject
    RetentionJob job;
    @Inject
    OwnConnections connections;
    @Inject
    nl.samenspraak.limits.AttemptLog attempts;

    @Test
    void eventsOlderThanAYearGoAndYoungerOnesStay() throws Exception {
        String old = event(NOW.minus(Duration.ofDays(366)));
        String justOld = event(NOW.minus(Duration.ofDays(365)).minusSeconds(1));
        String young = event(NOW.minus(Duration.ofDays(364)));
        String today = event(NOW.minus(Duration.ofMinutes(5)));

        job.run(NOW);

        assertEquals(0, count(old), "a year and a day old: gone");
        assertEquals(0, count(justOld), "a second past the year: gone");
        assertEquals(1, count(young), "younger than a year: kept");
        assertEquals(1, count(today));
    }

    /**
     * The limits' counts (a keyed hash of a client's address per time slot) are kept a day: the daily run deletes
     * older ones even when no attempt comes to prune them, as on a quiet service.
     */
    @Test
    void limitCountsOlderThanADayGoEvenOnAQuietService() {
        String old = "start|" + UUID.randomUUID();
        String fresh = "start|" + UUID.randomUUID();
        attempts.addIfUnder(old, NOW.minus(Duration.ofHours(25)), Duration.ofHours(1), 10);
        attempts.addIfUnder(fresh, NOW.minus(Duration.ofMinutes(5)), Duration.ofHours(1), 10);

        job.run(NOW);

        assertEquals(0, attempts.count(old, NOW.minus(Duration.ofDays(3))), "a day and an hour old: gone");
        assertEquals(1, attempts.count(fresh, NOW.minus(Duration.ofDays(3))), "five minutes old: kept");
    }

    /** Stores an audit event at {@code at}, as AuditLog would have then; returns its detail, unique to it. */
    private String event(Instant at) throws Exception {
        String detail = "POST /admin/teams/" + UUID.randomUUID();
        try (Connection c = connections.open(10); PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_event (at, kind, account, client, detail) VALUES (?, 'admin_change', 'admin', '192.0.2.1', ?)")) {
            s.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            s.setString(2, detail);
            s.executeUpdate();
        }
        return detail;
    }

    private long count(String detail) throws Exception {
        try (Connection c = connections.open(10);
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM audit_event WHERE detail = ?")) {
            s.setString(1, detail);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
