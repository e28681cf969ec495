package nl.samenspraak.intermediair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.AssistedStart;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.AnswerRecord;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.storage.ConversationRecord;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An intermediair's pages over HTTP: choosing a flow, the resident's language and a wijk of their own team;
 * the chat page in the intermediair's language around questions in the resident's; answers through the
 * intermediair's API recorded as theirs; and nothing of another team's.
 */
@SharedService
class IntermediairPagesTest {
    static final String PASSWORD = "a long enough password";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ConversationRepository conversations;
    @Inject
    AnswerRepository answers;
    @Inject
    ResidentLinks residentLinks;

    PageHttp http;
    Team team;
    String cookie;
    String me;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @BeforeEach
    void intermediair() {
        http = new PageHttp(server.getURL().toString());
        team = teams.create("Wijkteam Zuid " + suffix(), List.of("Kanaleneiland", "Hoograven"));
        me = "inter-" + suffix();
        cookie = loginIntermediairOf(team, me);
    }

    private String loginIntermediairOf(Team t) {
        return loginIntermediairOf(t, "inter-" + suffix());
    }

    private String loginIntermediairOf(Team t, String username) {
        Account a = accounts.create(username, PASSWORD, Role.INTERMEDIAIR);
        if (t != null) {
            teams.addMember(t.id(), a.id());
        }
        return http.login(a.username(), PASSWORD);
    }

    /** Starts wijkanalyse together; returns the conversation id. */
    private String startTogether(String residentLanguage, String wijk) {
        return AssistedStart.start(http, cookie, "wijkanalyse", residentLanguage, team.id() + "|" + wijk, "nl").id();
    }

    private PageHttp.Reply api(String path, String json, String cookie) {
        return http.send(http.request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Origin", http.base()).header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode answer(String id, String step, String valueJson, String extra) throws Exception {
        PageHttp.Reply r = api("/intermediair/api/conversations/" + id + "/answers?lang=nl",
                "{\"step\":\"" + step + "\",\"value\":" + valueJson + extra + "}", cookie);
        assertEquals(200, r.status(), r.body());
        return JSON.readTree(r.body());
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Test
    void theStartPageOffersTheResidentAndClientFlowsWithTheTeamsWijken() {
        PageHttp.Reply page = http.get("/intermediair?lang=nl", cookie);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<html lang=\"nl\" dir=\"ltr\">"));
        assertTrue(page.body().contains("name=\"flow\" value=\"wijkanalyse\""), page.body());
        assertTrue(page.body().contains("name=\"flow\" value=\"cultureel-interview\""));
        assertFalse(page.body().contains("value=\"voorbeeld\""), "a professional's flow is not for residents");
        assertFalse(page.body().contains("value=\"topiclijst\""));
        assertTrue(page.body().contains("<option value=\"" + team.id() + "|Kanaleneiland\" dir=\"auto\" >Kanaleneiland</option>"),
                "one team: its wijken by name");
        teams.addMember(teams.create("Wijkteam West " + suffix(), List.of("Lombok")).id(), accounts.byUsername(me).orElseThrow().id());
        String both = http.get("/intermediair?lang=nl", cookie).body();
        assertTrue(both.contains("<option value=\"" + team.id() + "|Kanaleneiland\" dir=\"auto\" >" + team.name() + " – Kanaleneiland</option>"),
                "two teams: each wijk with its team");
        assertTrue(both.contains("– Lombok</option>"));
        assertTrue(page.body().contains("<option value=\"tr\" lang=\"tr\" >Türkçe</option>"), page.body());
        assertTrue(page.body().contains("<label for=\"language-wijkanalyse\">Taal van de bewoner</label>"));
        assertTrue(page.body().contains("<label for=\"place-wijkanalyse\">Wijk</label>"));
        // one team: its name as text, no box to cut it ("Buurtteam Je": the phone probe)
        assertTrue(page.body().contains("<span class=\"field-label\">Team</span> <span id=\"place-cultureel-interview\" dir=\"auto\">"
                + team.name() + "</span>"), page.body());
        assertTrue(page.body().contains("href=\"/intermediair?lang=nl\">Gesprek met bewoner</a>"), "the menu leads here");
        assertTrue(http.get("/account?lang=nl", cookie).body().contains("href=\"/intermediair?lang=nl\""),
                "the intermediair's own page leads here too");
    }

    @Test
    void theChatPageSpeaksTheIntermediairsLanguageAroundTheResidentsQuestion() throws Exception {
        String id = startTogether("tr", "Kanaleneiland");
        ConversationRecord stored = conversations.findById(id).orElseThrow();
        assertEquals("tr", stored.language());
        assertEquals(team.id(), stored.teamId());
        assertEquals("Kanaleneiland", stored.wijk());

        PageHttp.Reply page = http.get("/intermediair/c/" + id + "?lang=nl", cookie);
        assertEquals(200, page.status(), page.body());
        String html = page.body();
        assertTrue(html.contains("<html lang=\"nl\" dir=\"ltr\">"), "the page is the intermediair's");
        assertTrue(html.contains(">Vorige</button>"), "its buttons are Dutch");
        assertTrue(html.contains("data-api=\"/intermediair/api/conversations/" + id + "\""));
        assertTrue(html.contains("data-query=\"?lang=nl\""));
        assertTrue(html.contains("De bewoner antwoordt in deze taal: Türkçe."), html);
        Matcher state = Pattern.compile("data-state=\"([^\"]*)\"").matcher(html);
        assertTrue(state.find());
        JsonNode s = JSON.readTree(unescape(state.group(1)));
        assertEquals("tr", s.get("language").asText());
        assertEquals("nl", s.get("step").get("translation").get("language").asText());
        Matcher assist = Pattern.compile("data-assist=\"([^\"]*)\"").matcher(html);
        assertTrue(assist.find());
        JsonNode a = JSON.readTree(unescape(assist.group(1)));
        assertEquals("Getypt in", a.get("typedIn").asText());
        assertEquals("tr", a.get("resident").asText());
        assertEquals("tr", a.get("languages").get(0).get("code").asText(), "the \"Getypt in\" menu lists the resident's language first");
        assertEquals(5, a.get("languages").size(), "and every other language after it: " + a.get("languages"));
    }

    @Test
    void answersThroughTheIntermediairsApiAreRecordedAsTheirsWithTheTypedLanguage() throws Exception {
        String id = startTogether("tr", "Hoograven");
        JsonNode consent = answer(id, "welkom", "null", "");
        assertEquals("toestemming", consent.get("step").get("id").asText());
        assertEquals("Evet", consent.get("step").get("options").get(0).get("label").asText());
        assertEquals("Ja", consent.get("step").get("translation").get("options").get(0).get("label").asText());
        assertTrue(answers.findByConversationId(id).isEmpty(), "nothing stored before consent");

        JsonNode next = answer(id, "toestemming", "\"ja\"", "");
        while (!next.get("step").get("id").asText().equals("goed_in_wijk")) {
            next = answer(id, next.get("step").get("id").asText(), "null", "");
        }
        answer(id, "goed_in_wijk", "\"Het park is mooi.\"", ",\"textLanguage\":\"nl\"");

        Map<String, AnswerRecord> rows = answers.findByConversationId(id).stream()
                .collect(Collectors.toMap(AnswerRecord::stepId, r -> r));
        assertEquals("intermediair", rows.get("toestemming").enteredBy());
        assertEquals("tr", rows.get("toestemming").language());
        assertEquals("nl", rows.get("goed_in_wijk").language());
        assertEquals("intermediair", rows.get("goed_in_wijk").enteredBy());

        PageHttp.Reply wrong = api("/intermediair/api/conversations/" + id + "/answers?lang=nl",
                "{\"step\":\"beter_in_wijk\",\"value\":\"x\",\"textLanguage\":\"xx\"}", cookie);
        assertEquals(422, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("Kies uit Nederlands (nl)"), wrong.body());

        PageHttp.Reply back = api("/intermediair/api/conversations/" + id + "/back?lang=nl", "{\"from\":\"beter_in_wijk\"}", cookie);
        assertEquals(200, back.status(), back.body());
        assertEquals("goed_in_wijk", JSON.readTree(back.body()).get("step").get("id").asText());
        assertEquals("nl", JSON.readTree(back.body()).get("step").get("translation").get("language").asText());
        // the same step back sent again (its reply lost on the way): nothing moves
        PageHttp.Reply again = api("/intermediair/api/conversations/" + id + "/back?lang=nl", "{\"from\":\"beter_in_wijk\"}", cookie);
        assertEquals(409, again.status(), again.body());
        assertEquals("goed_in_wijk", JSON.readTree(again.body()).get("state").get("step").get("id").asText());
        assertEquals("goed_in_wijk", conversations.findById(id).orElseThrow().currentStep(), "one step back, not two");
    }

    /**
     * "Getypt in" keeps its choice from one open question to the next: Arabic words typed under Dutch, or Dutch under
     * Arabic, are stored under the language their letters are written in (conversation.TypedLanguage), not refused:
     * the page already shows the choice following the text, and a refusal would only ask the intermediair to pick what
     * the letters say. An Arabic text stood in the answers as Dutch (the probe of an intermediair's working day).
     */
    @Test
    void aTypedAnswerLabelledWithALanguageItsLettersContradictIsStoredUnderTheRightOne() throws Exception {
        String id = startTogether("tr", "Hoograven");
        JsonNode next = answer(id, "welkom", "null", "");
        next = answer(id, "toestemming", "\"ja\"", "");
        while (!next.get("step").get("id").asText().equals("goed_in_wijk")) {
            next = answer(id, next.get("step").get("id").asText(), "null", "");
        }
        answer(id, "goed_in_wijk", "\"الحديقة جميلة والجيران طيبون.\"", ",\"textLanguage\":\"nl\"");
        answer(id, "beter_in_wijk", "\"Meer bankjes in het park.\"", ",\"textLanguage\":\"ar\"");
        answer(id, "wensen", "\"Parkta daha çok bank.\"", ",\"textLanguage\":\"nl\"");
        Map<String, AnswerRecord> rows = answers.findByConversationId(id).stream()
                .collect(Collectors.toMap(AnswerRecord::stepId, r -> r));
        assertEquals("ar", rows.get("goed_in_wijk").language(), "Arabic letters under Dutch: Arabic");
        assertEquals("tr", rows.get("beter_in_wijk").language(), "Latin letters under Arabic: the Turkish resident's language");
        assertEquals("nl", rows.get("wensen").language(), "Latin under Dutch: the intermediair's choice, the letters cannot tell");
    }

    @Test
    void anotherTeamsIntermediairGetsNothingOfIt() {
        String id = startTogether("ar", "Kanaleneiland");
        String other = loginIntermediairOf(teams.create("Wijkteam Noord " + suffix(), List.of("Overvecht")));
        assertEquals(404, http.get("/intermediair/c/" + id + "?lang=nl", other).status());
        PageHttp.Reply r = api("/intermediair/api/conversations/" + id + "/answers?lang=nl", "{\"step\":\"welkom\",\"value\":null}", other);
        assertEquals(404, r.status(), r.body());
        assertEquals(404, api("/intermediair/api/conversations/" + id + "/back", "", other).status());
        assertEquals("welkom", conversations.findById(id).orElseThrow().currentStep(), "nothing moved");

        PageHttp.Reply foreign = http.post("/intermediair/start", form("flow", "wijkanalyse", "language", "tr",
                "place", team.id() + "|Kanaleneiland", "lang", "nl"), other);
        assertEquals(422, foreign.status());
        assertTrue(foreign.body().contains("Kies een wijk of team van jezelf."), foreign.body());
        assertEquals(1, teams.conversations(team.id()));
    }

    @Test
    void aProfessionalsConversationOfTheTeamIsNotOpenedInIntermediairMode() {
        http.post("/t/" + team.joinCode(), form("flow", "werk-jij-diversiteitsproof", "lang", "nl"), null);
        ConversationRecord professional = conversations.findAll().stream()
                .filter(c -> team.id().equals(c.teamId()) && c.flowId().equals("werk-jij-diversiteitsproof")).findFirst().orElseThrow();
        assertEquals(404, http.get("/intermediair/c/" + professional.id(), cookie).status());
    }

    @Test
    void badChoicesAreRefusedWithAMessageAndStartNothing() {
        PageHttp.Reply flow = http.post("/intermediair/start", form("flow", "voorbeeld", "language", "nl",
                "place", "" + team.id(), "lang", "nl"), cookie);
        assertEquals(422, flow.status());
        assertTrue(flow.body().contains("Kies een van de gesprekken hieronder."));
        PageHttp.Reply language = http.post("/intermediair/start", form("flow", "wijkanalyse", "language", "xx",
                "place", team.id() + "|Hoograven", "lang", "en"), cookie);
        assertEquals(422, language.status());
        assertTrue(language.body().contains("Choose a language this conversation has."), language.body());
        PageHttp.Reply noWijk = http.post("/intermediair/start", form("flow", "wijkanalyse", "language", "tr",
                "place", "" + team.id(), "lang", "nl"), cookie);
        assertEquals(422, noWijk.status(), "a team with wijken counts wijkanalyse per wijk");
        assertEquals(0, teams.conversations(team.id()));

        String lonely = loginIntermediairOf(null);
        PageHttp.Reply page = http.get("/intermediair?lang=nl", lonely);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Je hoort bij geen team."));
        // nothing above or below to begin with: the lists do not point there ("Begin er hierboven een": the probe)
        assertTrue(page.body().contains("<p>Je hebt geen gesprekken.</p>") && page.body().contains("<p>Je hebt geen werkende links.</p>"),
                page.body());
        assertFalse(page.body().contains("hierboven") || page.body().contains("hieronder"), page.body());
        assertFalse(page.body().contains("name=\"flow\""));
        PageHttp.Reply none = http.post("/intermediair/start", form("flow", "wijkanalyse", "language", "tr",
                "place", team.id() + "|Hoograven", "lang", "nl"), lonely);
        assertEquals(422, none.status());
    }

    /**
     * A resident link's conversations are held by no one, so a client's interview answered through one reached no
     * professional, while its consent and closing spoke of the care worker in the talk (the advice probe). The page
     * offers no QR code for the interview and says why; a link asked for anyway is refused in the intermediair's
     * language, and none is made.
     */
    @Test
    void theClientInterviewIsHadTogetherAndGetsNoResidentLink() {
        String page = http.get("/intermediair?lang=nl", cookie).body();
        String interview = page.substring(page.indexOf("name=\"flow\" value=\"cultureel-interview\""));
        interview = interview.substring(0, interview.indexOf("</form>"));
        assertFalse(interview.contains("formaction=\"/intermediair/links\""), interview);
        assertTrue(interview.contains("wat een ouder alleen invult, leest geen hulpverlener"), interview);
        String analysis = page.substring(page.indexOf("name=\"flow\" value=\"wijkanalyse\""));
        assertTrue(analysis.substring(0, analysis.indexOf("</form>")).contains("formaction=\"/intermediair/links\""));

        PageHttp.Reply link = http.post("/intermediair/links", form("flow", "cultureel-interview", "language", "ar",
                "place", "" + team.id(), "lang", "en"), cookie);
        assertEquals(422, link.status(), link.body());
        assertTrue(link.body().contains("You cannot make a QR code for this conversation"), link.body());
        assertFalse(http.get("/intermediair?lang=nl", cookie).body().contains("/intermediair/links/"), "no link was made");
        // a link for it made before this rule (links work for hours) starts nothing either: its page is gone
        ResidentLink old = residentLinks.create("cultureel-interview", "ar", new Origin(team.id(), null));
        assertEquals(404, http.get(ResidentLinks.path(old), null).status());
        assertEquals(404, http.post(ResidentLinks.path(old), form("lang", "ar"), null).status());
    }

    /**
     * A talk begun and left before the resident's yes stood under "Nog niet klaar" as an interview waiting, beside the
     * chat's note that nothing is kept before that yes (the intermediair's probe): its line says so, until the yes.
     */
    @Test
    void aTalkWithoutTheResidentsYesSaysNothingOfThemIsStored() throws Exception {
        String id = startTogether("tr", "Hoograven");
        String line = mineLine(id);
        assertTrue(line.contains("Nog geen toestemming: er is niets van de bewoner bewaard."), line);
        answer(id, "welkom", "null", "");
        answer(id, "toestemming", "\"ja\"", "");
        assertFalse(mineLine(id).contains("Nog geen toestemming"), mineLine(id));
    }

    private String mineLine(String id) {
        String page = http.get("/intermediair?lang=nl", cookie).body();
        int at = page.indexOf("id=\"mine-" + id + "\"");
        assertTrue(at >= 0, page);
        return page.substring(at, page.indexOf("</li>", at));
    }

    @Test
    void aClientInterviewIsCountedUnderTheTeamWithoutAWijk() {
        AssistedStart started = AssistedStart.start(http, cookie, "cultureel-interview", "pl", "" + team.id(), "en");
        String id = started.id();
        ConversationRecord c = conversations.findById(id).orElseThrow();
        assertEquals(team.id(), c.teamId());
        assertNull(c.wijk());
        assertEquals("pl", c.language());
        assertTrue(http.get(started.address(), cookie).body().contains("<html lang=\"en\" dir=\"ltr\">"));
    }

    /**
     * With an intermediair entering the answers, a professional is in the conversation: the flight-history question
     * comes after "gevlucht", and the result the intermediair reads holds the attention points. "Klaar" says the
     * summary and the attention points follow; the professional's part has one heading that says whom it is for (it
     * said "Voor de hulpverlener: aandachtspunten" and at once "Aandachtspunten voor de hulpverlener"), and the line
     * above the result says the attention points below are for the professional (it said "Hieronder staat één tip", or
     * "Aantal tips hieronder: 10", as to a person reading tips for themselves).
     */
    @Test
    void anAssistedInterviewAsksAboutFlightAndGivesTheProfessionalTheAttentionPoints() throws Exception {
        String id = AssistedStart.start(http, cookie, "cultureel-interview", "tr", "" + team.id(), "nl").id();
        answer(id, "welkom", "null", "");
        answer(id, "toestemming", "\"ja\"", "");
        answer(id, "talen", "[\"turks\"]", "");
        answer(id, "tolk_nodig", "\"nee\"", "");
        answer(id, "leefwereld", "null", "");
        answer(id, "in_nederland_sinds", "\"een_tot_vijf_jaar\"", "");
        answer(id, "dorp_of_stad", "null", "");
        JsonNode s = answer(id, "reden_migratie", "\"gevlucht\"", "");
        assertEquals("vluchtgeschiedenis", s.at("/step/id").asText());
        for (String step : List.of("vluchtgeschiedenis", "familie", "praktische_zorgen", "probleem", "probleem_oorzaak",
                "al_geprobeerd", "opvoeding", "wie_beslist", "steun_eigen_kring", "sterke_kanten", "geloof_cultuur", "eerdere_hulp",
                "verwachtingen", "zorgen", "vertrouwde_plekken", "sleutelpersoon")) {
            s = answer(id, step, "null", "");
        }
        s = answer(id, "nog_iets", "null", "");
        assertTrue(s.get("done").asBoolean(), s.toString());
        List<String> tips = new java.util.ArrayList<>();
        s.at("/result/tips").forEach(t -> tips.add(t.get("id").asText()));
        assertTrue(tips.contains("vluchtgeschiedenis_behoedzaam"), tips.toString());
        assertFalse(s.at("/result/closingOnly").asBoolean(), "the professional reads more than a closing");

        String page = http.get("/intermediair/c/" + id + "?lang=nl", cookie).body();
        assertTrue(page.contains("<span class=\"translation\" lang=\"nl\" dir=\"ltr\">Klaar. Dank u wel. Hieronder staan de"
                + " samenvatting en de aandachtspunten voor de hulpverlener.</span>"), page);
        List<String> headings = Pattern.compile("<h2[^>]*>(.*?)</h2>", Pattern.DOTALL).matcher(page).results()
                .map(m -> m.group(1).replaceAll("<[^>]+>", " ").strip()).toList();
        assertEquals(1, headings.stream().filter(h -> h.contains("hulpverlener")).count(), headings.toString());
        assertTrue(headings.contains("Voor de hulpverlener"), headings.toString());
        Matcher line = Pattern.compile("<p class=\"summary-line\">(.*?)</p>").matcher(page);
        assertTrue(line.find(), page);
        assertTrue(line.group(1).endsWith("<span class=\"translation\" lang=\"nl\" dir=\"ltr\">" + (tips.size() == 1
                ? "Hieronder staat één aandachtspunt voor de hulpverlener."
                : "Hieronder staan " + tips.size() + " aandachtspunten voor de hulpverlener. De belangrijkste staan bovenaan.") + "</span>"),
                line.group(1));
    }
}
