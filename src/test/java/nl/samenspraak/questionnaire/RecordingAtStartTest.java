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
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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
        publishProef();
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

    /** A questionnaire published as the admin page keeps it: the example flow under another id. */
    private void publishProef() throws IOException, SQLException {
        String flow = Files.readString(Path.of("flows/voorbeeld.yaml")).replace("id: voorbeeld", "id: proef")
                .replace("demo: true", "demo: false");
        Map<String, String> locales = new TreeMap<>();
        for (String language : new String[]{"nl", "en"}) {
            locales.put(language, Files.readString(Path.of("locales/" + language + "/flows/voorbeeld.yaml")));
        }
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("INSERT INTO questionnaire (version, "
                + "flow_id, file_name, xlsx, flow_yaml, locales_yaml, uploaded_at, uploaded_by, published_at, published_by) "
                + "VALUES (?, 'proef', 'proef.xlsx', ?, ?, ?, ?, 'beheer', ?, 'beheer')")) {
            s.setString(1, "a".repeat(64));
            s.setBytes(2, new byte[]{1});
            s.setString(3, flow);
            s.setString(4, new Yaml().dump(locales));
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.setTimestamp(6, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private Connection connection() throws SQLException {
        Map<String, String> p = database.properties();
        return DriverManager.getConnection(p.get("datasources.default.url"), p.get("datasources.default.username"),
                p.get("datasources.default.password"));
    }
}
