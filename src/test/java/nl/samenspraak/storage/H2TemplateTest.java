package nl.samenspraak.storage;

import io.micronaut.context.ApplicationContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded database a first start begins from (README, "Start-up"): the build's template is exactly what the
 * migrations make of an empty database (tables, columns, indexes, constraints, Flyway's history), a new data folder
 * gets it, and it never replaces a database that is there, nor one made with another account.
 */
class H2TemplateTest {
    /** As application.yml's data source gives them, which the build's template was made with. */
    private static final String SETTINGS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;TRACE_LEVEL_FILE=0";

    @Test
    void theTemplateIsWhatTheMigrationsMakeOfAnEmptyDatabase(@TempDir Path dir) throws Exception {
        Path fromTemplate = Files.createDirectories(dir.resolve("template"));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(H2Template.DATABASE)) {
            assertNotNull(in, "the build (process-classes) makes " + H2Template.DATABASE);
            Files.copy(in, fromTemplate.resolve("samenspraak.mv.db"));
        }
        String templateUrl = "jdbc:h2:file:" + fromTemplate.resolve("samenspraak") + ";" + SETTINGS;
        String migratedUrl = "jdbc:h2:file:" + dir.resolve("migrated/samenspraak") + ";" + SETTINGS;
        assertEquals(0, Flyway.configure().dataSource(templateUrl, "sa", "").locations("classpath:db/migration").load()
                .migrate().migrationsExecuted, "the template holds every migration of this build");
        assertTrue(Flyway.configure().dataSource(migratedUrl, "sa", "").locations("classpath:db/migration").load()
                .migrate().migrationsExecuted > 20);
        assertEquals(describe(migratedUrl), describe(templateUrl));
    }

    @Test
    void aNewDataFolderBeginsFromTheTemplateAndARestartKeepsWhatIsThere(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/samenspraak") + ";" + SETTINGS;
        Instant start = Instant.now();
        try (ApplicationContext ignored = ApplicationContext.run(Map.of("datasources.default.url", url), "test")) {
            assertTrue(Files.isRegularFile(dir.resolve("data/samenspraak.mv.db")));
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            assertTrue(installedOn(s).isBefore(start), "the tables were made by the build, not by this start");
            s.execute("create table kept (x int)");
            s.execute("insert into kept values (7)");
        }
        try (ApplicationContext ignored = ApplicationContext.run(Map.of("datasources.default.url", url), "test");
             Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select x from kept")) {
            assertTrue(r.next(), "an existing database is never replaced");
            assertEquals(7, r.getInt(1));
        }
    }

    @Test
    void anotherAccountGetsItsDatabaseFromTheMigrations(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/samenspraak") + ";" + SETTINGS;
        Instant start = Instant.now().minusSeconds(1);
        try (ApplicationContext ignored = ApplicationContext.run(Map.of("datasources.default.url", url,
                "datasources.default.username", "eigenaar", "datasources.default.password", "geheim-wachtwoord"), "test")) {
            assertTrue(Files.isRegularFile(dir.resolve("data/samenspraak.mv.db")));
        }
        try (Connection c = DriverManager.getConnection(url, "eigenaar", "geheim-wachtwoord"); Statement s = c.createStatement()) {
            assertFalse(installedOn(s).isBefore(start), "migrated at this start, as the template's account is sa");
        }
    }

    @Test
    void onlyAFileDatabaseAtAPathGivenOutrightHasAFile() {
        assertEquals(Optional.of(Path.of("/srv/data/samenspraak.mv.db")),
                H2Template.databaseFile("jdbc:h2:file:/srv/data/samenspraak;MODE=PostgreSQL"));
        assertEquals(Optional.of(Path.of("data/samenspraak.mv.db").toAbsolutePath()),
                H2Template.databaseFile("jdbc:h2:file:./data/samenspraak"));
        assertEquals(Optional.empty(), H2Template.databaseFile("jdbc:h2:mem:samenspraak;DB_CLOSE_DELAY=-1"));
        assertEquals(Optional.empty(), H2Template.databaseFile("jdbc:postgresql://127.0.0.1:5432/samenspraak"));
        assertEquals(Optional.empty(), H2Template.databaseFile("jdbc:h2:file:samenspraak"));
        assertEquals("MODE=PostgreSQL;WRITE_DELAY=0", H2Template.settings("jdbc:h2:file:/x/y;MODE=PostgreSQL;WRITE_DELAY=0"));
    }

    private static Instant installedOn(Statement s) throws Exception {
        try (ResultSet r = s.executeQuery("select min(\"installed_on\") from \"flyway_schema_history\"")) {
            r.next();
            Timestamp t = r.getTimestamp(1);
            return t.toInstant();
        }
    }

    /** Every table's columns, the indexes, the constraints and Flyway's history (without times). */
    private static List<String> describe(String url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String query : List.of(
                    "select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns"
                            + " where table_schema = 'public' order by 1, 2",
                    "select table_name, index_name from information_schema.indexes where table_schema = 'public' order by 1, 2",
                    "select table_name, constraint_name, constraint_type from information_schema.table_constraints"
                            + " where table_schema = 'public' order by 1, 2",
                    "select \"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\", \"success\""
                            + " from \"flyway_schema_history\" order by 1")) {
                try (ResultSet r = s.executeQuery(query)) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(r.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        assertTrue(rows.size() > 100, "a whole schema: " + rows.size());
        return rows;
    }
}
