package nl.samenspraak.storage;

import nl.samenspraak.support.MigratedH2;
import nl.samenspraak.support.PostgresDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's record of Flyway's history ({@link MigrationHistory}) is what Flyway leaves on H2 and on PostgreSQL, and
 * any difference Flyway would act on or object to makes a database not hold it, so that Flyway is asked.
 */
class MigrationHistoryTest {
    private static final List<MigrationHistory.Row> BUILT = MigrationHistory.expected(MigrationHistoryTest.class.getClassLoader())
            .orElseThrow(() -> new AssertionError("the build writes " + MigrationHistory.FILE + " (process-classes)"));

    @Test
    void theBuildsRecordNamesEveryMigrationInTheJar() throws Exception {
        List<String> versions = BUILT.stream().map(MigrationHistory.Row::version).toList();
        List<String> resolved = java.util.Arrays.stream(Flyway.configure().dataSource(h2(), "sa", "")
                        .locations("classpath:db/migration").load().info().all())
                .map(i -> i.getVersion().getVersion()).toList();
        assertEquals(resolved, versions);
    }

    @Test
    void aDatabaseWithEveryMigrationHoldsIt() throws Exception {
        String url = migrated();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertTrue(MigrationHistory.holds(c, BUILT));
        }
    }

    // the build's record is read from H2, where Flyway also notes that it made the history table; on PostgreSQL it does not
    @Test
    void onPostgresqlToo() throws Exception {
        PostgresDatabase db = PostgresDatabase.create();
        try {
            String url = db.properties().get("datasources.default.url");
            String user = db.properties().get("datasources.default.username");
            String password = db.properties().get("datasources.default.password");
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                assertFalse(MigrationHistory.holds(c, BUILT), "nothing migrated yet");
            }
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                assertTrue(MigrationHistory.holds(c, BUILT));
            }
        } finally {
            db.drop();
        }
    }

    @Test
    void aDatabaseOneMigrationBehindDoesNot() throws Exception {
        String last = BUILT.get(BUILT.size() - 1).version();
        MigratedH2 behind = MigratedH2.before(last);
        try (Connection c = DriverManager.getConnection(behind.url(), "sa", "")) {
            assertFalse(MigrationHistory.holds(c, BUILT));
        }
        behind.migrateAll();
        try (Connection c = DriverManager.getConnection(behind.url(), "sa", "")) {
            assertTrue(MigrationHistory.holds(c, BUILT));
        }
    }

    @Test
    void anEmptyDatabaseDoesNotAndIsNotAnError() throws Exception {
        try (Connection c = DriverManager.getConnection(h2(), "sa", "")) {
            assertFalse(MigrationHistory.holds(c, BUILT));
        }
    }

    @Test
    void aChangedMigrationDoesNot() throws Exception {
        assertNotHeldAfter("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
    }

    @Test
    void aRenamedMigrationDoesNot() throws Exception {
        assertNotHeldAfter("UPDATE flyway_schema_history SET description = 'renamed' WHERE version = '2'");
    }

    @Test
    void aFailedMigrationDoesNot() throws Exception {
        assertNotHeldAfter("UPDATE flyway_schema_history SET success = FALSE WHERE installed_rank = "
                + "(SELECT MAX(installed_rank) FROM flyway_schema_history)");
    }

    @Test
    void aMigrationNewerThanTheJarsDoesNot() throws Exception {
        // an older jar started on a database a newer one migrated
        assertNotHeldAfter("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, installed_on, execution_time, success) VALUES (9999, '9999', 'from a newer jar', 'SQL', "
                + "'V9999__from_a_newer_jar.sql', 1, 'sa', CURRENT_TIMESTAMP, 1, TRUE)");
    }

    @Test
    void theRecordReadsBackAsWritten() {
        assertEquals(BUILT, MigrationHistory.write(BUILT).lines().map(MigrationHistory.Row::parse).toList());
    }

    private static void assertNotHeldAfter(String change) throws SQLException {
        String url = migrated();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute(change);
            assertFalse(MigrationHistory.holds(c, BUILT), change);
        }
    }

    private static String migrated() {
        String url = h2();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        return url;
    }

    private static String h2() {
        return "jdbc:h2:mem:history-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }
}
