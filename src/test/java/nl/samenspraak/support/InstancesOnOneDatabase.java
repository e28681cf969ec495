package nl.samenspraak.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several instances of the service on one PostgreSQL database made for the test, as a cluster runs them behind a load
 * balancer: each on a port of its own with the settings the test gives it; all stopped and the database dropped on
 * {@link #close()}.
 */
public final class InstancesOnOneDatabase implements AutoCloseable {
    private final PostgresDatabase database = PostgresDatabase.create();
    private final List<EmbeddedServer> running = new ArrayList<>();

    /** An instance on the database with {@code settings} besides the database's. */
    public EmbeddedServer start(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("micronaut.server.port", -1);
        properties.putAll(settings);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        running.add(server);
        return server;
    }

    /** Stops one instance, as its process would be stopped. */
    public void stop(EmbeddedServer server) {
        running.remove(server);
        server.getApplicationContext().close();
    }

    public PostgresDatabase database() {
        return database;
    }

    @Override
    public void close() {
        running.forEach(s -> s.getApplicationContext().close());
        database.drop();
    }
}
