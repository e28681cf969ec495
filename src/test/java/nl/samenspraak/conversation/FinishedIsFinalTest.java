package nl.samenspraak.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finished means final (issue 9, item 7): an answer or a step back on a finished conversation is 409 and changes
 * nothing, a finished result shows no resume code, and the code of a finished conversation opens its result read-only
 * for a while (never for the cultureel interview); then it only serves deletion.
 */
@SharedService
class FinishedIsFinalTest {
    @Inject
    EmbeddedServer server;
    @Inject
    ReadConversation readConversation;
    @Inject
    AnswerQuestion answerQuestion;
    @Inject
    ChangeConversation changeConversation;
    @Inject
    Respondents respondents;
    @Inject
    nl.samenspraak.storage.ConversationStore store;

    private String codeOf(String id) {
        // the code as the person saw it while answering (a finished state no longer carries it)
        return store.find(id).orElseThrow().record().resumeCode();
    }

    @Test
    void anAnswerOrBackOnAFinishedConversationIs409AndChangesNothing() {
        JsonHttp http = new JsonHttp(server.getURL().toString());
        String id = respondents.finish("voorbeeld", "nl", Origin.NONE, Map.of());
        String before = http.get("/api/conversations/" + id).body();
        String transcript = http.get("/api/conversations/" + id + "/transcript").body();

        JsonHttp.Reply back = http.post("/api/conversations/" + id + "/back", "");
        assertEquals(409, back.status(), back.body());
        assertTrue(back.json().get("error").asText().contains("afgerond"), back.body());
        JsonHttp.Reply answer = http.post("/api/conversations/" + id + "/answers", "{\"step\":\"rol\",\"value\":\"professional\"}");
        assertEquals(409, answer.status(), answer.body());
        JsonHttp.Reply last = http.post("/api/conversations/" + id + "/answers", "{\"step\":\"welkom\",\"value\":null}");
        assertEquals(409, last.status(), last.body());

        assertEquals(before, http.get("/api/conversations/" + id).body(), "the state did not change");
        assertEquals(transcript, http.get("/api/conversations/" + id + "/transcript").body(), "nor the answers");
        assertTrue(readConversation.state(id).orElseThrow().done(), "still finished (it stays on the dashboard)");
        // the same rule for every channel: the use case refuses, whoever asks
        assertEquals(Turn.Kind.FINISHED, changeConversation.back(id).kind());
        assertEquals(Turn.Kind.FINISHED, answerQuestion.answer(id, "rol", "professional").kind());
        assertEquals(Turn.Kind.FINISHED, changeConversation.changeLanguage(id, "en").kind());
    }

    /**
     * The answer that finished a conversation, sent again (a client's retry when the reply was lost, a double submit):
     * 200 with the finished conversation as it stands, as the repeat of any other answer is; it was 409 "finished"
     * after a 200, so a client that retried showed an error for an answer that was kept. Another answer stays 409.
     */
    @Test
    void theFinishingAnswerSentAgainGetsTheResultAndChangesNothing() {
        JsonHttp http = new JsonHttp(server.getURL().toString());
        String id = respondents.finish("voorbeeld", "nl", Origin.NONE, Map.of("opmerking", "Tot ziens"));
        String before = http.get("/api/conversations/" + id).body();
        JsonHttp.Reply again = http.post("/api/conversations/" + id + "/answers", "{\"step\":\"opmerking\",\"value\":\"Tot ziens\"}");
        assertEquals(200, again.status(), again.body());
        assertTrue(again.json().get("done").asBoolean());
        assertEquals(http.get("/api/conversations/" + id).json().get("result"), again.json().get("result"), "the result it gave");
        JsonHttp.Reply other = http.post("/api/conversations/" + id + "/answers", "{\"step\":\"opmerking\",\"value\":\"Toch iets anders\"}");
        assertEquals(409, other.status(), other.body());
        assertEquals(before, http.get("/api/conversations/" + id).body(), "nothing changed");
    }

    @Test
    void aFinishedResultShowsNoResumeCodeOnThePageOrInTheApi() {
        PageHttp pages = new PageHttp(server.getURL().toString());
        JsonHttp http = new JsonHttp(server.getURL().toString());
        String id = respondents.finish("voorbeeld", "nl", Origin.NONE, Map.of());
        String code = codeOf(id);
        JsonNode state = http.get("/api/conversations/" + id).json();
        assertTrue(state.get("done").asBoolean());
        assertEquals("", state.get("resumeCode").asText());
        PageHttp.Reply page = pages.get("/c/" + id, null);
        assertEquals(200, page.status());
        assertFalse(page.body().contains(code), "no code on the result page");
        assertFalse(page.body().contains(code.substring(0, 4) + "-" + code.substring(4)), "not even grouped");
    }

    @Test
    void aForwardedCodeOpensAFinishedResultReadOnly() {
        JsonHttp http = new JsonHttp(server.getURL().toString());
        String id = respondents.finish("voorbeeld", "nl", Origin.NONE, Map.of());
        String code = codeOf(id);
        JsonHttp.Reply opened = http.get("/api/resume/" + code);
        assertEquals(200, opened.status(), opened.body());
        assertTrue(opened.json().get("done").asBoolean());
        assertEquals("", opened.json().get("resumeCode").asText());
        assertEquals(409, http.post("/api/conversations/" + id + "/back", "").status(), "read-only");
        PageHttp.Reply web = new PageHttp(server.getURL().toString()).get("/resume?code=" + code, null);
        assertEquals(303, web.status());
    }

    @Test
    void theCultureelInterviewsCodeNeverOpensItsFinishedResultButStillDeletesIt() {
        JsonHttp http = new JsonHttp(server.getURL().toString());
        PageHttp pages = new PageHttp(server.getURL().toString());
        String id = respondents.finish("cultureel-interview", "nl", Origin.NONE, Map.of("toestemming", "ja"));
        String code = codeOf(id);
        JsonHttp.Reply byCode = http.get("/api/resume/" + code);
        assertEquals(410, byCode.status(), byCode.body());
        assertTrue(byCode.json().get("error").asText().contains("wissen"), byCode.body());
        PageHttp.Reply web = pages.get("/resume?code=" + code, null);
        assertEquals(410, web.status());
        assertFalse(web.body().contains("/c/" + id));
        // the page that just showed it keeps it for its short grace; then the link too only serves deletion
        assertEquals(200, http.get("/api/conversations/" + id).status());
        assertEquals(204, http.delete("/api/resume/" + code).status());
        assertEquals(404, http.get("/api/conversations/" + id).status(), "deleted");
    }
}
