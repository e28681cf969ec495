package nl.samenspraak.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.samenspraak.storage.DatabaseAvailability;
import nl.samenspraak.storage.DatabaseKind;
import nl.samenspraak.storage.OwnConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which instance does what only one instance may do at a time (long polling Telegram: two pollers would take each
 * other's updates). On PostgreSQL the leader is the instance that holds a session-level advisory lock, on a
 * connection of its own outside the pool; every instance tries to take it every {@code samenspraak.leader.try-every}
 * (1 s), and the leader checks as often that its connection still lives. When the leader stops, it lets go; when it
 * dies, its connection closes and PostgreSQL releases the lock at once, so another instance leads within about three
 * seconds (it takes the lock within one, then waits two, see {@link #tryToLead}) (a machine that vanishes is noticed by the server's TCP keep-alive, set short on this connection). A leader that
 * loses its connection stops leading before anyone else can start. On the embedded H2 database there is one instance,
 * and it leads.
 *
 * <p>Nothing is taken while nothing needs it: the lock is first tried when a {@link Role} is followed.
 */
@Singleton
public class Leadership implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
    /** The advisory lock's key: "Samenspr" in ASCII; one leader per database. */
    static final long KEY = 0x53616d656e737072L;

    /** Something only the leader does: started when this instance becomes the leader, stopped when it is no more. */
    public interface Role {
        void lead();

        /** Stops, and returns once what was under way is done (the next leader may start the moment it returns). */
        void stepDown();
    }

    private final OwnConnections connections;
    private final DatabaseKind database;
    private final DatabaseAvailability availability;
    private final Duration tryEvery;
    private final List<Role> roles = new CopyOnWriteArrayList<>();
    private Thread watcher;
    private Connection held;
    private volatile boolean leading;
    private volatile boolean closed;

    public Leadership(OwnConnections connections, DatabaseKind database, DatabaseAvailability availability,
                      LeaderSettings settings) {
        this.connections = connections;
        this.database = database;
        this.availability = availability;
        Duration tryEvery = settings.getTryEvery();
        if (tryEvery.isNegative() || tryEvery.isZero()) {
            throw new IllegalArgumentException("samenspraak.leader.try-every must be longer than zero, not " + tryEvery);
        }
        this.tryEvery = tryEvery;
    }

    /** Whether this instance leads now. */
    public boolean leading() {
        return leading;
    }

    /** Has {@code role} started whenever this instance leads (at once when it does now), and stopped when it no more does. */
    public synchronized void follow(Role role) {
        if (closed) {
            return;
        }
        roles.add(role);
        if (leading) {
            role.lead();
        }
        if (watcher == null) {
            watcher = new Thread(this::watch, "leadership");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private void watch() {
        while (!closed) {
            try {
                if (!connections.known()) {
                    Thread.sleep(tryEvery.toMillis());
                    continue;
                }
                if (!database.postgres()) {
                    elected("the embedded database serves one instance");
                    return;
                }
                if (held == null) {
                    tryToLead();
                } else {
                    stillHeld();
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                // the database is away (logged once by storage.DatabaseAvailability): no leader here until it is back
                if (held != null) {
                    lost(e);
                }
            }
            try {
                Thread.sleep(tryEvery.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Throws when the connection that holds the lock no longer answers (then the server has let go of the lock). */
    private void stillHeld() throws SQLException {
        try (Statement s = held.createStatement()) {
            s.execute("SELECT 1");
        }
    }

    private void tryToLead() throws SQLException {
        Connection c = connections.open(5);
        boolean taken = false;
        try {
            keepAliveShort(c);
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, KEY);
                try (ResultSet r = s.executeQuery()) {
                    taken = r.next() && r.getBoolean(1);
                }
            }
        } finally {
            if (!taken) {
                c.close();
            }
        }
        if (!taken) {
            return;
        }
        synchronized (this) {
            if (closed) {
                c.close();
                return;
            }
            held = c;
        }
        // an old leader whose connection died while its process lives polls on until its next check (every
        // try-every); waiting two of those before starting lets it notice and finish the batch in hand, so two
        // instances never handle one chat's updates at the same time
        try {
            Thread.sleep(2 * tryEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        stillHeld();
        elected("it holds the leader's lock");
    }

    /** So that the server notices within seconds, not hours, when this machine vanishes, and frees the lock. */
    private static void keepAliveShort(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("SET tcp_keepalives_idle = 5");
            s.execute("SET tcp_keepalives_interval = 2");
            s.execute("SET tcp_keepalives_count = 3");
        } catch (SQLException e) {
            LOG.debug("keep-alive settings not taken ({})", e.getMessage());
        }
    }

    private synchronized void elected(String why) {
        if (closed || leading) {
            return;
        }
        leading = true;
        LOG.info("This instance leads ({})", why);
        for (Role role : roles) {
            try {
                role.lead();
            } catch (RuntimeException e) {
                LOG.warn("a leader's task did not start", nl.samenspraak.system.LoggedFailure.of(e));
            }
        }
    }

    /** The connection that held the lock is gone, so is the lock: stop at once, another instance may lead already. */
    private void lost(Exception why) {
        if (availability.partOfAnOutage(why)) {
            // the outage has its one line in the log (storage.DatabaseAvailability's); this is one of its consequences
            LOG.info("This instance lost the leader's lock in the database's outage: it stops leading until the database is back");
        } else {
            LOG.warn("This instance lost the leader's lock (its database connection broke: {}): it stops leading",
                    nl.samenspraak.system.LoggedFailure.summary(why));
        }
        stepDown();
        closeQuietly(held);
        held = null;
    }

    private synchronized void stepDown() {
        if (!leading) {
            return;
        }
        leading = false;
        for (Role role : roles) {
            try {
                role.stepDown();
            } catch (RuntimeException e) {
                LOG.warn("a leader's task did not stop cleanly", nl.samenspraak.system.LoggedFailure.of(e));
            }
        }
    }

    /** Stops what only the leader does, then lets go of the lock, so another instance takes over at once. */
    @PreDestroy
    @Override
    public void close() {
        Thread w;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            w = watcher;
        }
        if (w != null) {
            w.interrupt();
            try {
                w.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (leading) {
                leading = false;
                roles.forEach(role -> {
                    try {
                        role.stepDown();
                    } catch (RuntimeException e) {
                        LOG.warn("a leader's task did not stop cleanly", nl.samenspraak.system.LoggedFailure.of(e));
                    }
                });
            }
            if (held != null) {
                try (PreparedStatement s = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    s.setLong(1, KEY);
                    s.execute();
                } catch (SQLException e) {
                    LOG.debug("unlocking the leader's lock", e);
                }
                closeQuietly(held);
                held = null;
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing the leader's connection", e);
        }
    }
}
