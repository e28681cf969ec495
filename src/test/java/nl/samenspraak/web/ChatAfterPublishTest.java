package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.questionnaire.PublishedRows;
import nl.samenspraak.questionnaire.Questionnaires;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.StoredConversation;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A questionnaire published again while people are at a question it now asks as another kind ("ervaring_jaren", a
 * count, becomes a text). The web chat sends the version of the flow each question was shown as with its answer, and
 * the answer is judged by that version: a person who read the chat again after the publish and answers the new
 * question it showed is taken at once, where they got 409 "Deze vraag is intussen veranderd" for the question they had
 * just been shown, because their conversation was still stored under the count's version; an answer in flight from a
 * page that still showed the count is refused as before, and so is the same answer sent again (a client's retry) after
 * the refusal moved the conversation to the new version, where it was then stored as the text "12". Its own database:
 * what it publishes would be served to every other test of the suite.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:chat-after-publish;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ChatAfterPublishTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    Questionnaires questionnaires;
    @Inject
    FlowLibrary library;
    @Inject
    ConversationStore store;
    @Inject
    DataSource dataSource;

    /** The page read again after the publish shows the text, under the new version; answered once, it is taken. */
    @Test
    void thePageReadAgainAfterAPublishIsAnsweredOnce() throws Exception {
        String flow = "versie-herladen";
        publish(flow, 1, false);
        String id = atTheCount(flow);
        publish(flow, 2, true); // "ervaring_jaren" a text now
        String textVersion = library.flow(flow).orElseThrow().version();

        JsonNode shown = pageState(id);
        assertEquals("ervaring_jaren", shown.at("/step/id").asText());
        assertEquals("text", shown.at("/step/type").asText());
        assertEquals(textVersion, shown.get("version").asText(), "the page says which version showed the question");
        JsonHttp.Reply taken = answer(id, "\"twaalf jaar\"", shown.get("version").asText());
        assertEquals(200, taken.status(), "answered as shown: " + taken.body());
        assertEquals("talen", taken.json().at("/step/id").asText());
        StoredConversation stored = store.find(id).orElseThrow();
        assertEquals("twaalf jaar", stored.progress().answersOnPath().get("ervaring_jaren"), "stored");
        assertEquals(textVersion, stored.record().flowVersion(), "under the version it was answered in");
    }

    /**
     * An answer from a page that still showed the count: refused as before, and again when the same answer is sent
     * again once the refusal moved the conversation to the new version; the answer to the question the refusal showed
     * is taken.
     */
    @Test
    void anAnswerToTheCountIsNoTextBeforeOrAfterTheConversationMoved() throws Exception {
        String flow = "versie-onderweg";
        publish(flow, 1, false);
        String id = atTheCount(flow);
        String countVersion = library.flow(flow).orElseThrow().version();
        publish(flow, 2, true);
        String textVersion = library.flow(flow).orElseThrow().version();
        assertNotEquals(countVersion, textVersion);

        JsonHttp.Reply refused = answer(id, "12", countVersion);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().get("error").asText().startsWith("Deze vraag is intussen veranderd"), refused.body());
        assertEquals("text", refused.json().at("/state/step/type").asText());
        assertEquals(textVersion, refused.json().at("/state/version").asText());
        assertEquals(textVersion, store.find(id).orElseThrow().record().flowVersion(), "gone on under the new version");

        JsonHttp.Reply retried = answer(id, "12", countVersion);
        assertEquals(409, retried.status(), "the count's 12 is not the text '12': " + retried.body());
        assertFalse(store.find(id).orElseThrow().progress().answers().containsKey("ervaring_jaren"), "nothing stored");

        JsonHttp.Reply answered = answer(id, "\"twaalf\"", refused.json().at("/state/version").asText());
        assertEquals(200, answered.status(), answered.body());
        assertEquals("twaalf", store.find(id).orElseThrow().progress().answersOnPath().get("ervaring_jaren"));
    }

    /** A conversation of {@code flow} that stands at "ervaring_jaren", answered through the API as the web chat does. */
    private String atTheCount(String flow) {
        JsonHttp.Reply started = api().post("/api/conversations", "{\"flow\":\"" + flow + "\",\"language\":\"nl\"}");
        assertEquals(201, started.status(), started.body());
        String id = started.json().get("id").asText();
        String version = started.json().get("version").asText();
        assertEquals(200, answer(id, "null", version).status());
        JsonHttp.Reply rol = answer(id, "\"professional\"", version);
        assertEquals("ervaring_jaren", rol.json().at("/step/id").asText(), rol.body());
        assertEquals("number", rol.json().at("/step/type").asText());
        return id;
    }

    /** An answer to the step the conversation stands at, sent with the {@code version} it was shown as. */
    private JsonHttp.Reply answer(String id, String value, String version) {
        JsonNode state = api().get("/api/conversations/" + id).json();
        return api().post("/api/conversations/" + id + "/answers", "{\"step\":\"" + state.at("/step/id").asText()
                + "\",\"value\":" + value + ",\"version\":\"" + version + "\"}");
    }

    /** The state the chat page of {@code id} starts from, as its script reads it. */
    private JsonNode pageState(String id) throws Exception {
        PageHttp.Reply page = new PageHttp(server.getURL().toString()).get("/c/" + id, null);
        assertEquals(200, page.status(), page.body());
        Matcher state = Pattern.compile("data-state=\"([^\"]*)\"").matcher(page.body());
        assertTrue(state.find(), page.body());
        return JSON.readTree(state.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&"));
    }

    private Instant publishedAt = Instant.now().minusSeconds(600);

    private JsonHttp api() {
        return new JsonHttp(server.getURL().toString());
    }

    /** The example flow as {@code flow}, its {@code upload}th upload; {@code text}: "ervaring_jaren" a text. */
    private void publish(String flow, int upload, boolean text) throws Exception {
        publishedAt = publishedAt.plusSeconds(60);
        String version = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((flow + " " + upload).getBytes(StandardCharsets.UTF_8)));
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            PublishedRows.publish(c, flow, version, publishedAt, yaml -> !text ? yaml : yaml.replace("""
                      - id: ervaring_jaren
                        type: number
                        min: 0
                        max: 60
                    """, """
                      - id: ervaring_jaren
                        type: text
                        maxLength: 100
                    """));
        }
        questionnaires.refresh();
        assertEquals(text ? "text" : "number", library.flow(flow).orElseThrow().requireStep("ervaring_jaren").type().key());
    }
}
