package nl.samenspraak.storage;

import nl.samenspraak.support.MigratedH2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V232 on H2: answers saved one commit each cost about one write to the database file each, not one more for
 * every 32 (H2 recording a used-up range of ids), and their ids stay unique and rising, also after the database is
 * closed and opened again.
 */
class H2IdentityRangesMigrationTest {
    private static final int ANSWERS = 640;

    @Test
    void anAnswerPerCommitIsOneWriteToTheFileAndIdsKeepRising(@TempDir Path dir) throws Exception {
        MigratedH2 database = MigratedH2.inFile(dir);
        String conversation = UUID.randomUUID().toString();
        List<Long> ids = new ArrayList<>();
        long writes;
        try (Connection c = DriverManager.getConnection(database.url(), "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into conversation (id, flow_id, flow_version, language, channel, status, current_step, "
                        + "path, resume_code, created_at, updated_at, version) values ('" + conversation + "', 'wijkanalyse', '1', "
                        + "'nl', 'web', 'active', 'rol', '', 'ABCD2345', current_timestamp, current_timestamp, 0)");
            }
            long before = fileWrites(c);
            for (int i = 0; i < ANSWERS; i++) {
                ids.add(answer(c, conversation, "stap" + i));
            }
            writes = fileWrites(c) - before;
        }
        // a few writes of H2's own housekeeping may come on top; 32-id ranges add 20 (661 here before V232)
        assertTrue(writes <= ANSWERS + ANSWERS / 64, ANSWERS + " answers, one commit each, wrote the file " + writes
                + " times; H2's default ranges of 32 ids add one write for every 32 answers");
        try (Connection c = DriverManager.getConnection(database.url(), "sa", "")) {
            ids.add(answer(c, conversation, "na-herstart"));
        }
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), "ids rise, also after a restart: " + ids.get(i - 1) + " then " + ids.get(i));
        }
        assertEquals(ids.size(), ids.stream().distinct().count());
    }

    private static long answer(Connection c, String conversation, String step) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into answer (conversation_id, step_id, answer_value, language, "
                + "created_at, updated_at) values (?, ?, 'ja', 'nl', current_timestamp, current_timestamp)", new String[]{"id"})) {
            p.setString(1, conversation);
            p.setString(2, step);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** How often H2 has written to the database file since it was opened. */
    private static long fileWrites(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select setting_value from information_schema.settings where setting_name = 'info.FILE_WRITE'")) {
            r.next();
            return Long.parseLong(r.getString(1));
        }
    }
}
