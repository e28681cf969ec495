package nl.samenspraak.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service stopped right after it started (a deploy rolled back at once, a test) first lets the start's background
 * work end (`conversation.FinishedMarks`, `dashboard.FlowVersions`): nothing uses the database once its pool is
 * closed. Before, that work ran on after the stop, found the pool closed (the log said the database could not be
 * reached, at every such stop), and on H2 could still write into the data folder after the service had gone.
 */
class StopRightAfterStartTest {
    private static final Set<String> WATCHED = Set.of("nl.samenspraak.storage.DatabaseAvailability",
            "nl.samenspraak.conversation.FinishedMarks", "nl.samenspraak.dashboard.FlowVersions");

    @Test
    void nothingUsesTheDatabaseAfterTheStop(@TempDir Path dir) {
        Logger logger = (Logger) LoggerFactory.getLogger("nl.samenspraak");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try {
            for (int i = 0; i < 2; i++) {
                String url = "jdbc:h2:file:" + dir.resolve("data" + i + "/samenspraak")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
                try (ApplicationContext ignored = ApplicationContext.run(Map.of("datasources.default.url", url), "test")) {
                    // stopped as soon as it started
                }
            }
        } finally {
            logger.detachAppender(seen);
        }
        List<String> warnings = seen.list.stream()
                .filter(e -> WATCHED.contains(e.getLoggerName()) && e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), warnings, "the start's background work ends before the database's pool closes");
    }
}
