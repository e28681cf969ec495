package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.support.AssistedStart;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, "assisted conversations belong to their intermediair": a conversation an intermediair started on their
 * own device (wijkanalyse with a resident, cultureel-interview with a client) opens for that intermediair only.
 * A team colleague, a manager, anyone with its resume code and the public API get "not found" (or are refused),
 * exactly as for an id that does not exist; the holder goes on as before.
 */
@SharedService
class AssistedConversationAccessTest {
    static final String PASSWORD = "a long enough password";
    /** A well-formed id no conversation has: what "not found" looks like. */
    static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ConversationRepository stored;
    @Inject
    ReadConversation readConversation;

    PageHttp http;
    Team team;
    String holder;
    String colleague;
    String manager;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** One client for the whole class, its connections kept open, instead of a new client and connection per test. */
    private static PageHttp httpOnce;

    @BeforeEach
    void people() {
        if (httpOnce == null) {
            httpOnce = new PageHttp(server.getURL().toString());
        }
        http = httpOnce;
        team = teams.create("Wijkteam Noord " + suffix(), List.of("Overvecht"));
        holder = login(Role.INTERMEDIAIR);
        colleague = login(Role.INTERMEDIAIR);
        manager = login(Role.MANAGER);
    }

    /** A member of the team with {@code role}, logged in: their login cookie. */
    private String login(Role role) {
        Account a = accounts.create(role.name().toLowerCase() + "-" + suffix(), PASSWORD, role);
        teams.addMember(team.id(), a.id());
        return http.login(a.username(), PASSWORD);
    }

    /** The holder starts {@code flow} together with a Turkish-speaking respondent; the conversation id. */
    private String startAssisted(String flow) {
        String place = flow.equals("wijkanalyse") ? team.id() + "|Overvecht" : Long.toString(team.id());
        return AssistedStart.start(http, holder, flow, "tr", place, "nl").id();
    }

    private PageHttp.Reply post(String path, String json, String cookie) {
        HttpRequest.Builder r = http.request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Origin", http.base())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return http.send(cookie == null ? r : r.header("Cookie", cookie));
    }

    private PageHttp.Reply getJson(String path, String cookie) {
        return http.get(path, cookie, "application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wijkanalyse", "cultureel-interview"})
    void onlyTheHolderOpensAndContinuesIt(String flow) {
        String id = startAssisted(flow);
        PageHttp.Reply page = http.get("/intermediair/c/" + id + "?lang=nl", holder);
        assertEquals(200, page.status(), page.body());
        PageHttp.Reply answered = post("/intermediair/api/conversations/" + id + "/answers?lang=nl",
                "{\"step\":\"welkom\",\"value\":null}", holder);
        assertEquals(200, answered.status(), answered.body());
        assertTrue(answered.body().contains("\"toestemming\""), "the holder goes on to consent: " + answered.body());
        assertEquals(200, post("/intermediair/api/conversations/" + id + "/back?lang=nl", "", holder).status());

        PageHttp.Reply colleaguePage = http.get("/intermediair/c/" + id + "?lang=nl", colleague);
        assertEquals(404, colleaguePage.status(), "a team colleague: not found");
        assertEquals(http.get("/intermediair/c/" + UNKNOWN + "?lang=nl", colleague).body(), colleaguePage.body(),
                "the same page as for an id that does not exist");
        assertEquals(404, post("/intermediair/api/conversations/" + id + "/answers?lang=nl",
                "{\"step\":\"welkom\",\"value\":null}", colleague).status());
        assertEquals(404, post("/intermediair/api/conversations/" + id + "/back?lang=nl", "", colleague).status());

        int managerStatus = http.get("/intermediair/c/" + id + "?lang=nl", manager).status();
        assertTrue(managerStatus == 403 || managerStatus == 404, "a manager is refused: " + managerStatus);
        assertEquals(403, post("/intermediair/api/conversations/" + id + "/answers?lang=nl",
                "{\"step\":\"welkom\",\"value\":null}", manager).status());

        assertEquals("welkom", stored.findById(id).orElseThrow().currentStep(), "nobody but the holder moved it");
    }

    /**
     * The colleague's "not found" from the chat API reads the same for a held conversation of their team as for an
     * id that does not exist, in every page language: it came in Dutch for the one and in the asked language for the
     * other, so asking in English told a colleague which ids (from a shared phone's history) are conversations.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "tr", "nl"})
    void theChatApisNotFoundCannotTellAColleaguesConversationFromNone(String language) {
        String id = startAssisted("wijkanalyse");
        for (String action : List.of("/answers", "/back")) {
            PageHttp.Reply held = post("/intermediair/api/conversations/" + id + action + "?lang=" + language,
                    "{\"step\":\"welkom\",\"value\":null}", colleague);
            PageHttp.Reply none = post("/intermediair/api/conversations/" + UNKNOWN + action + "?lang=" + language,
                    "{\"step\":\"welkom\",\"value\":null}", colleague);
            assertEquals(404, held.status(), action);
            assertEquals(none.body(), held.body(), action + " in " + language);
        }
        assertEquals("welkom", stored.findById(id).orElseThrow().currentStep(), "nobody but the holder moved it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wijkanalyse", "cultureel-interview"})
    void thePublicRoutesDoNotFindIt(String flow) {
        String id = startAssisted(flow);
        for (String cookie : new String[]{null, colleague, manager, holder}) {
            for (String path : List.of("/api/conversations/" + id, "/api/conversations/" + id + "/transcript")) {
                PageHttp.Reply r = getJson(path, cookie);
                assertEquals(404, r.status(), path + ": " + r.body());
                assertEquals(getJson(path.replace(id, UNKNOWN), cookie).body(), r.body(), "as an unknown id: " + path);
            }
            PageHttp.Reply answer = post("/api/conversations/" + id + "/answers", "{\"step\":\"welkom\",\"value\":null}", cookie);
            assertEquals(404, answer.status(), answer.body());
            assertEquals(404, post("/api/conversations/" + id + "/back", "", cookie).status());
            assertEquals(404, http.get("/c/" + id, cookie).status());
            assertEquals(404, http.get("/c/" + id + "/result.pdf", cookie).status());
            PageHttp.Reply language = http.post("/c/" + id + "/language", form("lang", "nl"), cookie);
            assertEquals(404, language.status(), "no other language publicly");
        }
        assertEquals("welkom", stored.findById(id).orElseThrow().currentStep(), "no public answer was taken");
        assertEquals("tr", stored.findById(id).orElseThrow().language(), "no public language change was taken");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wijkanalyse", "cultureel-interview"})
    void itsIdDeletesNothingPublicly(String flow) {
        // the id is in the intermediair's page addresses, so in a shared phone's history: it is not the resident's key
        String id = startAssisted(flow);
        for (String cookie : new String[]{null, colleague, manager, holder}) {
            HttpRequest.Builder delete = http.request("/api/conversations/" + id).header("Accept", "application/json")
                    .header("Origin", http.base()).DELETE();
            PageHttp.Reply r = http.send(cookie == null ? delete : delete.header("Cookie", cookie));
            assertEquals(404, r.status(), "as an unknown id: " + r.body());
            // nor the web's form that deletes a closed result by its link
            assertEquals(404, http.post("/c/" + id + "/delete", form("lang", "nl"), cookie).status());
            assertTrue(stored.findById(id).isPresent(), "the resident's conversation is still there");
        }
        assertEquals(200, http.get("/intermediair/c/" + id + "?lang=nl", holder).status(), "and its intermediair goes on with it");
    }

    /**
     * The consent promises the resident the menu's delete button on the intermediair's page too: that button deletes
     * it through the holder's own route (the public one, by id, finds nothing), and only for the holder.
     */
    @ParameterizedTest
    @ValueSource(strings = {"wijkanalyse", "cultureel-interview"})
    void theDeleteButtonOnTheHoldersPageDeletesIt(String flow) {
        String id = startAssisted(flow);
        PageHttp.Reply page = http.get("/intermediair/c/" + id + "?lang=nl", holder);
        Matcher button = Pattern.compile("data-forget=\"([^\"]+)\"").matcher(page.body());
        assertTrue(button.find(), "the page offers the delete button");
        String path = button.group(1);
        for (String cookie : new String[]{colleague, manager}) {
            PageHttp.Reply refused = http.send(http.request(path).header("Accept", "application/json")
                    .header("Origin", http.base()).header("Cookie", cookie).DELETE());
            assertTrue(refused.status() == 404 || refused.status() == 403, "not for " + refused.status());
            assertTrue(stored.findById(id).isPresent(), "a colleague or manager deletes nothing");
        }
        PageHttp.Reply deleted = http.send(http.request(path).header("Accept", "application/json")
                .header("Origin", http.base()).header("Cookie", holder).DELETE());
        assertEquals(204, deleted.status(), deleted.body());
        assertTrue(stored.findById(id).isEmpty(), "the resident's answers are gone, as the page then says");
        assertEquals(404, http.get("/intermediair/c/" + id + "?lang=nl", holder).status());
    }

    /**
     * The code of a conversation answered together opens it for nobody, and is the resident's way to have it deleted
     * without the intermediair. The intermediair's menu showed it under "Later verder? Uw code", beside their own page's
     * link: a code written down for a resident that then said "no conversation with this code" (the phone probe). The
     * menu now says what the code is for, and the start page's "Verder met een gesprek" offers to delete with it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"wijkanalyse", "cultureel-interview"})
    void itsResumeCodeOpensNothingPubliclyButStillForgetsIt(String flow) {
        String id = startAssisted(flow);
        String code = stored.findById(id).orElseThrow().resumeCode();
        String shown = code.substring(0, 4) + "-" + code.substring(4);

        String menu = http.get("/intermediair/c/" + id + "?lang=nl", holder).body();
        assertTrue(menu.contains(shown), "the menu shows the resident's code: " + menu);
        // the resident's own language first, the intermediair's beneath, as the questions have them
        assertTrue(menu.contains("<h2 id=\"resume-title\"><span class=\"original\" lang=\"tr\" dir=\"ltr\">Bu görüşmeyi sildirmek için kodunuz</span>"
                + "<span class=\"translation\" lang=\"nl\" dir=\"ltr\">Uw code om dit gesprek te laten wissen</span></h2>"), menu);
        assertTrue(menu.contains("Samenspraak başlangıç sayfasında, \"Bir görüşmeye devam edin\" bölümünde")
                && menu.contains("op de startpagina van Samenspraak, bij \"Verder met een gesprek\""), "where to use it, in both: " + menu);
        assertFalse(menu.contains("id=\"resume-link\""), "and offers no way back by it");

        PageHttp.Reply web = http.get("/resume?code=" + shown, null);
        assertEquals(200, web.status(), web.body());
        assertTrue(web.body().contains("Dit gesprek is samen met een medewerker gevoerd"), web.body());
        assertTrue(web.body().contains("Wilt u het gesprek en al uw antwoorden laten wissen?"), "in the flow's polite words");
        assertTrue(web.body().contains("Verder gaan kan alleen samen met die medewerker."), "unfinished, it goes on with them");
        assertTrue(web.body().contains("action=\"/resume/delete\""), "it offers deleting");
        assertFalse(web.body().contains(id));
        PageHttp.Reply api = getJson("/api/resume/" + code, null);
        assertEquals(404, api.status(), api.body());
        assertFalse(api.body().contains(id));
        assertTrue(readConversation.resume(code).isEmpty(), "nor does any channel that resumes by code (Telegram /hervat)");
        assertTrue(readConversation.state(id).isEmpty(), "nor one that opens it by id");

        if (flow.equals("wijkanalyse")) {
            java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"flow\" value=\"([^\"]*)\"").matcher(web.body());
            assertTrue(field.find(), web.body());
            PageHttp.Reply forget = http.post("/resume/delete", form("code", shown, "lang", "nl", "flow", field.group(1)), null);
            assertEquals(303, forget.status(), "the resident deletes it with their code on the start page: " + forget.body());
            assertEquals("/deleted?lang=nl&flow=wijkanalyse", forget.location());
            String done = http.get(forget.location(), null).body();
            assertTrue(done.contains("Uw antwoorden zijn gewist") && !done.contains("Je antwoorden"),
                    "said in the flow's polite words, as the page before: " + done);
        } else {
            PageHttp.Reply forget = http.send(http.request("/api/resume/" + code).header("Accept", "application/json")
                    .header("Origin", http.base()).DELETE());
            assertEquals(204, forget.status(), "the client can still have it forgotten with their code: " + forget.body());
        }
        assertTrue(stored.findById(id).isEmpty());
        assertEquals(404, http.get("/intermediair/c/" + id + "?lang=nl", holder).status(), "forgotten for the holder too");
        assertEquals(404, http.get("/resume?code=" + shown, null).status(), "and the code finds nothing any more");
        assertEquals(404, http.post("/resume/delete", form("code", shown, "lang", "nl"), null).status(), "nor deletes anything");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wijkanalyse", "cultureel-interview"})
    void aFinishedOneStaysTheHoldersOnly(String flow) throws Exception {
        String id = startAssisted(flow);
        String code = stored.findById(id).orElseThrow().resumeCode();
        assertEquals(200, post("/intermediair/api/conversations/" + id + "/answers?lang=nl",
                "{\"step\":\"welkom\",\"value\":null}", holder).status());
        PageHttp.Reply reply = post("/intermediair/api/conversations/" + id + "/answers?lang=nl",
                "{\"step\":\"toestemming\",\"value\":\"ja\"}", holder);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode state = json.readTree(reply.body());
        for (int i = 0; i < 60 && !state.get("done").asBoolean(); i++) {
            // every question after consent may be skipped
            reply = post("/intermediair/api/conversations/" + id + "/answers?lang=nl",
                    "{\"step\":\"" + state.at("/step/id").asText() + "\",\"value\":null}", holder);
            assertEquals(200, reply.status(), reply.body());
            state = json.readTree(reply.body());
        }
        assertTrue(state.get("done").asBoolean(), reply.body());
        assertEquals("done", stored.findById(id).orElseThrow().status());

        assertEquals(200, http.get("/intermediair/c/" + id + "?lang=nl", holder).status(), "the holder sees how it ended");
        // a respondent's own finished conversation opens (200) or says its result closed (410): this one is simply unknown
        assertEquals(404, getJson("/api/conversations/" + id, null).status());
        assertEquals(404, getJson("/api/conversations/" + id + "/transcript", null).status());
        assertEquals(404, http.get("/c/" + id, null).status());
        assertEquals(404, getJson("/api/resume/" + code, null).status());
        PageHttp.Reply byCode = http.get("/resume?code=" + code, null);
        assertEquals(200, byCode.status(), "the code offers deleting it, finished too");
        assertTrue(byCode.body().contains("action=\"/resume/delete\"") && !byCode.body().contains(id), byCode.body());
        // it goes on with nobody: "Verder gaan kan alleen samen met die medewerker" sent the resident back to a worker
        // who could neither go on nor, after two hours, read it
        assertTrue(byCode.body().contains("Dit gesprek is afgerond: verder gaan kan niet meer, ook niet met de medewerker.")
                && byCode.body().contains("blijft van u") && !byCode.body().contains("Verder gaan kan alleen"), byCode.body());
        assertEquals(404, http.get("/intermediair/c/" + id + "?lang=nl", colleague).status());
    }

    /**
     * Issue 14, honest consent: "nee" ends it in both languages with "nothing was stored", and that holds: the
     * conversation itself is deleted, so nothing of it opens for anyone afterwards, its holder included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"wijkanalyse", "cultureel-interview"})
    void aDeclinedOneIsGoneForEveryoneItsHolderToo(String flow) {
        String id = startAssisted(flow);
        String code = stored.findById(id).orElseThrow().resumeCode();
        assertEquals(200, post("/intermediair/api/conversations/" + id + "/answers?lang=nl",
                "{\"step\":\"welkom\",\"value\":null}", holder).status());
        PageHttp.Reply declined = post("/intermediair/api/conversations/" + id + "/answers?lang=nl",
                "{\"step\":\"toestemming\",\"value\":\"nee\"}", holder);
        assertEquals(200, declined.status(), declined.body());
        assertTrue(declined.body().contains("saklanmad"), "the resident's words (Turkish): " + declined.body());
        assertTrue(declined.body().contains("Er is geen antwoord van u bewaard."), "the intermediair's line beneath: " + declined.body());
        assertTrue(declined.body().contains("\"resumeCode\":\"\""), "no code to come back with: " + declined.body());

        assertTrue(stored.findById(id).isEmpty(), "the conversation itself is gone");
        assertEquals(404, http.get("/intermediair/c/" + id + "?lang=nl", holder).status(), "nothing loadable, not even for the holder");
        assertEquals(404, post("/intermediair/api/conversations/" + id + "/back?lang=nl", "", holder).status(), "no way back");
        assertEquals(404, getJson("/api/resume/" + code, null).status());
        assertEquals(404, http.get("/resume?code=" + code, null).status());
    }
}
