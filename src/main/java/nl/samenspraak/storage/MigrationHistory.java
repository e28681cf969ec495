package nl.samenspraak.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flyway's history as the jar's migrations leave it, written by the build ({@link H2TemplateBuilder} reads it from the
 * template it has just migrated, so it is what Flyway itself wrote), and the test whether a database already holds
 * exactly that history. A database that does has nothing for Flyway to apply and nothing for it to object to, so a
 * start can leave Flyway out ({@link MigrateOnlyWhenBehind}): setting it up and validating the migrations was about
 * a sixth of the main thread's time before the first request. Any difference (a migration missing, newer, changed,
 * renamed or failed, or no history at all) means "ask Flyway", which then migrates or refuses as it always did.
 */
final class MigrationHistory {
    static final String FILE = "db/migration.history";
    private static final String TABLE = "flyway_schema_history";
    /** Flyway's notes that it created the history table or a schema: no migration, and not written on every database. */
    private static final Set<String> MARKERS = Set.of("TABLE", "SCHEMA");

    private MigrationHistory() {
    }

    /** One applied migration as Flyway records it; the fields Flyway compares with the migrations it finds. */
    record Row(String version, String description, String type, String script, String checksum) {
        String line() {
            return String.join("\t", version, description, type, script, checksum);
        }

        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 5) {
                throw new IllegalStateException("not a line of " + FILE + ": " + line);
            }
            return new Row(f[0], f[1], f[2], f[3], f[4]);
        }
    }

    /** The history the build wrote, if this class path has it (a build that skipped {@code process-classes} has not). */
    static Optional<List<Row>> expected(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(FILE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isEmpty()).map(Row::parse).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The history {@code connection}'s database holds, in the order the migrations were applied, leaving out
     * Flyway's notes that it created the table or a schema; empty when there is no history or a migration in it failed.
     */
    static Optional<List<Row>> of(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT version, description, type, script, checksum, success FROM " + TABLE
                     + " ORDER BY installed_rank")) {
            while (r.next()) {
                if (!r.getBoolean(6)) {
                    return Optional.empty();
                }
                Row row = new Row(text(r.getString(1)), text(r.getString(2)), text(r.getString(3)), text(r.getString(4)),
                        text(r.getString(5)));
                if (!MARKERS.contains(row.type())) {
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            if (isMissingTable(e)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(rows);
    }

    /** Whether the database holds exactly the {@code expected} history. A database that cannot be read is not. */
    static boolean holds(Connection connection, List<Row> expected) {
        try {
            return of(connection).map(expected::equals).orElse(false);
        } catch (SQLException e) {
            return false;
        }
    }

    /** What the build writes: one line a row. */
    static String write(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        rows.forEach(row -> b.append(row.line()).append('\n'));
        return b.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** H2's 42S02/42104 and PostgreSQL's 42P01: a database no Flyway has touched yet. */
    private static boolean isMissingTable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.equals("42S02") || state.equals("42104") || state.equals("42P01"));
    }
}
