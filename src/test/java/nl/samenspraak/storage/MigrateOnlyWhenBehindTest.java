package nl.samenspraak.storage;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import nl.samenspraak.support.MigratedH2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start leaves Flyway out only on a database that already holds every migration of the jar, and only with
 * application.yml's Flyway settings; a database behind is migrated at start as before.
 */
class MigrateOnlyWhenBehindTest {
    private static final List<MigrationHistory.Row> BUILT = MigrationHistory.expected(MigrateOnlyWhenBehindTest.class.getClassLoader())
            .orElseThrow();

    @Test
    void aDatabaseWithEveryMigrationStartsWithoutFlyway(@TempDir Path dir) throws Exception {
        String url = MigratedH2.inFile(dir).url();
        List<String> log = start(Map.of("datasources.default.url", url));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Database schema up to date")), log.toString());
        assertFalse(log.stream().anyMatch(l -> l.startsWith("Running migrations")), log.toString());
    }

    @Test
    void aDatabaseOneMigrationBehindIsMigratedAtStart() throws Exception {
        MigratedH2 behind = MigratedH2.before(BUILT.get(BUILT.size() - 1).version());
        List<String> log = start(Map.of("datasources.default.url", behind.url()));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Running migrations")), log.toString());
        try (Connection c = DriverManager.getConnection(behind.url(), "sa", "")) {
            assertTrue(MigrationHistory.holds(c, BUILT), "the start applied the last migration");
        }
    }

    @Test
    void anotherFlywaySettingLeavesItToFlyway(@TempDir Path dir) throws Exception {
        String url = MigratedH2.inFile(dir).url();
        Map<String, Object> properties = new HashMap<>(Map.of("datasources.default.url", url));
        // a setting with which Flyway might act even on a database that has every migration
        properties.put("flyway.datasources.default.validate-migration-naming", true);
        List<String> log = start(properties);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Running migrations")), log.toString());
    }

    /** Starts the service's context on {@code properties}, makes its data source, stops it; what was logged meanwhile. */
    private static List<String> start(Map<String, Object> properties) {
        List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger("io.micronaut.flyway"),
                (Logger) LoggerFactory.getLogger(MigrateOnlyWhenBehind.class));
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        List<Level> before = loggers.stream().map(Logger::getLevel).toList();
        loggers.forEach(l -> {
            l.setLevel(Level.INFO);
            l.addAppender(seen);
        });
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            context.getBean(DataSource.class);
        } finally {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).detachAppender(seen);
                loggers.get(i).setLevel(before.get(i));
            }
        }
        return seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
