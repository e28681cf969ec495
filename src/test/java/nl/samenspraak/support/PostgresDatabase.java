package nl.samenspraak.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test class. The server is the one CI starts (.ci/run); a missing
 * server fails the test with a message saying how to start it, rather than skipping it silently.
 */
public final class PostgresDatabase {
    private static final String SERVER = System.getenv().getOrDefault("SAMENSPRAAK_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("SAMENSPRAAK_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("SAMENSPRAAK_TEST_POSTGRES_PASSWORD", "");

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    public static PostgresDatabase create() {
        String name = "samenspraak_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        return new PostgresDatabase(name);
    }

    public Map<String, String> properties() {
        return Map.of(
                "datasources.default.url", SERVER + name,
                "datasources.default.username", USER,
                "datasources.default.password", PASSWORD);
    }

    /** The same database reached through {@code port} on loopback, where a proxy in front of the server listens. */
    public Map<String, String> propertiesThrough(int port) {
        Map<String, String> properties = new java.util.HashMap<>(properties());
        properties.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + name);
        return properties;
    }

    /** The port the PostgreSQL server listens on (on loopback, for a proxy in front of it). */
    public static int serverPort() {
        int port = java.net.URI.create(SERVER.substring("jdbc:".length())).getPort();
        return port < 0 ? 5432 : port;
    }

    /** A connection of the test's own to the database, not through any proxy (close it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name, USER, PASSWORD);
    }

    public void drop() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for this test (" + e.getMessage()
                    + "). Start it (bash .ci/run does) or point SAMENSPRAAK_TEST_POSTGRES_URL at one.", e);
        }
    }
}
