package nl.samenspraak.questionnaire;

import io.micronaut.context.ApplicationContext;
import nl.samenspraak.flow.FlowLibrary;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A questionnaire published before an upgrade that made a rule stricter (here: a text answer of at most 20,000
 * characters, where it allowed 300,000) no longer loads. It alone is not served: every other published questionnaire
 * still is, where all of them went, the whole set refused at every look, until an admin noticed; the admin page
 * "Vragenlijsten" marks the one left out.
 */
class PublishedFlowThatNoLongerLoadsTest {
    private final PostgresDatabase database = PostgresDatabase.create();

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void onePublishedFlowThatNoLongerLoadsLeavesTheOthersServed() throws Exception {
        try (ApplicationContext first = ApplicationContext.run(new HashMap<String, Object>(database.properties()), "test")) {
            assertTrue(first.getBean(FlowLibrary.class).flow("voorbeeld").isPresent(), "migrated");
        }
        publish("proef", "a", flow -> flow);
        publish("kapot", "b", flow -> flow.replace("maxLength: 1000", "maxLength: 300000"));

        try (ApplicationContext service = ApplicationContext.run(new HashMap<String, Object>(database.properties()), "test")) {
            FlowLibrary library = service.getBean(FlowLibrary.class);
            assertTrue(library.flow("proef").isPresent(), "the questionnaire that loads is served");
            assertFalse(library.flow("kapot").isPresent(), "the one that no longer loads is not");
            assertTrue(library.flow("voorbeeld").isPresent(), "nor does it take the bundled flows with it");
            Questionnaires questionnaires = service.getBean(Questionnaires.class);
            assertTrue(questionnaires.leftOut("b".repeat(64)), "the admin page says which upload is not served");
            assertFalse(questionnaires.leftOut("a".repeat(64)));
        }
    }

    /** A questionnaire published as the admin page keeps it: the example flow under another id, changed by {@code edit}. */
    private void publish(String id, String version, java.util.function.UnaryOperator<String> edit) throws IOException, SQLException {
        String flow = edit.apply(Files.readString(Path.of("flows/voorbeeld.yaml")).replace("id: voorbeeld", "id: " + id)
                .replace("demo: true", "demo: false"));
        Map<String, String> locales = new TreeMap<>();
        for (String language : new String[]{"nl", "en"}) {
            locales.put(language, Files.readString(Path.of("locales/" + language + "/flows/voorbeeld.yaml")));
        }
        Map<String, String> p = database.properties();
        try (Connection c = DriverManager.getConnection(p.get("datasources.default.url"), p.get("datasources.default.username"),
                p.get("datasources.default.password"));
             PreparedStatement s = c.prepareStatement("INSERT INTO questionnaire (version, flow_id, file_name, xlsx, "
                     + "flow_yaml, locales_yaml, uploaded_at, uploaded_by, published_at, published_by) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, 'beheer', ?, 'beheer')")) {
            s.setString(1, version.repeat(64));
            s.setString(2, id);
            s.setString(3, id + ".xlsx");
            s.setBytes(4, new byte[]{1});
            s.setString(5, flow);
            s.setString(6, new Yaml().dump(locales));
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.setTimestamp(8, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }
}
