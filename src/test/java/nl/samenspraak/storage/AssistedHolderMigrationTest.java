package nl.samenspraak.storage;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * V90 on a database with conversations from before it: one an intermediair answered in (assisted, its holder
 * unknown) is held by nobody, so no public route opens it; a respondent's own stays public.
 */
class AssistedHolderMigrationTest {
    @Test
    void assistedConversationsFromBeforeAreHeldByNobodyAndOwnOnesStayPublic() throws Exception {
        String url = "jdbc:h2:mem:v90-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        // every migration before V90, whichever the other branches add
        MigrationVersion before = java.util.Arrays.stream(Flyway.configure().dataSource(url, "sa", "")
                        .locations("classpath:db/migration").load().info().all())
                .map(MigrationInfo::getVersion).filter(v -> v.compareTo(MigrationVersion.fromVersion("90")) < 0)
                .max(MigrationVersion::compareTo).orElseThrow();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(before).load().migrate();
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
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
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
