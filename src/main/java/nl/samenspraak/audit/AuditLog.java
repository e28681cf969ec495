package nl.samenspraak.audit;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The audit log, in the database: time, kind, account (username), client and a short detail (a method and path
 * with ids). Never an answer. Writing it never fails the request it describes: a failure is logged, without details.
 * Kept for {@code samenspraak.retention.audit-log}: the daily retention job deletes older events
 * ({@link #deleteBefore}), as a staff member's address is not for keeping for ever.
 */
@Singleton
public class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** What happened. */
    public enum Kind {
        LOGIN_OK, LOGIN_FAILED, LOGIN_LOCKED, EXPORT, ADMIN_CHANGE, MANAGER_CHANGE, ADMIN_REFUSED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One event, as the admin's page lists it. */
    public record Entry(Instant at, String kind, String account, String client, String detail) {
    }

    private final AuditRepository events;

    AuditLog(AuditRepository events) {
        this.events = events;
    }

    public void record(Kind kind, @Nullable String account, String client, String detail) {
        try {
            events.add(Instant.now().truncatedTo(ChronoUnit.MICROS), kind.key(), cut(account, 64), cut(client, 64),
                    cut(detail, 300));
        } catch (RuntimeException e) {
            LOG.warn("audit: an event of kind {} could not be stored ({})", kind.key(), e.getClass().getSimpleName());
        }
    }

    /** The newest {@code limit} events, newest first. */
    public List<Entry> latest(int limit) {
        return events.latest(limit).stream()
                .map(e -> new Entry(e.at(), e.kind(), e.account() == null ? "" : e.account(), e.client(), e.detail())).toList();
    }

    /** Deletes the events from before {@code before}; returns how many went. */
    public long deleteBefore(Instant before) {
        return events.deleteBefore(before);
    }

    private static String cut(@Nullable String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
