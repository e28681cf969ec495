package nl.samenspraak.dashboard;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import nl.samenspraak.cluster.SharedLook;
import nl.samenspraak.security.CreateAdminCommand;
import nl.samenspraak.storage.DatabaseAvailability;
import nl.samenspraak.storage.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;

/**
 * The instance-wide minimum group size k every page, export and count applies: on PostgreSQL the largest of the k the
 * instances on the database said recently ({@link StrictestK}), never less than this instance's own
 * ({@code samenspraak.dashboard.minimum-group-size}); on the embedded H2 database (one instance) its own, at no cost.
 * <p>
 * Each instance says its k in table {@code minimum_group_size_heard} (one row per value, the database's time) at start,
 * before it serves a page, and again every third of {@code samenspraak.dashboard.minimum-group-size-heard-within}, so
 * that a living instance is always heard. It reads what the others said with each of those, and when a page needs k
 * at most once a second ({@link SharedLook}): an instance started with a larger k is obeyed by the others within
 * a second of its start, not at their next timer. A turn of a conversation never asks for k. When the values differ the
 * log says so once, with both values, and again only when they change.
 */
@Singleton
public class StrictestMinimumGroupSize implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StrictestMinimumGroupSize.class);
    /** How often at most a page makes the instance read what the others said. */
    static final Duration LOOK_AT_MOST_EVERY = Duration.ofSeconds(1);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final TaskScheduler scheduler;
    private final StrictestK rule;
    private final Duration heardWithin;
    private final Duration sayEvery;
    private final SharedLook look;
    private final boolean serving;
    private final DatabaseKind database;
    private volatile int applied;
    private SortedSet<Integer> others = new TreeSet<>();
    private Instant lastSaid;
    private ScheduledFuture<?> saying;

    StrictestMinimumGroupSize(DashboardSettings settings, JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                              @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, Environment environment,
                              DatabaseKind database) {
        // a command (create-admin) serves no page: its k, perhaps unset there, is no instance's
        this.serving = !environment.getActiveNames().contains(CreateAdminCommand.ENVIRONMENT);
        this.jdbc = jdbc;
        this.database = database;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.heardWithin = settings.getMinimumGroupSizeHeardWithin();
        this.rule = new StrictestK(settings.getMinimumGroupSize(), heardWithin);
        this.sayEvery = heardWithin.dividedBy(3);
        this.applied = settings.getMinimumGroupSize();
        this.look = new SharedLook(() -> sayAndHear(false), LOOK_AT_MOST_EVERY, System::nanoTime);
    }

    /** The k to apply now: this instance's own, or a larger one another instance on the database said recently. */
    public int k() {
        if (serving && onPostgres()) {
            look.recent();
        }
        return applied;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!serving || !onPostgres()) {
            return;
        }
        sayAndHear(true);
        synchronized (this) {
            saying = scheduler.scheduleWithFixedDelay(sayEvery, sayEvery, () -> sayAndHear(true));
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (saying != null) {
            saying.cancel(false);
        }
    }

    /**
     * Says this instance's k when {@code always} or when it last did a third of the time ago, and reads what every
     * instance said, in one transaction. A failure (the database away) keeps the k applied: an outage is logged once
     * by storage.DatabaseAvailability, and a page meanwhile fails on its own reads.
     */
    private synchronized void sayAndHear(boolean always) {
        try {
            boolean say = always || lastSaid == null || Duration.between(lastSaid, Instant.now()).compareTo(sayEvery) >= 0;
            Heard heard = say ? transactions.executeWrite(status -> sayThenRead()) : transactions.executeRead(status -> read());
            if (say) {
                lastSaid = Instant.now();
                rule.said(heard.now());
            }
            take(rule.heard(heard.values(), heard.now()));
        } catch (RuntimeException e) {
            if (!DatabaseAvailability.isConnectionFailure(e)) {
                LOG.warn("minimum group size: could not say or read the instances' k ({}); applying {} meanwhile",
                        e.getClass().getSimpleName(), applied);
            }
        }
    }

    private record Heard(List<StrictestK.Heard> values, Instant now) {
    }

    private Heard sayThenRead() {
        jdbc.prepareStatement("INSERT INTO minimum_group_size_heard (k, heard_at) VALUES (?, CURRENT_TIMESTAMP) "
                + "ON CONFLICT (k) DO UPDATE SET heard_at = EXCLUDED.heard_at", s -> {
            s.setInt(1, rule.own());
            return s.executeUpdate();
        });
        return read();
    }

    private Heard read() {
        // CURRENT_TIMESTAMP is the database's clock, the one the rows were written by (also with no row at all)
        return jdbc.prepareStatement("SELECT h.k, h.heard_at, CURRENT_TIMESTAMP FROM (VALUES (1)) AS one "
                + "LEFT JOIN minimum_group_size_heard h ON TRUE", s -> {
            List<StrictestK.Heard> values = new ArrayList<>();
            Instant now = null;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    now = r.getTimestamp(3).toInstant();
                    if (r.getTimestamp(2) != null) {
                        values.add(new StrictestK.Heard(r.getInt(1), r.getTimestamp(2).toInstant()));
                    }
                }
            }
            return new Heard(values, now);
        });
    }

    /** Takes {@code now} over, and logs a change: once while the values differ, not once per page. */
    private void take(StrictestK.Applied now) {
        int before = applied;
        applied = now.k();
        if (!now.others().isEmpty() && !now.others().equals(others)) {
            LOG.warn("minimum group size: this instance is set to k={}, another instance on this database to k={}; "
                            + "applying k={} (set SAMENSPRAAK_DASHBOARD_MINIMUM_GROUP_SIZE the same on every instance)",
                    rule.own(), now.others().size() == 1 ? now.others().first() : now.others(), now.k());
        } else if (now.k() != before && now.k() == rule.own()) {
            LOG.info("minimum group size: no instance with a larger k heard for {} s; applying this instance's k={} again",
                    heardWithin.toSeconds(), rule.own());
        }
        others = now.others();
    }

    private boolean onPostgres() {
        return database.postgres();
    }
}
