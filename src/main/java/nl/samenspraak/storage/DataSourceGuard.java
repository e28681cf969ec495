package nl.samenspraak.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Puts every data source behind a {@link GuardedDataSource}, and tells {@link DatabaseAvailability} how to check
 * whether the database is back: one connection of its own ({@link OwnConnections}), outside the pool, with short time-outs.
 */
@Singleton
class DataSourceGuard implements BeanCreatedEventListener<DataSource>, Ordered {
    private final DatabaseAvailability availability;
    private final OwnConnections connections;

    DataSourceGuard(DatabaseAvailability availability, OwnConnections connections) {
        this.availability = availability;
        this.connections = connections;
    }

    /** First, so that the framework's transaction-aware wrapper goes around this one, not inside it. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource pool = event.getBean();
        if (pool instanceof HikariDataSource hikari) {
            connections.of(hikari);
            availability.checkWith(this::check);
        }
        return new GuardedDataSource(pool, availability);
    }

    private void check() throws SQLException {
        try (Connection c = connections.open(1); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }
    }
}
