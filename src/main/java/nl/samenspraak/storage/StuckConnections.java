package nl.samenspraak.storage;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * Honest failure on a network that swallows packets (a database host gone without a word): a query on a connection
 * the pool had just used waited for an answer that never came, for minutes, where every request must fail within 2 s.
 * While a connection has been out longer than {@link #OUT_MILLIS}, this looks whether the database answers a
 * connection of its own ({@link DatabaseAvailability}'s check, 1 s at most); when it does not, the outage is noted
 * (logged once) and the connections out that long are aborted, so their requests get the outage's 503. A slow query
 * on a database that answers is left alone.
 */
final class StuckConnections {
    static final long OUT_MILLIS = 250;
    private static final long TICK_MILLIS = 50;
    /** At most one check this often while connections stay out long on a database that answers (a slow query). */
    private static final long CHECK_EVERY_MILLIS = 500;

    private final ConnectionsInUse inUse;
    private final DatabaseAvailability availability;
    private volatile boolean closed;
    private long checkedAt = System.nanoTime() - CHECK_EVERY_MILLIS * 1_000_000L;

    StuckConnections(ConnectionsInUse inUse, DatabaseAvailability availability) {
        this.inUse = inUse;
        this.availability = availability;
        Thread watcher = new Thread(this::watch, "database-stuck-connections");
        watcher.setDaemon(true);
        watcher.start();
    }

    void close() {
        closed = true;
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            List<Connection> stuck = inUse.outLongerThan(OUT_MILLIS);
            if (stuck.isEmpty()) {
                continue;
            }
            if (availability.reachable()) {
                if (System.nanoTime() - checkedAt < CHECK_EVERY_MILLIS * 1_000_000L) {
                    continue;
                }
                checkedAt = System.nanoTime();
                if (availability.answers()) {
                    continue;
                }
                availability.noteFailure(new SQLTransientConnectionException(
                        "a query waited " + OUT_MILLIS + " ms and the database did not answer a check", "08006"));
            }
            // only those out since before the check: one taken since may be on a database that is back
            stuck.forEach(inUse::abort);
        }
    }
}
