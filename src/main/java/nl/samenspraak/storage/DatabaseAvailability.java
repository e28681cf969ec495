package nl.samenspraak.storage;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the database can be reached. A lost or refused connection marks it unreachable: from then on every
 * request that needs it is refused at once ({@link GuardedDataSource}) instead of waiting for a connection that
 * will not come, and one thread checks every {@value #CHECK_MILLIS} ms whether it is back. An outage is logged
 * twice, when it starts and when it ends, not once per request.
 *
 * <p>A partition that heals often leaves the connections of before half-open (the database forgot them, nothing
 * tells the service): a look that hangs on one must not hold up the next, and the pool's connections of before are
 * dropped when the outage ends ({@link #whenBack}), or each costs a request its validation's wait and two of them its
 * whole second, so that it failed and the outage began again (readiness flapped for a second after the database's
 * return: system.PartitionHealsTest).
 *
 * <p>While requests are refused nobody waits on the connection pool, so the pool stops retrying and its back-off
 * does not grow: the first request after the database returns gets a fresh connection at once.
 */
@Singleton
public class DatabaseAvailability {
    static final long CHECK_MILLIS = 200;
    /** Looks under way at once: each gives up within its check's time-out (1 s), so five are one every 200 ms. */
    private static final int LOOKS_AT_ONCE = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);

    /** How to check the database without the pool: throws when it cannot be reached. */
    interface Check {
        void run() throws SQLException;
    }

    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private volatile Check check;
    private volatile Runnable whenBack = () -> { };
    private volatile boolean closed;

    public boolean reachable() {
        return downSince.get() == null;
    }

    void checkWith(Check check) {
        this.check = check;
    }

    /** What to do when an outage ends, before requests are let through again (the pool drops its connections of before). */
    void whenBack(Runnable whenBack) {
        this.whenBack = whenBack;
    }

    /**
     * Looks at a failure of a database call: when it says the database cannot be reached, marks it so (and logs
     * that once). True when it did.
     */
    public boolean noteFailure(Throwable failure) {
        if (interrupted(failure)) {
            // the call was stopped on this side (the service shutting down stops its senders mid-call): no evidence
            // about the database, and no outage to log; "cannot be reached (InterruptedException)" at every stop
            return true;
        }
        if (isKnownOutage(failure)) {
            // refused because an outage was already noted: no new evidence, and the outage may have ended a moment
            // after this request was refused (marking it down again would log a second outage that never was)
            return true;
        }
        if (!isConnectionFailure(failure)) {
            if (!mayBeConnectionFailure(failure)) {
                return false;
            }
            if (!reachable()) {
                // an outage is known already: "Connection is closed" is its work, and looking again takes up to a second
                // on a network that swallows packets (StuckConnections aborts such connections), past the 2 s of a reply
                return true;
            }
            if (answers()) {
                return false;
            }
        }
        Instant now = Instant.now();
        if (downSince.compareAndSet(null, now)) {
            LOG.warn("The database cannot be reached ({}). Requests that need it get 503 until it is back.",
                    reason(failure));
            Thread watcher = new Thread(() -> watch(now), "database-availability");
            watcher.setDaemon(true);
            watcher.start();
        }
        return true;
    }

    /**
     * Whether {@code failure} of a connection outside the pool (the leader's lock) is part of an outage: one is known
     * already, or the database does not answer a look now (then the outage begins here, logged once). A connection
     * that broke while the database answers (its session ended on the server) is no outage, and says so itself.
     */
    public boolean partOfAnOutage(Throwable failure) {
        if (!reachable()) {
            return true;
        }
        if (answers()) {
            return false;
        }
        SQLTransientConnectionException unreachable = new SQLTransientConnectionException(
                "a connection broke and the database did not answer a look", "08006");
        unreachable.initCause(failure);
        return noteFailure(unreachable);
    }

    /**
     * Looks every {@value #CHECK_MILLIS} ms whether the database is back, each look on a thread of its own: a look
     * whose connection was swallowed by the network hangs until its time-out, and the database may be back meanwhile.
     */
    private void watch(Instant since) {
        AtomicInteger looking = new AtomicInteger();
        while (!closed && downSince.get() == since) {
            try {
                Thread.sleep(CHECK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (closed || downSince.get() != since || looking.get() >= LOOKS_AT_ONCE) {
                continue;
            }
            looking.incrementAndGet();
            Thread look = new Thread(() -> {
                try {
                    if (answers()) {
                        back(since);
                    }
                } finally {
                    looking.decrementAndGet();
                }
            }, "database-availability-look");
            look.setDaemon(true);
            look.start();
        }
    }

    private synchronized void back(Instant since) {
        if (closed || downSince.get() != since) {
            return;
        }
        try {
            whenBack.run();
        } catch (RuntimeException e) {
            LOG.debug("dropping the connections of before the outage", e);
        }
        if (downSince.compareAndSet(since, null)) {
            LOG.info("The database is reachable again, after {} s.", Duration.between(since, Instant.now()).toMillis() / 1000.0);
        }
    }

    /** Whether the database answers the check now (false when there is no check yet). */
    boolean answers() {
        Check c = check;
        if (c == null) {
            return false;
        }
        try {
            c.run();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        closed = true;
    }

    /** What the guarded pool throws, without trying, while an outage is known: a 503, but not a new outage. */
    static final class KnownOutage extends SQLTransientConnectionException {
        KnownOutage() {
            super("the database cannot be reached", "08001");
        }
    }

    private static boolean isKnownOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KnownOutage) {
                return true;
            }
        }
        return false;
    }

    /** A connection refused, lost or timed out, in the chain of causes. */
    /** Whether {@code failure} came of this thread being interrupted, not of anything the database did. */
    static boolean interrupted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A database error that does not say what it is (the pool's "Connection is closed" on a connection it dropped
     * has no SQL state): only a look at the database tells. Errors about the data or the query are not.
     */
    public static boolean mayBeConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || !(state.startsWith("22") || state.startsWith("23") || state.startsWith("40")
                        || state.startsWith("42"));
            }
        }
        return false;
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
