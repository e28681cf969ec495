package nl.samenspraak.system;

import nl.samenspraak.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start that fails on the database says so without the database's quotes of its rows: a migration that fails on a
 * row's value had H2 (as PostgreSQL does for a key) quote that value, a person's words here, in the log. What an
 * operator acts on stays: which migration and its line, the database's SQL state, the stack.
 */
class StartupFailureLogTest {

    @Test
    void aMigrationFailingOnARowsValueIsLoggedByMigrationAndSqlStateWithoutTheValue(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        // a row as a person's answer might be, then a migration that fails on it (the value is only in the data)
        Files.writeString(migrations.resolve("V9998__words.sql"), """
                create table lifecycle_words (words varchar(200));
                insert into lifecycle_words (words) select 'Wij zijn gevlucht, ' || 'Kerk' || 'straat 12' from (values (1)) as one(x);
                """);
        Files.writeString(migrations.resolve("V9999__narrower.sql"), """
                create table lifecycle_short (words varchar(10));
                insert into lifecycle_short (words) select words from lifecycle_words;
                """);
        Path log = dir.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), log,
                "flyway.datasources.default.locations=classpath:db/migration,filesystem:" + migrations)) {
            assertNotEquals(0, service.awaitExit(Duration.ofSeconds(60)), "the service does not start");
        }
        String output = Files.readString(log);
        assertTrue(output.contains("V9999__narrower.sql"), "which migration failed: " + output);
        assertTrue(output.contains("22001"), "the database's SQL state: " + output);
        assertFalse(output.contains("Kerkstraat"), "no value the database quoted: " + output);
    }
}
