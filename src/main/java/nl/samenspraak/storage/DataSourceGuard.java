package nl.samenspraak.storage;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Puts every data source behind a {@link GuardedDataSource}, and tells {@link DatabaseAvailability} how to check
 * whether the database is back: one connection of its own ({@link OwnConnections}), outside the pool, with short time-outs.
 * On PostgreSQL it also watches the connections handed out for one stuck on a frozen network ({@link StuckConnections}).
 */
@Singleton
class DataSourceGuard implements BeanCreatedEventListener<DataSource>, Ordered {
    private final DatabaseAvailability availability;
    private final OwnConnections connections;
    private final DatabaseKind database;
    private final List<StuckConnections> stuck = new CopyOnWriteArrayList<>();

    DataSourceGuard(DatabaseAvailability availability, OwnConnections connections, DatabaseKind database) {
        this.availability = availability;
        this.connections = connections;
        this.database = database;
    }

    /** First, so that the framework's transaction-aware wrapper goes around this one, not inside it. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource pool = event.getBean();
        ConnectionsInUse inUse = null;
        if (pool instanceof HikariDataSource hikari) {
            connections.of(hikari);
            availability.checkWith(this::check);
            availability.whenBack(() -> dropConnectionsOfBefore(hikari));
            if (database.postgres()) {
                inUse = new ConnectionsInUse();
                stuck.add(new StuckConnections(inUse, availability));
            }
        }
        return new GuardedDataSource(pool, availability, inUse);
    }

    @PreDestroy
    void close() {
        stuck.forEach(StuckConnections::close);
    }

    /**
     * The pool's connections from before an outage may be half-open (a healed partition): closed now, those in use
     * when they come back, so that requests get fresh ones instead of each waiting for a dead one's validation.
     */
    private static void dropConnectionsOfBefore(HikariDataSource hikari) {
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        if (pool != null && !hikari.isClosed()) {
            pool.softEvictConnections();
        }
    }

    private void check() throws SQLException {
        try (Connection c = connections.open(1); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }
    }
}
