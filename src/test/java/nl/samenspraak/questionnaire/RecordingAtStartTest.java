package nl.samenspraak.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.dashboard.FlowVersions;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At start-up every instance records the questions of the flow versions it runs, its files' and the published
 * questionnaires' (table flow_version_step), for the dashboard to tell versions apart. A database error there (here:
 * the connection lost at that very statement, SQL state 08006) stopped the service from starting, and a failed
 * recording was forgotten, so the dashboard later counted every question of this start's versions as asked
 * differently. Now the service starts and serves, published questionnaires included; the recording is tried again at
 * its first need, the dashboard's read of the versions, which fails as any request in an outage does until it is
 * done, never counting on a version it does not know.
 */
class RecordingAtStartTest {
    private final PostgresDatabase database = PostgresDatabase.create();

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void aDatabaseErrorWhileRecordingFlowVersionsAtStartLeavesTheServiceServingAndRecordsThemAtFirstNeed() throws Exception {
        try (ApplicationContext first = ApplicationContext.run(new HashMap<String, Object>(database.properties()), "test")) {
            assertTrue(first.getBean(FlowLibrary.class).flow("voorbeeld").isPresent(), "migrated");
        }
        PublishedRows.publish(database, "proef", "a".repeat(64), flow -> flow);
        sql("CREATE FUNCTION connection_lost() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'connection lost' USING ERRCODE = '08006'; END $$");
        sql("CREATE TRIGGER connection_lost BEFORE INSERT ON flow_version_step FOR EACH STATEMENT EXECUTE FUNCTION connection_lost()");

        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            JsonHttp api = new JsonHttp(server.getURL().toString());
            boolean listed = false;
            for (JsonNode flow : api.get("/api/flows?lang=nl").json()) {
                listed |= flow.get("id").asText().equals("proef");
            }
            assertTrue(listed, "the published questionnaire is served");
            assertEquals(201, api.post("/api/conversations", "{\"flow\":\"proef\",\"language\":\"nl\"}").status());

            FlowVersions versions = server.getApplicationContext().getBean(FlowVersions.class);
            FlowLibrary library = server.getApplicationContext().getBean(FlowLibrary.class);
            assertThrows(RuntimeException.class, () -> versions.of("voorbeeld"),
                    "no figures while the version they are counted under is not recorded");
            assertThrows(RuntimeException.class, () -> versions.of("proef"));

            sql("DROP TRIGGER connection_lost ON flow_version_step");
            for (String id : new String[]{"voorbeeld", "proef"}) {
                String running = library.flow(id).orElseThrow().version();
                assertTrue(versions.of(id).containsKey(running), id + " " + running + " recorded at first need");
            }
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = PublishedRows.connection(database); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
