package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One chat that Telegram tells to wait (429, retry_after 5) holds up nobody else: another person's reply
 * comes at once, the waiting chat's updates are still taken in, and its replies follow after the wait, in order.
 * Five seconds rather than the minutes Telegram may ask for: long enough that a reply or an update held up behind
 * the wait (more than 2 s) tells, short enough not to make the suite wait for it.
 */
@MicronautTest(transactional = false)
class TelegramDeliveryTest extends TelegramFixture {
    private static final int RETRY_AFTER_SECONDS = 5;

    TelegramDeliveryTest() {
        super("131313:delivery-test-token", Map.of("telegram.outbox.scan-every", "200ms"));
    }

    @Test
    void aChatToldToWaitFiveSecondsDoesNotDelayAnotherChat() {
        TelegramUser slow = user("nl");
        TelegramUser other = user("nl");
        other.say("/start"); // the service warms up
        int otherBefore = other.mark();
        fake.tooManyRequestsFor(slow.chatId, RETRY_AFTER_SECONDS);

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
        assertTrue(firstDelivered - refused >= RETRY_AFTER_SECONDS * 1_000 - 100, "retry_after was honoured for that chat: " + (firstDelivered - refused) + " ms");
        assertEquals(got.size(), got.stream().map(s -> s.text).distinct().count(), "nothing came twice: " + got);
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
