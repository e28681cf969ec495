package nl.samenspraak.storage;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures mean "the database cannot be reached", and what follows from one. */
class DatabaseAvailabilityTest {

    @Test
    void aLostOrRefusedConnectionIsAnOutageAndABadQueryIsNot() {
        assertTrue(DatabaseAvailability.isConnectionFailure(new RuntimeException(new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseAvailability.isConnectionFailure(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseAvailability.isConnectionFailure(new SQLTransientConnectionException("pool timed out")));
        assertTrue(DatabaseAvailability.isConnectionFailure(new IllegalStateException(new java.net.ConnectException("refused"))));
        assertFalse(DatabaseAvailability.isConnectionFailure(new SQLIntegrityConstraintViolationException("dup", "23505")));
        assertFalse(DatabaseAvailability.isConnectionFailure(new IllegalArgumentException("no such step")));
    }

    /**
     * A call stopped on this side (the service shutting down interrupts the Telegram outbox's sender mid-call) is no
     * outage: nothing is marked and nothing logged. Every stop with the bot on logged "The database cannot be reached
     * (InterruptedException)".
     */
    @Test
    void aCallInterruptedHereIsNoOutage() {
        DatabaseAvailability availability = new DatabaseAvailability();
        availability.checkWith(() -> {
            throw new SQLException("no route to host", "08001");
        });
        SQLTransientConnectionException stopped = new SQLTransientConnectionException("interrupted while waiting for a connection");
        stopped.initCause(new InterruptedException());
        assertTrue(availability.noteFailure(stopped), "refused quietly, as during an outage");
        assertTrue(availability.reachable(), "but no outage is marked");
        availability.close();
    }

    @Test
    void anUnclearFailureIsAnOutageOnlyWhenTheDatabaseDoesNotAnswer() {
        AtomicBoolean answering = new AtomicBoolean(true);
        DatabaseAvailability availability = new DatabaseAvailability();
        availability.checkWith(() -> {
            if (!answering.get()) {
                throw new SQLException("no route to host", "08001");
            }
        });
        SQLException closed = new SQLException("Connection is closed");
        assertFalse(availability.noteFailure(closed), "the database answers: a problem of that one connection");
        assertTrue(availability.reachable());
        answering.set(false);
        assertTrue(availability.noteFailure(closed));
        assertFalse(availability.reachable());
        availability.close();
    }

    @Test
    void whileUnreachableTheDataSourceRefusesAtOnceAndComesBackByItself() throws Exception {
        AtomicBoolean answering = new AtomicBoolean(false);
        DatabaseAvailability availability = new DatabaseAvailability();
        availability.checkWith(() -> {
            if (!answering.get()) {
                throw new SQLException("refused", "08001");
            }
        });
        AtomicBoolean asked = new AtomicBoolean();
        javax.sql.DataSource pool = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{javax.sql.DataSource.class}, (proxy, method, args) -> {
                    asked.set(true);
                    throw new SQLTransientConnectionException("timed out");
                });
        GuardedDataSource guarded = new GuardedDataSource(pool, availability, null);
        assertThrows(SQLTransientConnectionException.class, guarded::getConnection);
        assertTrue(asked.getAndSet(false));
        assertFalse(availability.reachable());
        assertThrows(SQLTransientConnectionException.class, guarded::getConnection);
        assertFalse(asked.get(), "refused without asking the pool, so nobody waits for its time-out");
        answering.set(true);
        long until = System.currentTimeMillis() + 2000;
        while (!availability.reachable() && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertTrue(availability.reachable(), "back within a few checks");
        availability.close();
    }
}
