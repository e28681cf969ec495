package nl.samenspraak.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.storage.AnswerRecord;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.support.JsonHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.samenspraak.support.JsonHttp.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resident flow over the JSON API: nothing reaches the database without consent. */
@SharedService
class WijkanalyseConsentApiTest {
    private static final String DECLINED_NL = "U heeft geen toestemming gegeven. Er is geen antwoord van u bewaard. Bedankt voor uw tijd.";

    @Inject
    EmbeddedServer server;
    @Inject
    AnswerRepository answers;
    @Inject
    nl.samenspraak.storage.ConversationRepository conversations;

    JsonHttp http;

    @BeforeEach
    void client() {
        http = new JsonHttp(server.getURL().toString());
    }

    private JsonNode start(String language) {
        JsonHttp.Reply r = http.post("/api/conversations", "{\"flow\":\"wijkanalyse\",\"language\":\"" + language + "\"}");
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private JsonNode answer(String id, String step, String valueJson) {
        JsonHttp.Reply r = http.post("/api/conversations/" + id + "/answers", "{\"step\":\"" + step + "\",\"value\":" + valueJson + "}");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private List<String> storedSteps(String id) {
        return answers.findByConversationId(id).stream().map(AnswerRecord::stepId).sorted().toList();
    }

    @Test
    void isListedForResidentsInFiveLanguages() {
        JsonNode flow = null;
        for (JsonNode f : http.get("/api/flows?lang=ar").json()) {
            if (f.get("id").asText().equals("wijkanalyse")) {
                flow = f;
            }
        }
        assertNotNull(flow, "wijkanalyse is listed");
        assertEquals("resident", flow.get("audience").asText());
        assertEquals("[\"nl\",\"en\",\"tr\",\"ar\",\"pl\"]", flow.get("languages").toString());
        assertTrue(flow.get("title").asText().startsWith("رأيكم في المساعدة"), flow.get("title").asText());
    }

    /** Outside Telegram the consent names the menu's button, not a Telegram command: it was noise in a long text. */
    @Test
    void theConsentNamesTheWayToDeleteOfItsOwnChannel() {
        for (String language : List.of("nl", "ar")) {
            String id = start(language).get("id").asText();
            String consent = answer(id, "welkom", "null").at("/step/text").asText();
            assertTrue(consent.contains("nl".equals(language) ? "met de knop om uw antwoorden te wissen in het menu." : "بزر حذف الإجابات في القائمة."),
                    consent);
            assertFalse(consent.contains("vergeet"), consent);
        }
    }

    @Test
    void decliningConsentStoresNothingAndEndsWithTheDeclinedMessage() {
        JsonNode s = start("nl");
        String id = s.get("id").asText();
        assertEquals("welkom", s.at("/step/id").asText());
        s = answer(id, "welkom", "null");
        assertEquals("toestemming", s.at("/step/id").asText());
        assertEquals("yesno", s.at("/step/type").asText());

        s = answer(id, "toestemming", quote("nee"));
        assertTrue(s.get("done").asBoolean());
        assertTrue(s.get("step").isNull());
        assertTrue(s.at("/result/html").asText().contains(DECLINED_NL), s.at("/result/html").asText());
        assertEquals(0, s.at("/result/tips").size());
        assertEquals(0, s.at("/result/scores").size());
        assertEquals(0, answers.findByConversationId(id).size(), "not even the 'nee' is kept");

        assertEquals("", s.get("resumeCode").asText(), "no code to come back with");
        // "nothing was stored" holds: the conversation itself is gone, nothing of it can be loaded again
        assertEquals(404, http.get("/api/conversations/" + id).status());
        assertEquals(404, http.get("/api/conversations/" + id + "/transcript").status());
        assertEquals(404, http.post("/api/conversations/" + id + "/back", "").status(), "no way back to consent");
        assertTrue(conversations.findById(id).isEmpty(), "no row of it is left");
    }

    @Test
    void afterConsentTheAnswersAreStoredAndNothingBeforeIt() {
        String id = start("tr").get("id").asText();
        answer(id, "welkom", "null");
        assertEquals(0, answers.findByConversationId(id).size(), "the purpose step leaves no row");

        JsonNode s = answer(id, "toestemming", quote("ja"));
        assertEquals("kinderen_thuis", s.at("/step/id").asText());
        assertEquals(List.of("toestemming"), storedSteps(id), "the consent itself is recorded, the welcome is not");

        answer(id, "kinderen_thuis", quote("ja"));
        answer(id, "weet_waar_hulp", "2");
        s = answer(id, "informatie_krijgen", quote("weet-niet"));
        assertEquals("netwerk_helpt", s.at("/step/id").asText());
        assertEquals(List.of("informatie_krijgen", "kinderen_thuis", "toestemming", "weet_waar_hulp"), storedSteps(id));
        assertEquals("tr", answers.findByConversationId(id).get(0).language());
    }

    @Test
    void goingBackAndWithdrawingConsentRemovesWhatWasStored() {
        String id = start("nl").get("id").asText();
        answer(id, "welkom", "null");
        answer(id, "toestemming", quote("ja"));
        answer(id, "kinderen_thuis", quote("nee"));
        assertEquals(2, answers.findByConversationId(id).size());

        http.post("/api/conversations/" + id + "/back", "");
        JsonNode s = http.post("/api/conversations/" + id + "/back", "").json();
        assertEquals("toestemming", s.at("/step/id").asText());
        assertEquals("ja", s.at("/step/previous").asText());

        s = answer(id, "toestemming", quote("nee"));
        assertTrue(s.get("done").asBoolean());
        assertTrue(s.at("/result/html").asText().contains(DECLINED_NL));
        assertEquals(0, answers.findByConversationId(id).size(), "withdrawn consent leaves no answer behind");
        assertTrue(conversations.findById(id).isEmpty(), "nor the conversation");
    }
}
