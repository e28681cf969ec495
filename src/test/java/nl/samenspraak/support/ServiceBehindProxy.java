package nl.samenspraak.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/**
 * The service on a fresh PostgreSQL database that it reaches through a {@link TcpProxy}, so that a test can take the
 * database away (cut, freeze) and give it back (restore, thaw), as the outage tests do.
 */
public final class ServiceBehindProxy implements AutoCloseable {
    private final PostgresDatabase database;
    private final TcpProxy proxy;
    private final EmbeddedServer server;

    private ServiceBehindProxy(PostgresDatabase database, TcpProxy proxy, EmbeddedServer server) {
        this.database = database;
        this.proxy = proxy;
        this.server = server;
    }

    /** Starts it, on a port of its own, with {@code more} properties beside the database's. */
    public static ServiceBehindProxy start(Map<String, Object> more) {
        PostgresDatabase database = PostgresDatabase.create();
        TcpProxy proxy = new TcpProxy(PostgresDatabase.serverPort());
        Map<String, Object> properties = new HashMap<>(database.propertiesThrough(proxy.port()));
        properties.put("micronaut.server.port", -1);
        properties.putAll(more);
        try {
            return new ServiceBehindProxy(database, proxy, ApplicationContext.run(EmbeddedServer.class, properties, "test"));
        } catch (RuntimeException e) {
            try {
                proxy.close();
            } catch (java.io.IOException ignored) {
                // closing what did not start
            }
            database.drop();
            throw e;
        }
    }

    public static ServiceBehindProxy start() {
        return start(Map.of());
    }

    public TcpProxy proxy() {
        return proxy;
    }

    public EmbeddedServer server() {
        return server;
    }

    /** A connection of the test's own to the database, not through the proxy (close it). */
    public java.sql.Connection connectDirectly() throws java.sql.SQLException {
        return database.connect();
    }

    @Override
    public void close() throws Exception {
        try {
            server.getApplicationContext().close();
        } finally {
            proxy.close();
            database.drop();
        }
    }
}
