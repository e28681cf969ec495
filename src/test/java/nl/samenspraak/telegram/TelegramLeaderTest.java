package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.storage.AnswerRecord;
import nl.samenspraak.storage.AnswerRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances with one bot on one PostgreSQL, polling Telegram: only one polls (each instance reaches the fake
 * Bot API at a port of its own, so every getUpdates says who called). When the leader's database connection dies (as
 * when its process is killed: the server ends the session and frees the lock) or it is stopped, the other takes
 * over within seconds, and updates sent around the handover are handled once each, in order.
 */
class TelegramLeaderTest {
    private static final String TOKEN = "889:leader-test-token";
    private static final Duration TAKEOVER = Duration.ofSeconds(6);

    /** How long nothing more may come before a chat counts as quiet (its replies all sent). */
    private static final Duration QUIET = Duration.ofMillis(500);

    /**
     * How long the test watches who polls: four tries for the lead (every 250 ms) and three polls (the fake holds a
     * getUpdates at most 300 ms), so an instance that polls when it should not shows in it.
     */
    private static final Duration WATCH = Duration.ofSeconds(1);

    private final InstancesOnPostgres instances = new InstancesOnPostgres(TOKEN);

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void oneInstancePollsAndAnotherTakesOverWithinSecondsHandlingEveryUpdateOnceInOrder() throws Exception {
        try (FakeBotApi fake = new FakeBotApi(TOKEN)) {
            Map<Integer, EmbeddedServer> byPort = new HashMap<>();
            EmbeddedServer a = start(fake.url());
            byPort.put(FakeBotApi.portOf(fake.url()), a);
            String otherUrl = fake.anotherUrl();
            EmbeddedServer b = start(otherUrl);
            byPort.put(FakeBotApi.portOf(otherUrl), b);

            // a conversation while both run: one instance polls, the other does not
            Instant since = Instant.now();
            TelegramUser control = TelegramUser.polling(fake, "nl");
            toErvaringJaren(fake, control);
            int leader = onlyPoller(fake, since, WATCH.multipliedBy(2));
            int sentBefore = awaitQuiet(control, 0);
            control.say("12");
            control.say("13");
            int repliesToTwoMessages = awaitQuiet(control, sentBefore) - sentBefore;
            assertEquals("talen", InstancesOnPostgres.step(byPort.get(leader), control), "the answer moved the conversation on");

            // 1. the leader's database connection dies (as when its process is killed): the other takes over, the
            // old leader (alive here) stops polling before the new one starts, and what comes next is handled once,
            // in order
            Map<TelegramUser, Integer> first = usersAtErvaringJaren(fake, 3);
            Instant cut = Instant.now();
            assertEquals(1, terminateLeaderSession(), "the leader's lock is held by one session");
            int second = awaitOtherPoller(fake, leader, cut, cut);
            Instant after = Instant.now();
            List<ObjectNode> burst = burst(fake, first);
            fake.enqueue(burst.toArray(ObjectNode[]::new));
            fake.awaitConfirmed(burst.get(burst.size() - 1).get("update_id").asLong());
            assertEquals(Set.of(second), pollers(fake, after.plusMillis(1500), WATCH),
                    "the old leader polls no more once it lost its lock");
            assertHandledOnceInOrder(byPort.get(second), first, repliesToTwoMessages);

            // 2. the new leader is stopped while updates wait: it finishes the batch in hand before it lets go of the
            // lock, the first instance leads again, and every update is handled once, in order
            Map<TelegramUser, Integer> then = usersAtErvaringJaren(fake, 3);
            List<ObjectNode> more = burst(fake, then);
            fake.enqueue(more.toArray(ObjectNode[]::new));
            Instant stopped = Instant.now();
            EmbeddedServer leaving = byPort.get(second);
            instances.stop(leaving);
            // timed from the end of the shutdown: the lock goes last, after the batch in hand
            int third = awaitOtherPoller(fake, second, stopped, Instant.now());
            assertEquals(leader, third, "the instance still running takes over");
            fake.awaitConfirmed(more.get(more.size() - 1).get("update_id").asLong());
            assertHandledOnceInOrder(byPort.get(third), then, repliesToTwoMessages);
        }
    }

    /** An instance polling with a short wait, that tries for the lead (and checks it holds it) every 250 ms. */
    private EmbeddedServer start(String apiUrl) {
        return instances.start(apiUrl, Map.of("telegram.poll-timeout", "1", "samenspraak.leader.try-every", "250ms"));
    }

    /** Users who started the example flow and stand at its number question, with how many messages they got so far. */
    private static Map<TelegramUser, Integer> usersAtErvaringJaren(FakeBotApi fake, int n) {
        Map<TelegramUser, Integer> users = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            TelegramUser user = TelegramUser.polling(fake, "nl");
            toErvaringJaren(fake, user);
            users.put(user, 0);
        }
        users.replaceAll((user, none) -> awaitQuiet(user, 0));
        return users;
    }

    /** Starts the example flow and answers until its number question (replies go out through the outbox: waited for). */
    private static void toErvaringJaren(FakeBotApi fake, TelegramUser user) {
        user.say("/start voorbeeld");
        for (String data : List.of("n", "a:0")) {
            int before = user.mark();
            fake.await(() -> user.sent().stream().anyMatch(FakeBotApi.Sent::hasButtons), 30, "a question with buttons");
            user.tap(data);
            fake.await(() -> user.mark() > before, 30, "the reply to " + data);
        }
    }

    /**
     * Two messages from each user, interleaved: "12" answers the number question; "13" comes when the multiple
     * choice is asked, which takes no typed number. Out of order, 13 would be stored; twice, 12 would be answered twice.
     */
    private static List<ObjectNode> burst(FakeBotApi fake, Map<TelegramUser, Integer> users) {
        List<ObjectNode> updates = new ArrayList<>();
        users.keySet().forEach(u -> updates.add(u.message("12")));
        users.keySet().forEach(u -> updates.add(u.message("13")));
        return updates;
    }

    private void assertHandledOnceInOrder(EmbeddedServer server, Map<TelegramUser, Integer> users, int replies) {
        AnswerRepository answers = server.getApplicationContext().getBean(AnswerRepository.class);
        for (TelegramUser user : users.keySet()) {
            String conversation = TelegramFixture.conversationOf(server.getApplicationContext(), user);
            assertEquals("talen", InstancesOnPostgres.step(server, user), "12 then 13: the conversation is at the multiple choice");
            String stored = answers.findByConversationId(conversation).stream().filter(r -> r.stepId().equals("ervaring_jaren"))
                    .map(AnswerRecord::answerValue).findFirst().orElse(null);
            assertEquals("12", stored, "the first message answered the number question");
        }
        users.forEach((user, before) -> {
            int now = awaitQuiet(user, before + replies - 1);
            assertEquals(replies, now - before, "each of the two messages got its replies once: " + user.since(before));
        });
    }

    /**
     * Waits until the user has more than {@code atLeast} messages and nothing more came for {@link #QUIET} (replies go
     * out through the outbox), looking every 50 ms; returns the count.
     */
    private static int awaitQuiet(TelegramUser user, int atLeast) {
        int seen = -1;
        long quietSince = System.nanoTime();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            int now = user.mark();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (now > atLeast && System.nanoTime() - quietSince >= QUIET.toNanos()) {
                return now;
            }
            sleep(50);
        }
        return user.mark();
    }

    /** The one port getUpdates came in at from {@code since}, watched for {@code window}. */
    private static int onlyPoller(FakeBotApi fake, Instant since, Duration window) {
        Set<Integer> ports = pollers(fake, since, window);
        assertEquals(1, ports.size(), "one instance polls: " + ports);
        return ports.iterator().next();
    }

    private static Set<Integer> pollers(FakeBotApi fake, Instant since, Duration window) {
        sleep(Math.max(0, Duration.between(Instant.now(), since.plus(window)).toMillis()));
        return fake.calls("getUpdates").stream().filter(c -> !c.at().isBefore(since)).map(FakeBotApi.Call::port)
                .collect(Collectors.toSet());
    }

    /** Waits for a getUpdates from another port than {@code old} after {@code from}; it must come within {@link #TAKEOVER}. */
    private static int awaitOtherPoller(FakeBotApi fake, int old, Instant from, Instant timedFrom) {
        fake.await(() -> fake.calls("getUpdates").stream().anyMatch(c -> c.port() != old && c.at().isAfter(from)),
                30, "another instance to poll");
        FakeBotApi.Call first = fake.calls("getUpdates").stream().filter(c -> c.port() != old && c.at().isAfter(from))
                .findFirst().orElseThrow();
        Duration took = Duration.between(timedFrom, first.at());
        System.out.printf("TelegramLeaderTest: the other instance polled %d ms after the leader went%n", took.toMillis());
        assertTrue(took.compareTo(TAKEOVER) < 0, "taken over within " + TAKEOVER.toSeconds() + " s, not " + took.toMillis() + " ms");
        return first.port();
    }

    /** Ends the database session that holds the leader's advisory lock, as the server does when its client dies. */
    private int terminateLeaderSession() throws SQLException {
        try (Connection c = instances.connect();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                     + "AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            int ended = 0;
            while (r.next()) {
                ended += r.getBoolean(1) ? 1 : 0;
            }
            return ended;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
