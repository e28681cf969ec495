package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook mode: the bot registers its address with the secret, takes updates only with that secret, and
 * handles an update Telegram delivers twice once.
 */
@MicronautTest(transactional = false)
class TelegramWebhookTest extends TelegramFixture {
    static final String SECRET = "the-webhook-secret_0123456789";
    final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    TelegramWebhookTest() {
        super("777:webhook-test-token", Map.of("telegram.webhook-secret", SECRET,
                "telegram.webhook-url", "https://bot.example.org/telegram/webhook"));
    }

    private int post(String secret, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A person whose updates Telegram posts to the webhook, with the secret. */
    @Override
    TelegramUser user(String language) {
        return new TelegramUser(fake, language, update -> assertEquals(200, post(SECRET, update.toString())));
    }

    @Test
    void theWebhookIsRegisteredWithItsSecretAndNothingIsPolled() {
        fake.awaitCall(c -> c.method().equals("setwebhook"), "setWebhook");
        FakeBotApi.Call set = fake.calls("setWebhook").get(0);
        assertEquals("https://bot.example.org/telegram/webhook", set.body().path("url").asText());
        assertEquals(SECRET, set.body().path("secret_token").asText());
        assertEquals(List.of(), fake.calls("getUpdates"), "webhook mode does not poll");
    }

    @Test
    void anUpdateWithoutTheRightSecretIsRefusedAndLeavesNothing() throws java.sql.SQLException {
        TelegramUser user = user("nl");
        ObjectNode update = fake.message(user.chatId, "nl", "/start voorbeeld");
        long updateId = update.get("update_id").asLong();

        assertEquals(401, post(null, update.toString()));
        assertEquals(401, post("", update.toString()));
        assertEquals(403, post("wrong-secret", update.toString()));
        assertEquals(403, post(SECRET + "x", update.toString()));
        assertEquals(List.of(), user.sent(), "nothing was said to the chat");
        assertTrue(chats.findById(settings.chatIds().hash(user.chatId)).isEmpty(), "no chat stored");
        assertEquals(0, count("select count(*) from telegram_update where bot_id = ? and update_id = ?", settings.botId(), updateId),
                "the update id was not marked as seen: it can still be taken");

        assertEquals(200, post(SECRET, update.toString()), "the same update with the secret is taken");
        assertTrue(chats.findById(settings.chatIds().hash(user.chatId)).isPresent());
        assertFalse(user.sent().isEmpty());
        assertEquals(400, post(SECRET, "{not json"));
    }

    /** Found by fuzzing the webhook: a message without its chat gave 500, and Telegram would deliver it again and again. */
    @Test
    void anUpdateWhoseMessageNamesNoChatIsPassedOver() {
        TelegramUser user = user("nl");
        ObjectNode message = fake.message(user.chatId, "nl", "/start voorbeeld");
        ((ObjectNode) message.get("message")).putNull("chat");
        ObjectNode edited = fake.message(user.chatId, "nl", "ja");
        edited.set("edited_message", edited.remove("message"));
        ((ObjectNode) edited.get("edited_message")).remove("chat");

        assertEquals(200, post(SECRET, message.toString()));
        assertEquals(200, post(SECRET, edited.toString()));
        assertEquals(List.of(), user.sent(), "nothing was said, to no chat");

        user.say("/start voorbeeld");
        assertFalse(user.sent().isEmpty(), "the chat's next update is handled as usual");
    }

    @Test
    void anUpdateDeliveredTwiceIsHandledOnce() {
        TelegramUser user = user("nl");
        user.say("/start voorbeeld");
        user.tap("n");
        FakeBotApi.Sent role = user.lastWithButtons();
        ObjectNode tap = user.tapUpdate(role, "a:1");
        assertEquals(200, post(SECRET, tap.toString()));
        int mark = user.mark();
        int calls = fake.calls().size();

        assertEquals(200, post(SECRET, tap.toString()), "Telegram's retry gets 200 too, so it stops retrying");
        assertEquals(0, user.mark() - mark, "nothing is sent again");
        assertEquals(calls, fake.calls().size(), "not even the callback is answered twice");
        String id = conversationOf(user);
        assertEquals("ervaring_jaren", readConversation.state(id).orElseThrow().step().id());
        assertEquals(1, answers.findByConversationId(id).size());
    }
}
