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

    /**
     * Taps Telegram never sends but the webhook takes with the secret: without an id (nothing to answer), without data
     * (a game's button), without a message (an inline message). A tap without an id was answered anyway: the Bot API
     * client refused the missing id and the log said, as a WARN, that a reply was "stored, not yet sent", which was
     * untrue. A tap without data got "already answered" on the live question. Now each is answered where it can be,
     * without a notice, and nothing is logged.
     */
    @Test
    void aTapWithoutIdDataOrMessageIsHandledQuietly() {
        TelegramUser user = user("nl");
        user.say("/start voorbeeld");
        user.tap("n");
        FakeBotApi.Sent role = user.lastWithButtons();
        ch.qos.logback.classic.Logger telegram = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("nl.samenspraak.telegram");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log = new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        telegram.addAppender(log);
        int answered = fake.calls("answerCallbackQuery").size();
        try {
            ObjectNode withoutData = user.tapUpdate(role, "a:1");
            ((ObjectNode) withoutData.get("callback_query")).remove("data");
            assertEquals(200, post(SECRET, withoutData.toString()));
            String id = withoutData.get("callback_query").get("id").asText();
            assertEquals(List.of(""), notices(id), "the spinner stops, with no notice");
            assertEquals("rol", state(user).step().id(), "nothing is answered");
            assertTrue(role.hasButtons(), "and the question's buttons stay");

            ObjectNode inline = user.tapUpdate(role, "a:1");
            ((ObjectNode) inline.get("callback_query")).remove("message");
            ((ObjectNode) inline.get("callback_query")).put("inline_message_id", "inline-1");
            assertEquals(200, post(SECRET, inline.toString()));
            assertEquals(List.of(""), notices(inline.get("callback_query").get("id").asText()));

            ObjectNode withoutId = user.tapUpdate(role, "a:1");
            ((ObjectNode) withoutId.get("callback_query")).remove("id");
            ObjectNode bare = user.tapUpdate(role, "a:1");
            ((ObjectNode) bare.get("callback_query")).remove("id");
            ((ObjectNode) bare.get("callback_query")).remove("message");
            assertEquals(200, post(SECRET, bare.toString()));
            assertEquals(200, post(SECRET, withoutId.toString()));
            assertEquals("ervaring_jaren", state(user).step().id(), "a tap on the live question without an id still answers it");
        } finally {
            telegram.detachAppender(log);
        }
        assertEquals(2, fake.calls("answerCallbackQuery").size() - answered, "only the taps with an id are answered");
        assertEquals(List.of(), fake.problems(), "no call Telegram refuses");
        assertEquals(List.of(), log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList(), "nothing worth a line in the log");
    }
}
