package nl.samenspraak.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import nl.samenspraak.cluster.Leadership;
import nl.samenspraak.support.ServiceBehindProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away while the bot polls Telegram (long polling: only the instance holding the leader's lock
 * polls). Found in issue 11's notes: the outage's log line came with a second warning, that this instance lost the
 * leader's lock, which is the outage's consequence and not news of its own. A leader's lock lost while the database
 * answers (its session ended on the server) is still a warning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramPollingOutageTest {
    private static final String TOKEN = "779:polling-outage-token";
    private final FakeBotApi fake = new FakeBotApi(TOKEN);
    private ServiceBehindProxy service;
    private Leadership leadership;

    @BeforeAll
    void start() {
        service = ServiceBehindProxy.start(Map.of(
                "telegram.bot-token", TOKEN,
                "telegram.api-url", fake.url(),
                "telegram.poll-timeout", "1",
                "samenspraak.leader.try-every", "250ms"));
        leadership = service.server().getApplicationContext().getBean(Leadership.class);
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        fake.close();
    }

    @Test
    void anOutageIsOneLineInTheLogThoughTheLeaderLosesItsLock() throws Exception {
        awaitTrue(leadership::leading, "this instance leads while the database is there");
        List<String> loud = loudLinesWhile(() -> {
            service.proxy().cut();
            awaitTrue(() -> !leadership.leading(), "the leader stops leading when its lock's connection breaks");
            service.proxy().restore();
            awaitTrue(leadership::leading, "and leads again once the database is back");
        });
        assertEquals(1, loud.size(), "one line for the outage: " + loud);
        assertTrue(loud.get(0).contains("The database cannot be reached"), loud.get(0));
    }

    @Test
    void aLeadersLockLostWhileTheDatabaseAnswersIsStillAWarning() throws Exception {
        awaitTrue(leadership::leading, "this instance leads while the database is there");
        List<String> loud = loudLinesWhile(() -> {
            try (Connection c = service.connectDirectly(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                         + " AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                assertTrue(r.next() && r.getBoolean(1), "the leader's session is ended on the server");
            }
            awaitTrue(() -> !leadership.leading(), "the leader stops leading");
            awaitTrue(leadership::leading, "and takes the lock again");
        });
        assertTrue(loud.stream().anyMatch(line -> line.contains("lost the leader's lock")), "a leader change is logged: " + loud);
        assertTrue(loud.stream().noneMatch(line -> line.contains("The database cannot be reached")), "and is no outage: " + loud);
    }

    interface Steps {
        void run() throws Exception;
    }

    /** The warnings and errors logged while {@code steps} run. */
    private static List<String> loudLinesWhile(Steps steps) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            steps.run();
        } finally {
            root.detachAppender(log);
        }
        return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what);
    }
}
