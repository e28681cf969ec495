package nl.samenspraak.telegram;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.support.InstancesOnOneDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Several instances of the service with one bot on one PostgreSQL database made for the test ({@link InstancesOnOneDatabase}), as a cluster runs
 * them: each started with its own settings (its own address of the fake Bot API, say), all stopped and the database
 * dropped on {@link #close()}.
 */
final class InstancesOnPostgres implements AutoCloseable {
    private final InstancesOnOneDatabase instances = new InstancesOnOneDatabase();
    private final String token;

    InstancesOnPostgres(String token) {
        this.token = token;
    }

    /** An instance of the bot {@code token} on the database, reaching the Bot API at {@code apiUrl}. */
    EmbeddedServer start(String apiUrl, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("telegram.bot-token", token);
        properties.put("telegram.api-url", apiUrl);
        properties.putAll(settings);
        return instances.start(properties);
    }

    /** Stops one instance, as its process would be stopped. */
    void stop(EmbeddedServer server) {
        instances.stop(server);
    }

    /** A connection of the test's own to the database (close it). */
    Connection connect() throws SQLException {
        return instances.database().connect();
    }

    /** The step the chat's conversation is at, as {@code server} reads it. */
    static String step(EmbeddedServer server, TelegramUser user) {
        ApplicationContext context = server.getApplicationContext();
        return context.getBean(ReadConversation.class).state(TelegramFixture.conversationOf(context, user))
                .orElseThrow().step().id();
    }

    @Override
    public void close() {
        instances.close();
    }
}
