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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the database can be reached. A lost or refused connection marks it unreachable: from then on every
 * request that needs it is refused at once ({@link GuardedDataSource}) instead of waiting for a connection that
 * will not come, and one thread checks every {@value #CHECK_MILLIS} ms whether it is back. An outage is logged
 * twice, when it starts and when it ends, not once per request.
 *
 * <p>While requests are refused nobody waits on the connection pool, so the pool stops retrying and its back-off
 * does not grow: the first request after the database returns gets a fresh connection at once.
 */
@Singleton
public class DatabaseAvailability {
    static final long CHECK_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);

    /** How to check the database without the pool: throws when it cannot be reached. */
    interface Check {
        void run() throws SQLException;
    }

    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private volatile Check check;
    private volatile boolean closed;

    public boolean reachable() {
        return downSince.get() == null;
    }

    void checkWith(Check check) {
        this.check = check;
    }

    /**
     * Looks at a failure of a database call: when it says the database cannot be reached, marks it so (and logs
     * that once). True when it did.
     */
    public boolean noteFailure(Throwable failure) {
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

    private void watch(Instant since) {
        while (!closed && downSince.get() == since) {
            try {
                Thread.sleep(CHECK_MILLIS);
                Check c = check;
                if (c != null) {
                    c.run();
                }
                downSince.compareAndSet(since, null);
                LOG.info("The database is reachable again, after {} s.",
                        Duration.between(since, Instant.now()).toMillis() / 1000.0);
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                // still unreachable: look again
            }
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
