package nl.samenspraak.telegram;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.storage.AnswerRepository;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Bot API outage of 60 seconds with a restart of the service in the middle: every reply written while
 * Telegram was away arrives afterwards exactly once and in order, and the chat goes on with the buttons it got.
 * The outbox's clock runs twenty times as fast as the wall clock, so the outage is 60 s to the sender (its pauses,
 * its leases, with the production retry settings) and 3 s to the test.
 */
class TelegramOutageTest {
    static final String TOKEN = "141414:outage-test-token";
    private static final int SPEED = 20;
    /** The outage on the sender's clock; half of it before the restart, half after. */
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    /** Wall time, {@link #SPEED} times as fast. */
    static final class FastClock extends Clock {
        private final Instant start = Instant.now();
        private final long startNanos = System.nanoTime();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos((System.nanoTime() - startNanos) * SPEED);
        }
    }

    @Test
    void aSixtySecondOutageWithARestartDeliversEveryReplyOnceInOrder() throws InterruptedException {
        FastClock clock = new FastClock();
        try (FakeBotApi fake = new FakeBotApi(TOKEN)) {
            Map<String, Object> properties = Map.of("telegram.bot-token", TOKEN, "telegram.api-url", fake.url(),
                    "telegram.poll-timeout", "1", "telegram.outbox.scan-every", "100ms");
            TelegramUser user = TelegramUser.polling(fake, "nl");
            String conversation;
            FakeBotApi.Sent roleQuestion;
            try (ApplicationContext first = start(properties, clock)) {
                user.say("/start voorbeeld");
                user.tap("n");
                roleQuestion = user.lastWithButtons();
                conversation = TelegramFixture.conversationOf(first, user);

                fake.downForSending(); // Telegram goes away: first for sending, then for everything
                long outageStart = System.nanoTime();
                user.tap(roleQuestion, "a:0");
                user.say("12");
                assertEquals("talen", first.getBean(ReadConversation.class).state(conversation).orElseThrow().step().id(),
                        "answers are stored while Telegram is away");
                fake.down();
                sleepUntil(outageStart, OUTAGE.dividedBy(2L * SPEED));
            }
            int sentBeforeRestart = user.mark();
            try (ApplicationContext second = start(properties, clock)) {
                Thread.sleep(OUTAGE.dividedBy(2L * SPEED).toMillis());
                fake.recover(); // 3 s of wall time, 60 s on the outbox's clock

                fake.await(() -> !roleQuestionHasButtons(user, roleQuestion)
                                && user.sent().stream().anyMatch(s -> s.hasButtons() && s.messageId > roleQuestion.messageId),
                        20, "the replies written during the outage");
                assertEquals(user.sent().indexOf(roleQuestion) + 1, sentBeforeRestart, "nothing got through during the outage");
                List<FakeBotApi.Sent> after = user.since(sentBeforeRestart);
                assertTrue(after.size() >= 2, "the next two questions: " + after);
                assertFalse(after.get(0).hasButtons(), "first the question about years, typed: " + after);
                assertEquals(7, after.get(1).buttonData().size(), "then the six languages and Klaar: " + after);
                assertFalse(roleQuestionHasButtons(user, roleQuestion), "the answered question's buttons went");
                assertEquals(2, second.getBean(AnswerRepository.class).findByConversationId(conversation).size(), "each answer once");

                // the languages question's buttons are live, though the chat learnt their message id only after the outage
                FakeBotApi.Sent languages = after.get(1);
                String before = languages.markup.toString();
                String tapId = user.tap(languages, languages.buttonData().get(0));
                fake.await(() -> !languages.markup.toString().equals(before), 10, "the tapped option ticked");
                assertTrue(fake.calls("answerCallbackQuery").stream().filter(c -> c.body().path("callback_query_id").asText().equals(tapId))
                        .noneMatch(c -> c.body().path("text").asText("").length() > 0), "no 'already answered'");
                // the tick went out after them, in the chat's order: a reply sent twice would have come before it
                assertEquals(2, user.since(sentBeforeRestart).size(), "the next two questions, each once: " + user.since(sentBeforeRestart));
            }
        }
    }

    private static boolean roleQuestionHasButtons(TelegramUser user, FakeBotApi.Sent role) {
        return user.sent().stream().filter(s -> s.messageId == role.messageId).anyMatch(FakeBotApi.Sent::hasButtons);
    }

    private static ApplicationContext start(Map<String, Object> properties, Clock clock) {
        ApplicationContext context = ApplicationContext.builder().environments("test").properties(properties).singletons(clock).start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    private static void sleepUntil(long startNanos, Duration after) throws InterruptedException {
        long left = after.toMillis() - Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
    }
}
