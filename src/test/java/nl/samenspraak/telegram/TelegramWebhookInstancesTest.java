package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.storage.AnswerRecord;
import nl.samenspraak.storage.AnswerRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances in webhook mode on one PostgreSQL, one bot (issue 11, item 1): Telegram's retry of an update may
 * reach the other instance, one after the other or while the first still handles it, and the next update of the
 * same chat may reach the other instance while the first is still being handled. Each update is handled once, and
 * one chat's updates one after another: the second sees what the first stored, and its replies come after the first's.
 * To have "while the first is still being handled" for certain rather than by luck, the test holds the conversation's
 * row for a moment (as a slow disk would), so the first instance's commit waits, and lets go once the second update
 * has come in.
 */
class TelegramWebhookInstancesTest {
    private static final String TOKEN = "8123:webhook-instances-test-token";
    private static final String SECRET = "webhook-instances-secret_0123456789";

    private final InstancesOnPostgres instances = new InstancesOnPostgres(TOKEN);

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void anUpdateAndItsRetryOnTwoInstancesAreHandledOnceAndOneChatsUpdatesInOrder() throws Exception {
        try (FakeBotApi fake = new FakeBotApi(TOKEN)) {
            EmbeddedServer a = start(fake.url());
            EmbeddedServer b = start(fake.url());
            TelegramUser user = new TelegramUser(fake, "nl", update -> assertEquals(200, post(a, update)));
            String id = atRole(a, user);

            // 1. the same tap on A, then its retry on B: handled once
            int mark = user.mark();
            ObjectNode tap = user.tapUpdate(user.lastWithButtons(), "a:0");
            String query = tap.get("callback_query").get("id").asText();
            assertEquals(200, post(a, tap));
            assertEquals(200, post(b, tap), "the retry gets 200, so Telegram stops sending it");
            assertEquals("ervaring_jaren", step(b, id));
            fake.await(() -> user.mark() > mark, 10, "the reply to the tap");
            assertEquals(1, user.since(mark).size(), "one reply: " + user.since(mark));
            assertEquals(1, callbackAnswers(fake, query), "the tap's spinner is stopped once");

            // 2. a typed answer reaches A and, while A still stores it, its retry reaches B: handled once
            int mark2 = user.mark();
            ObjectNode twelve = user.message("12");
            List<Integer> statuses = whileTheConversationIsHeld(id, () -> post(a, twelve), () -> post(b, twelve));
            assertEquals(List.of(200, 200), statuses);
            assertEquals("talen", step(a, id), "the answer moved the conversation on once");
            assertEquals("12", answer(a, id, "ervaring_jaren"));
            fake.await(() -> user.mark() > mark2, 10, "the reply to the answer");
            assertEquals(1, user.since(mark2).size(), "one reply, not two: " + user.since(mark2));

            // 3. a new chat: the tap that answers its first question reaches A, and while A still stores it the
            // person's next (typed) answer reaches B: B waits for A, so the typed answer goes to the next question
            TelegramUser other = new TelegramUser(fake, "nl", update -> assertEquals(200, post(b, update)));
            String otherId = atRole(a, other);
            int mark3 = other.mark();
            ObjectNode first = other.tapUpdate(other.lastWithButtons(), "a:0");
            ObjectNode second = other.message("7");
            List<Integer> both = whileTheConversationIsHeld(otherId, () -> post(a, first), () -> post(b, second));
            assertEquals(List.of(200, 200), both);
            assertEquals("\"professional\"", answer(a, otherId, "rol"), "the tap's answer is stored");
            assertEquals("7", answer(a, otherId, "ervaring_jaren"), "and the typed answer after it, for the next question");
            assertEquals("talen", step(b, otherId));
            fake.await(() -> other.since(mark3).size() >= 2, 10, "the replies to both");
            List<FakeBotApi.Sent> replies = other.since(mark3);
            assertEquals(2, replies.size(), "one reply each: " + replies);
            assertTrue(replies.get(0).text.startsWith("Jouw antwoord: Professional"), "the tap's reply first: " + replies);
            assertTrue(replies.get(1).text.startsWith("Jouw antwoord: 7\n\nIn welke talen"),
                    "then the typed answer's, the next question under it: " + replies);
        }
    }

    /**
     * Holds the conversation's row, posts {@code first} (which then waits to store its answer), posts {@code second}
     * once the first waits, and lets go once the second waits too or is done; the statuses of both.
     */
    private List<Integer> whileTheConversationIsHeld(String conversationId, java.util.function.IntSupplier first,
                                                     java.util.function.IntSupplier second) throws Exception {
        CompletableFuture<Integer> one;
        CompletableFuture<Integer> two;
        try (Connection c = instances.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM conversation WHERE id = ? FOR UPDATE")) {
                s.setString(1, conversationId);
                s.executeQuery().close();
            }
            one = CompletableFuture.supplyAsync(first::getAsInt);
            awaitWaiting(c, 1, one);
            two = CompletableFuture.supplyAsync(second::getAsInt);
            awaitWaiting(c, 2, two);
            c.commit();
        }
        return List.of(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));
    }

    /** Until {@code waiting} sessions wait for a lock in this database, or {@code request} is done already. */
    private static void awaitWaiting(Connection c, int waiting, CompletableFuture<Integer> request) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!request.isDone()) {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event_type = 'Lock'"); ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getInt(1) >= waiting) {
                    return;
                }
            }
            assertTrue(System.nanoTime() < until, "the request neither waited nor finished");
            Thread.sleep(20);
        }
    }

    private EmbeddedServer start(String apiUrl) {
        return instances.startWebhook(apiUrl, SECRET);
    }

    private static int post(EmbeddedServer server, ObjectNode update) {
        return InstancesOnPostgres.post(server, SECRET, update);
    }

    /** Starts the example flow and passes its first step; the conversation, at "rol" as {@code server} reads it. */
    private static String atRole(EmbeddedServer server, TelegramUser user) {
        user.say("/start voorbeeld");
        user.tap("n");
        String id = TelegramFixture.conversationOf(server.getApplicationContext(), user);
        assertEquals("rol", step(server, id));
        return id;
    }

    private static String step(EmbeddedServer server, String id) {
        return server.getApplicationContext().getBean(ReadConversation.class).state(id).orElseThrow().step().id();
    }

    private static String answer(EmbeddedServer server, String id, String step) {
        return server.getApplicationContext().getBean(AnswerRepository.class).findByConversationId(id).stream()
                .filter(r -> r.stepId().equals(step)).map(AnswerRecord::answerValue).findFirst().orElse(null);
    }

    private static long callbackAnswers(FakeBotApi fake, String queryId) {
        return fake.calls("answerCallbackQuery").stream()
                .filter(c -> queryId.equals(c.body().path("callback_query_id").asText())).count();
    }
}
