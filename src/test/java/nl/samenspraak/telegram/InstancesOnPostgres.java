package nl.samenspraak.telegram;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.support.PostgresDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several instances of the service with one bot on one PostgreSQL database made for the test, as a cluster runs
 * them: each started with its own settings (its own address of the fake Bot API, say), all stopped and the database
 * dropped on {@link #close()}.
 */
final class InstancesOnPostgres implements AutoCloseable {
    private final PostgresDatabase database = PostgresDatabase.create();
    private final String token;
    private final List<EmbeddedServer> running = new ArrayList<>();

    InstancesOnPostgres(String token) {
        this.token = token;
    }

    /** An instance of the bot {@code token} on the database, reaching the Bot API at {@code apiUrl}. */
    EmbeddedServer start(String apiUrl, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("micronaut.server.port", -1);
        properties.put("telegram.bot-token", token);
        properties.put("telegram.api-url", apiUrl);
        properties.putAll(settings);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        running.add(server);
        return server;
    }

    /** Stops one instance, as its process would be stopped. */
    void stop(EmbeddedServer server) {
        running.remove(server);
        server.getApplicationContext().close();
    }

    /** A connection of the test's own to the database (close it). */
    Connection connect() throws SQLException {
        return database.connect();
    }

    /** The step the chat's conversation is at, as {@code server} reads it. */
    static String step(EmbeddedServer server, TelegramUser user) {
        ApplicationContext context = server.getApplicationContext();
        return context.getBean(ReadConversation.class).state(TelegramFixture.conversationOf(context, user))
                .orElseThrow().step().id();
    }

    @Override
    public void close() {
        running.forEach(s -> s.getApplicationContext().close());
        database.drop();
    }
}
