package nl.samenspraak.telegram;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One chat that Telegram tells to wait (429, retry_after 20) holds up nobody else: another person's reply
 * comes at once, the waiting chat's updates are still taken in, and its replies follow after the wait, in order.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramDeliveryTest implements TestPropertyProvider {
    static final String TOKEN = "131313:delivery-test-token";
    final FakeBotApi fake = new FakeBotApi(TOKEN);

    @Inject
    TelegramChannel channel;
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("telegram.bot-token", TOKEN, "telegram.api-url", fake.url(), "telegram.poll-timeout", "1",
                "telegram.outbox.scan-every", "200ms");
    }

    @AfterAll
    void stop() {
        channel.close();
        fake.close();
    }

    @Test
    void aChatToldToWaitTwentySecondsDoesNotDelayAnotherChat() {
        TelegramUser slow = TelegramUser.polling(fake, "nl");
        TelegramUser other = TelegramUser.polling(fake, "nl");
        other.say("/start"); // the service warms up
        int otherBefore = other.mark();
        fake.tooManyRequestsFor(slow.chatId, 20);

        long start = System.nanoTime();
        slow.say("/help");
        slow.say("/start voorbeeld");
        assertTrue(millisSince(start) < 2_000, "the slow chat's updates are taken in at once, not after its wait");
        assertEquals(0, slow.mark(), "Telegram refused its replies for now");

        long asked = System.nanoTime();
        other.say("/help");
        fake.await(() -> other.mark() > otherBefore, 2, "the other person's reply within 2 s");
        assertTrue(millisSince(asked) < 2_000, "served within 2 s, took " + millisSince(asked) + " ms");

        long refused = fake.calls("sendMessage").stream().filter(c -> c.body().path("chat_id").asLong() == slow.chatId)
                .map(c -> c.at().toEpochMilli()).findFirst().orElseThrow();
        fake.recover();
        fake.await(() -> slow.sent().size() >= 2, 30, "the slow chat's replies after its wait");
        List<FakeBotApi.Sent> got = slow.sent();
        assertTrue(got.get(0).text.contains("Samenspraak voert korte gesprekken"), "first the help: " + got.get(0));
        assertTrue(got.get(got.size() - 1).hasButtons(), "then the flow's first step: " + got);
        long firstDelivered = fake.calls("sendMessage").stream()
                .filter(c -> c.body().path("chat_id").asLong() == slow.chatId).skip(1).findFirst().orElseThrow().at().toEpochMilli();
        assertTrue(firstDelivered - refused >= 19_900, "retry_after was honoured for that chat: " + (firstDelivered - refused) + " ms");
        assertEquals(got.size(), got.stream().map(s -> s.text).distinct().count(), "nothing came twice: " + got);
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
