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
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
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

    /** An instance in webhook mode, whose webhook takes updates sent with {@code secret}. */
    EmbeddedServer startWebhook(String apiUrl, String secret) {
        return start(apiUrl, Map.of("telegram.webhook-secret", secret));
    }

    /** Sends {@code update} to the instance's webhook as Telegram does, with {@code secret}; the status it answered. */
    static int post(EmbeddedServer server, String secret, com.fasterxml.jackson.databind.node.ObjectNode update) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/telegram/webhook"))
                .header("Content-Type", "application/json").header(TelegramWebhookController.SECRET_HEADER, secret)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(update.toString())).build();
        try {
            return HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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
