package nl.samenspraak.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.ServiceBehindProxy;
import nl.samenspraak.support.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away while the bot runs in webhook mode (issue 11, honest failure). Found by probing the whole
 * surface during an outage: the outbox's scan logged a warning every second for as long as the outage lasted, and an
 * update posted to the webhook got a 500 and an error with its stack in the log, each time Telegram sent it again. An
 * outage is one line in the log (storage.DatabaseAvailability's), and an update that could not be stored is a 503
 * with Retry-After, after which Telegram's next delivery is handled as usual.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramDatabaseOutageTest {
    private static final String SECRET = "outage-webhook-secret";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final FakeBotApi fake = new FakeBotApi("778:database-outage-token");

    private ServiceBehindProxy service;
    private TcpProxy proxy;
    private EmbeddedServer server;

    @BeforeAll
    void start() {
        service = ServiceBehindProxy.start(Map.of(
                "telegram.bot-token", "778:database-outage-token",
                "telegram.api-url", fake.url(),
                "telegram.webhook-secret", SECRET,
                "telegram.retry.first-delay", "20ms",
                "telegram.outbox.scan-every", "200ms"));
        proxy = service.proxy();
        server = service.server();
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        fake.close();
    }

    @Test
    void anOutageIsOneLineInTheLogAndAnUpdateThatWasNotStoredIsA503ThatTelegramSendsAgain() throws Exception {
        TelegramUser user = new TelegramUser(fake, "nl", update -> assertEquals(200, post(update).statusCode()));
        user.say("/start voorbeeld");
        assertFalse(user.sent().isEmpty(), "the bot answers while the database is there");
        ObjectNode update = user.message("/help");

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        int before = user.mark();
        try {
            proxy.cut();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> refused = post(update);
                assertEquals(503, refused.statusCode(), "not handled, and not a failure of the service: " + refused.body());
                assertEquals("2", refused.headers().firstValue("Retry-After").orElse(null));
            }
            Thread.sleep(2_000); // ten scans of the outbox, every 200 ms
        } finally {
            root.detachAppender(log);
            proxy.restore();
        }
        List<String> loud = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        assertEquals(1, loud.size(), "one line for the outage, not one per scan or per update: " + loud);
        assertTrue(loud.get(0).contains("DatabaseAvailability"), loud.get(0));

        long back = System.nanoTime();
        HttpResponse<String> handled;
        do {
            handled = post(update);
        } while (handled.statusCode() == 503 && System.nanoTime() - back < 5_000_000_000L);
        assertEquals(200, handled.statusCode(), "Telegram's next delivery of the same update is handled: " + handled.body());
        assertTrue(user.mark() > before, "and the person gets their answer");
    }

    /**
     * The database goes away while a tap's replies are on their way to Telegram: they arrive, but what went (their
     * message ids, the chat's new live buttons) cannot be written down at that moment. Once the database is back it
     * is: a tap on the new buttons is taken, and {@code /vergeet} deletes those replies too. Before, that note was lost
     * (with a "reply stored, not yet sent" warning for replies that had gone): the next tap was refused as one on old
     * buttons ("Deze vraag is al beantwoord."), {@code /vergeet} left the replies in the chat while saying it had
     * deleted everything, and once the rows' lease ended they were sent a second time.
     */
    @Test
    void repliesThatWentWhileTheDatabaseWasAwayAreNotedOnceItIsBack() throws Exception {
        TelegramUser user = new TelegramUser(fake, "nl", update -> assertEquals(200, post(update).statusCode()));
        user.say("/start voorbeeld");
        user.tap("n");
        user.tap("a:0");
        int mark = user.mark();
        int calls = fake.calls("sendMessage").size();
        fake.holdSendingTo(user.chatId);
        // the years typed: the reply is the next question, languages to tick, with its buttons
        ObjectNode years = user.message("12");
        java.util.concurrent.CompletableFuture<HttpResponse<String>> answer =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> post(years));
        fake.await(() -> fake.calls("sendMessage").size() > calls, 10, "the tap's reply on its way");
        proxy.cut();
        List<FakeBotApi.Sent> replies;
        try {
            fake.releaseSending();
            assertEquals(200, answer.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode(),
                    "the answer was kept before its replies went");
            replies = user.since(mark);
            assertTrue(replies.stream().anyMatch(FakeBotApi.Sent::hasButtons), "the next question went, with its buttons: " + replies);
        } finally {
            proxy.restore();
        }
        awaitDatabase();

        FakeBotApi.Sent next = user.lastWithButtons();
        int beforeTap = fake.calls("editMessageReplyMarkup").size();
        String callback = user.tap(next, next.buttonData().get(0)); // the first language ticked
        List<String> notices = fake.calls("answerCallbackQuery").stream()
                .filter(c -> c.body().path("callback_query_id").asText().equals(callback))
                .map(c -> c.body().path("text").asText("")).toList();
        assertEquals(List.of(""), notices, "the buttons that went during the outage are the live ones");
        assertTrue(fake.calls("editMessageReplyMarkup").size() > beforeTap, "and the tick shows on them");

        user.say("/vergeet");
        FakeBotApi.Sent confirm = user.last();
        user.tap(confirm, "v:y");
        java.util.Set<Integer> gone = replies.stream().map(s -> s.messageId).collect(java.util.stream.Collectors.toSet());
        fake.await(() -> fake.visibleIn(user.chatId).stream().noneMatch(s -> gone.contains(s.messageId)), 10,
                "the replies that went during the outage deleted by /vergeet");
        assertEquals(List.of(), fake.problems());
    }

    /** Waits until the service says the database is back (readiness), as a load balancer would. */
    private void awaitDatabase() throws Exception {
        long start = System.nanoTime();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(server.getURL() + "/health/readiness")).GET().build();
        while (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "the service sees the database again within 10 s");
            Thread.sleep(50);
        }
    }

    private HttpResponse<String> post(ObjectNode update) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/telegram/webhook"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(update.toString())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
