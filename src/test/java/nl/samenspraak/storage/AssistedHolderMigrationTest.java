package nl.samenspraak.storage;

import nl.samenspraak.support.MigratedH2;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * V90 on a database with conversations from before it: one an intermediair answered in (assisted, its holder
 * unknown) is held by nobody, so no public route opens it; a respondent's own stays public.
 */
class AssistedHolderMigrationTest {
    @Test
    void assistedConversationsFromBeforeAreHeldByNobodyAndOwnOnesStayPublic() throws Exception {
        MigratedH2 database = MigratedH2.before("90");
        String url = database.url();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String id : new String[]{"assisted", "own"}) {
                s.executeUpdate("insert into conversation (id, flow_id, flow_version, language, channel, status, current_step,"
                        + " path, resume_code, created_at, updated_at, version) values ('" + id + "', 'wijkanalyse', '1', 'tr',"
                        + " 'web', 'active', 'goed_in_wijk', 'welkom,toestemming', '" + (id.equals("own") ? "AAAA2222" : "BBBB3333")
                        + "', current_timestamp, current_timestamp, 1)");
                s.executeUpdate("insert into answer (conversation_id, step_id, answer_value, language, created_at, updated_at,"
                        + " entered_by) values ('" + id + "', 'toestemming', '\"ja\"', 'tr', current_timestamp, current_timestamp, '"
                        + (id.equals("own") ? "respondent" : "intermediair") + "')");
            }
            database.migrateAll();
            Map<String, Long> heldBy = new HashMap<>();
            try (ResultSet r = s.executeQuery("select id, held_by from conversation")) {
                while (r.next()) {
                    heldBy.put(r.getString(1), r.getObject(2) == null ? null : r.getLong(2));
                }
            }
            assertEquals(0L, heldBy.get("assisted"), "held by no account");
            assertNull(heldBy.get("own"));
        }
    }
}
