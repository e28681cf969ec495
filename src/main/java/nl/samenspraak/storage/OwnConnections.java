package nl.samenspraak.storage;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections of their own to the application's database, outside the pool, with short time-outs: for what must
 * not wait behind requests nor take a request's place (the outage check, the leader's lock). Opened with the pool's
 * URL and credentials.
 */
@Singleton
public class OwnConnections {
    private volatile HikariDataSource pool;

    void of(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Whether the application's data source is made (until then, which database it is is not known). */
    public boolean known() {
        return pool != null;
    }

    /**
     * Whether the pool holds a connection now. An embedded H2 database is closed when its last connection is, so a
     * connection of one's own opened while the pool holds none would open it again (and closing that one, close it).
     */
    boolean inUse() {
        HikariDataSource p = pool;
        return p != null && !p.isClosed() && p.getHikariPoolMXBean() != null && p.getHikariPoolMXBean().getTotalConnections() > 0;
    }

    /**
     * A new connection; {@code seconds} bounds connecting and every later read on it (PostgreSQL). None once the pool
     * is closed (the service is stopping): a check or a lock still running then must not open the database again,
     * and an embedded H2 opened after its file was removed would make a new, empty one.
     */
    public Connection open(int seconds) throws SQLException {
        HikariDataSource p = pool;
        if (p == null) {
            throw new SQLException("the application's data source is not made yet");
        }
        if (p.isClosed()) {
            throw new SQLException("the application's data source is closed");
        }
        String url = p.getJdbcUrl();
        Properties properties = new Properties();
        properties.putAll(p.getDataSourceProperties());
        if (p.getUsername() != null) {
            properties.setProperty("user", p.getUsername());
        }
        if (p.getPassword() != null) {
            properties.setProperty("password", p.getPassword());
        }
        if (url.startsWith("jdbc:postgresql:")) {
            // seconds; such a connection must not hang on a network that swallows packets
            properties.setProperty("connectTimeout", String.valueOf(seconds));
            properties.setProperty("loginTimeout", String.valueOf(seconds));
            properties.setProperty("socketTimeout", String.valueOf(seconds));
        }
        Driver driver = DriverManager.getDriver(url);
        return driver.connect(url, properties);
    }
}
