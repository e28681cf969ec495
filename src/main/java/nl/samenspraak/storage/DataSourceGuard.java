package nl.samenspraak.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Puts every data source behind a {@link GuardedDataSource}, and tells {@link DatabaseAvailability} how to check
 * whether the database is back: one connection of its own, outside the pool, with short time-outs.
 */
@Singleton
class DataSourceGuard implements BeanCreatedEventListener<DataSource>, Ordered {
    private final DatabaseAvailability availability;

    DataSourceGuard(DatabaseAvailability availability) {
        this.availability = availability;
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
            availability.checkWith(() -> check(hikari));
        }
        return new GuardedDataSource(pool, availability);
    }

    private static void check(HikariDataSource hikari) throws SQLException {
        String url = hikari.getJdbcUrl();
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        if (url.startsWith("jdbc:postgresql:")) {
            // seconds; the check must not hang on a network that swallows packets
            properties.setProperty("connectTimeout", "1");
            properties.setProperty("loginTimeout", "1");
            properties.setProperty("socketTimeout", "1");
        }
        Driver driver = DriverManager.getDriver(url);
        try (Connection c = driver.connect(url, properties); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }
    }
}
