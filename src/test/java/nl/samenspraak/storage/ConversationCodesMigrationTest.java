package nl.samenspraak.storage;

import nl.samenspraak.support.MigratedH2;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * V231 on a database with conversations: every code still finds its conversation, codes stay unique, a deleted
 * conversation takes its code along, and no index of `conversation` holds the code any more (so an answer's update
 * leaves it alone).
 */
class ConversationCodesMigrationTest {
    @Test
    void everyCodeStillFindsItsConversationAndStaysUnique() throws Exception {
        MigratedH2 database = MigratedH2.before("231");
        String url = database.url();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            insert(s, first, "ABCD2345");
            insert(s, second, "WXYZ6789");
            s.executeUpdate("insert into answer (conversation_id, step_id, answer_value, language, created_at, updated_at) "
                    + "values ('" + first + "', 'rol', 'professional', 'nl', current_timestamp, current_timestamp)");

            database.migrateAll();

            assertEquals(first, byCode(s, "ABCD2345"));
            assertEquals(second, byCode(s, "WXYZ6789"));
            assertThrows(SQLException.class, () -> s.executeUpdate("insert into conversation_code (code, conversation_id) "
                    + "values ('ABCD2345', '" + second + "')"), "a code belongs to one conversation");
            try (ResultSet r = s.executeQuery("select count(*) from information_schema.index_columns "
                    + "where table_name = 'conversation' and column_name = 'resume_code'")) {
                r.next();
                assertEquals(0, r.getInt(1), "no index of conversation holds the code");
            }
            s.executeUpdate("delete from conversation where id = '" + first + "'");
            assertEquals(null, byCode(s, "ABCD2345"), "a deleted conversation takes its code along");
            assertEquals(second, byCode(s, "WXYZ6789"));
        }
    }

    private static void insert(Statement s, String id, String code) throws SQLException {
        s.executeUpdate("insert into conversation (id, flow_id, flow_version, language, channel, status, current_step, path, "
                + "resume_code, created_at, updated_at, version) values ('" + id + "', 'wijkanalyse', '1', 'nl', 'web', "
                + "'active', 'rol', '', '" + code + "', current_timestamp, current_timestamp, 0)");
    }

    private static String byCode(Statement s, String code) throws SQLException {
        try (ResultSet r = s.executeQuery("select c.id from conversation c join conversation_code k "
                + "on k.conversation_id = c.id where k.code = '" + code + "'")) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
