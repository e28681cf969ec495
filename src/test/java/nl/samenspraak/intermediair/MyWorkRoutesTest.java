package nl.samenspraak.intermediair;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.AssistedStart;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.round.Rounds;
import nl.samenspraak.round.SurveyRound;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, the intermediair's workplace: their resident links with counts, their own labels, their own finished
 * conversations per wijk and round, and the language of their own pages. Each route as its owner, another
 * intermediair of the same team, a manager of the team and someone not logged in sees it: only the owner gets
 * anything; a colleague gets "not found" as for a link or conversation that does not exist.
 */
@SharedService
class MyWorkRoutesTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Rounds rounds;
    @Inject
    nl.samenspraak.support.Respondents respondents;
    @Inject
    ConversationLabelRepository labels;
    @Inject
    nl.samenspraak.storage.ConversationStore store;

    PageHttp http;
    JsonHttp api;
    Team team;
    String owner;
    String colleague;
    String manager;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @BeforeEach
    void people() {
        http = new PageHttp(server.getURL().toString());
        api = new JsonHttp(server.getURL().toString());
        team = teams.create("Wijkteam Zuid " + suffix(), List.of("Hoograven", "Lunetten"));
        owner = login(Role.INTERMEDIAIR);
        colleague = login(Role.INTERMEDIAIR);
        manager = login(Role.MANAGER);
    }

    private String login(Role role) {
        Account a = accounts.create(role.name().toLowerCase() + "-" + suffix(), PASSWORD, role);
        teams.addMember(team.id(), a.id());
        return http.login(a.username(), PASSWORD);
    }

    private String makeLink(String cookie) {
        PageHttp.Reply made = http.post("/intermediair/links", form("flow", "wijkanalyse", "language", "tr",
                "place", team.id() + "|Lunetten", "lang", "nl"), cookie);
        assertEquals(303, made.status(), made.body());
        return made.location().substring("/intermediair/links/".length(), made.location().indexOf('?'));
    }

    private String startTogether(String cookie) {
        return AssistedStart.start(http, cookie, "wijkanalyse", "ar", team.id() + "|Hoograven", "nl").id();
    }

    /** Answers every question of a resident's own conversation through the public API, "ja" to consent. */
    private void finishAsResident(String id) {
        JsonNode state = api.post("/api/conversations/" + id + "/answers", "{\"step\":\"welkom\",\"value\":null}").json();
        state = api.post("/api/conversations/" + id + "/answers", "{\"step\":\"toestemming\",\"value\":\"ja\"}").json();
        for (int i = 0; i < 60 && !state.get("done").asBoolean(); i++) {
            state = api.post("/api/conversations/" + id + "/answers",
                    "{\"step\":\"" + state.at("/step/id").asText() + "\",\"value\":null}").json();
        }
        assertTrue(state.get("done").asBoolean(), state.toString());
    }

    private void finishTogether(String cookie, String id) {
        JsonNode state = null;
        for (String[] a : new String[][]{{"welkom", "null"}, {"toestemming", "\"ja\""}}) {
            state = intermediairAnswer(cookie, id, a[0], a[1]);
        }
        for (int i = 0; i < 60 && !state.get("done").asBoolean(); i++) {
            state = intermediairAnswer(cookie, id, state.at("/step/id").asText(), "null");
        }
        assertTrue(state.get("done").asBoolean(), state.toString());
    }

    private JsonNode intermediairAnswer(String cookie, String id, String step, String value) {
        PageHttp.Reply r = http.send(http.request("/intermediair/api/conversations/" + id + "/answers?lang=nl")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Origin", http.base()).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":\"" + step + "\",\"value\":" + value + "}")));
        assertEquals(200, r.status(), r.body());
        return new JsonHttp.Reply(r.status(), r.body()).json();
    }

    private int qrStatus(String code, String cookie) throws Exception {
        HttpRequest.Builder r = http.request("/intermediair/links/" + code + "/qr.png").GET();
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The link's line in "Mijn bewonerslinks" on a home page, or "" when it is not there. */
    private static String linkLine(String page, String code) {
        int from = page.indexOf("data-code=\"" + code + "\"");
        return from < 0 ? "" : page.substring(from, page.indexOf("</li>", from));
    }

    @Test
    void aLinkShowsItsMakerWhatItStartsWhereAndUntilWhenAndNoCount() {
        String code = makeLink(owner);
        String page = http.get("/intermediair?lang=nl", owner).body();
        assertTrue(page.contains("<h2 id=\"links-title\">Mijn bewonerslinks</h2>"), page);
        String line = linkLine(page, code);
        assertTrue(line.contains("<bdi>Lunetten</bdi> · <bdi lang=\"tr\">Türkçe</bdi>"), line);
        assertTrue(line.contains("Werkt tot"), line);
        assertTrue(line.contains("href=\"/intermediair/links/" + code + "?lang=nl\""), "its QR page");
        assertTrue(line.contains("action=\"/intermediair/links/" + code + "/stop\""), "and stop");
        assertTrue(line.contains("data-url=\"" + server.getURL() + "/r/" + code + "\""), "copy and share the full address");
        assertFalse(line.contains("Klaar"), "no count: " + line);
        assertTrue(page.contains("Hoeveel bewoners via een link meedoen, tellen we niet"), "the list says why there is no count");
        PageHttp.Reply qrPage = http.get("/intermediair/links/" + code + "?lang=nl", owner);
        assertEquals(200, qrPage.status());
        assertFalse(qrPage.body().contains("Klaar"), qrPage.body());
        // what the page says about the link is what holds
        assertTrue(qrPage.body().contains("De link bevat geen naam. Niemand, ook jij niet, ziet wie er met deze link meedoet, "
                + "hoeveel mensen dat zijn of wat ze antwoorden."), qrPage.body());

        String colleaguePage = http.get("/intermediair?lang=nl", colleague).body();
        assertFalse(colleaguePage.contains(code), "a colleague of the same team sees nothing of the link");
        assertTrue(colleaguePage.contains("Je hebt nu geen werkende links."), colleaguePage);
        String first = http.post("/r/" + code, form("lang", "tr"), null).location().substring(3);
        finishAsResident(first);
        assertFalse(http.get("/intermediair?lang=nl", owner).body().contains(first),
                "the resident's own conversation is not in the maker's list of conversations");
    }

    /**
     * The maker pads their own link: k-1 conversations finished with real-looking answers (yes to consent, the
     * questions answered), which they could delete afterwards with their codes. Then the one resident they handed the
     * QR code to begins, finishes and later has their answers forgotten, and another says no. A count, however
     * rounded, crossed k when that resident finished and fell back when they were forgotten (the December privacy
     * probe did it twice); the maker's list and the link's page read the same at every step.
     */
    @Test
    void aMakerWhoPadsTheirOwnLinkWithRealLookingAnswersLearnsNothingAboutTheOneResident() {
        String code = makeLink(owner);
        String untouchedLine = linkLine(http.get("/intermediair?lang=nl", owner).body(), code);
        String untouchedPage = main(http.get("/intermediair/links/" + code + "?lang=nl", owner).body());
        List<String> pads = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String pad = http.post("/r/" + code, form("lang", "nl"), null).location().substring(3);
            respondents.finishStarted(pad, Map.of("toestemming", "ja"));
            pads.add(pad);
        }
        Runnable same = () -> {
            assertEquals(untouchedLine, linkLine(http.get("/intermediair?lang=nl", owner).body(), code));
            assertEquals(untouchedPage, main(http.get("/intermediair/links/" + code + "?lang=nl", owner).body()));
        };
        same.run();
        String resident = http.post("/r/" + code, form("lang", "nl"), null).location().substring(3);
        same.run();
        respondents.finishStarted(resident, Map.of("toestemming", "ja"));
        same.run();
        String declining = http.post("/r/" + code, form("lang", "nl"), null).location().substring(3);
        api.post("/api/conversations/" + declining + "/answers", "{\"step\":\"welkom\",\"value\":null}");
        JsonNode declined = api.post("/api/conversations/" + declining + "/answers", "{\"step\":\"toestemming\",\"value\":\"nee\"}").json();
        assertTrue(declined.get("done").asBoolean(), declined.toString());
        same.run();
        assertEquals(204, api.delete("/api/conversations/" + resident).status());
        same.run();
        pads.forEach(pad -> assertEquals(204, api.delete("/api/conversations/" + pad).status()));
        same.run();
    }

    /** The page's main part: what it says, without the account bar's session-bound bits. */
    private static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    @Test
    void aLinksPagesAreTheMakersOnly() throws Exception {
        String code = makeLink(owner);
        PageHttp.Reply colleaguePage = http.get("/intermediair/links/" + code + "?lang=nl", colleague);
        assertEquals(404, colleaguePage.status());
        assertEquals(http.get("/intermediair/links/NOSUCHCODE2345678?lang=nl", colleague).body(), colleaguePage.body(),
                "the same as for a link that does not exist");
        // and it says so truthfully: a colleague's link is one of the reasons, not "not your team"
        assertTrue(colleaguePage.body().contains("Dit gesprek of deze link bestaat niet (meer), of is van een collega"), colleaguePage.body());
        assertFalse(colleaguePage.body().contains("hoort niet bij jouw team"));
        assertEquals(404, qrStatus(code, colleague));
        assertEquals(404, http.post("/intermediair/links/" + code + "/stop", form("lang", "nl"), colleague).status());

        assertEquals(403, http.get("/intermediair/links/" + code + "?lang=nl", manager).status());
        assertEquals(403, qrStatus(code, manager));
        assertEquals(403, http.post("/intermediair/links/" + code + "/stop", form("lang", "nl"), manager).status());

        PageHttp.Reply anonymous = http.get("/intermediair/links/" + code + "?lang=nl", null);
        assertEquals(303, anonymous.status(), "to the login page");
        assertTrue(anonymous.location().startsWith("/login"), anonymous.location());
        assertFalse(anonymous.body().contains(code));
        assertEquals(401, qrStatus(code, null));
        assertEquals(200, http.get("/r/" + code, null).status(), "nobody but its maker stopped it");

        assertEquals(200, http.get("/intermediair/links/" + code + "?lang=nl", owner).status());
        assertEquals(200, qrStatus(code, owner));
        assertEquals(303, http.post("/intermediair/links/" + code + "/stop", form("lang", "nl"), owner).status());
        assertEquals(404, http.get("/r/" + code, null).status());
        assertFalse(http.get("/intermediair?lang=nl", owner).body().contains(code), "a stopped link leaves the list");
    }

    @Test
    void aLabelIsTheHoldersOwn() {
        String id = startTogether(owner);
        PageHttp.Reply saved = http.post("/intermediair/c/" + id + "/label", form("label", "  dinsdag,\n2e\u202E interview ", "lang", "nl"), owner);
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/intermediair?lang=nl&done=label_saved#mine-" + id, saved.location());
        String page = http.get("/intermediair?lang=nl&done=label_saved", owner).body();
        assertTrue(page.contains("Het label is opgeslagen."), page);
        assertTrue(page.contains("<span class=\"mine-label\">dinsdag, 2e interview</span>"), "one line, trimmed, no direction override: " + page);
        assertTrue(page.contains("placeholder=\"bijv. dinsdag, 2e interview\""));
        assertTrue(page.contains("Nooit de naam van een bewoner of cliënt. Hoogstens 40 tekens"), "the hint says what a label is not");
        assertTrue(page.contains("maxlength=\"40\""));

        PageHttp.Reply tooLong = http.post("/intermediair/c/" + id + "/label", form("label", "x".repeat(41), "lang", "nl"), owner);
        assertEquals(422, tooLong.status());
        assertTrue(tooLong.body().contains("Een label is hoogstens 40 tekens."), tooLong.body());
        assertTrue(http.get("/intermediair?lang=nl", owner).body().contains("dinsdag, 2e interview"), "the old label stays");
        assertEquals(303, http.post("/intermediair/c/" + id + "/label", form("label", "<b>tweede</b>", "lang", "nl"), owner).status());
        assertTrue(http.get("/intermediair?lang=nl", owner).body().contains("&lt;b&gt;tweede&lt;/b&gt;"), "shown as typed, escaped");

        assertEquals(404, http.post("/intermediair/c/" + id + "/label", form("label", "van een collega", "lang", "nl"), colleague).status());
        assertEquals(403, http.post("/intermediair/c/" + id + "/label", form("label", "van de manager", "lang", "nl"), manager).status());
        PageHttp.Reply anonymous = http.post("/intermediair/c/" + id + "/label", form("label", "anoniem", "lang", "nl"), null);
        assertTrue(anonymous.status() == 303 || anonymous.status() == 401 || anonymous.status() == 403, "refused: " + anonymous.status());
        assertFalse(http.get("/intermediair?lang=nl", colleague).body().contains("tweede"), "a colleague never sees the label");
        String ownerPage = http.get("/intermediair?lang=nl", owner).body();
        assertFalse(ownerPage.contains("van een collega") || ownerPage.contains("van de manager") || ownerPage.contains("anoniem"));

        assertEquals(303, http.post("/intermediair/c/" + id + "/label", form("label", "  ", "lang", "nl"), owner).status());
        assertFalse(http.get("/intermediair?lang=nl", owner).body().contains("mine-label"), "blank removes it");
    }

    /**
     * A label is shown to its holder alone, so once their account is deleted nobody sees it again: it goes with the
     * account (a name typed into one against the form's advice is not kept for as long as the conversation). The
     * conversation itself stays (the resident's code still reaches it; finished, it counts for the team).
     */
    @Test
    void aLabelGoesWithItsHoldersAccount() {
        Account leaving = accounts.create("leaving-" + suffix(), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), leaving.id());
        String cookie = http.login(leaving.username(), PASSWORD);
        String id = startTogether(cookie);
        assertEquals(303, http.post("/intermediair/c/" + id + "/label", form("label", "Fatima, dinsdag", "lang", "nl"), cookie).status());
        String kept = startTogether(owner);
        assertEquals(303, http.post("/intermediair/c/" + kept + "/label", form("label", "woensdag", "lang", "nl"), owner).status());
        assertTrue(labels.existsById(id));

        Account admin = accounts.create("admin-" + suffix(), PASSWORD, Role.ADMIN);
        accounts.delete(admin.id(), leaving.id());

        assertFalse(labels.existsById(id), "the deleted holder's label is gone");
        assertTrue(store.latest(id).isPresent(), "the conversation itself stays");
        assertTrue(http.get("/intermediair?lang=nl", owner).body().contains("woensdag"), "another holder's label stays");
    }

    @Inject
    nl.samenspraak.conversation.ConversationSettings conversationSettings;

    @Test
    void theirOwnFinishedConversationsPerWijkAndRound() {
        String before = startTogether(owner);
        finishTogether(owner, before);
        // a round before, in which nobody took part: the manager's pages never show it, so it counts in no number
        rounds.close(rounds.open(team.id(), "wijkanalyse", LocalDate.now().plusDays(3), 0, ZoneId.systemDefault()).id());
        LocalDate closes = LocalDate.now(conversationSettings.zone()).plusDays(10);
        SurveyRound open = rounds.open(team.id(), "wijkanalyse", closes, 0, conversationSettings.zone());
        String inRound = startTogether(owner);
        finishTogether(owner, inRound);
        startTogether(owner);
        String colleagues = startTogether(colleague);
        finishTogether(colleague, colleagues);

        String page = http.get("/intermediair?lang=nl", owner).body();
        int from = page.indexOf("id=\"per-wijk-title\"");
        assertTrue(from > 0, page);
        String table = page.substring(from, page.indexOf("</table>", from));
        assertTrue(table.contains("Klaar per wijk en ronde"), table);
        // named by its last day, the closing date the admin set, as the manager's pages name it; a number of its own
        // ("ronde 2") disagreed with theirs ("Ronde 1"), and its end read the day after the closing date
        String end = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.forLanguageTag("nl")).format(closes);
        assertTrue(table.matches("(?s).*<th scope=\"row\">Hoograven</th><td>[^<]+ · ronde tot en met " + java.util.regex.Pattern.quote(end)
                + "</td><td class=\"number\">1</td>.*"), table);
        assertTrue(table.matches("(?s).*<th scope=\"row\">Hoograven</th><td>[^<]+ · buiten een ronde</td><td class=\"number\">1</td>.*"), table);
        assertFalse(table.contains(">2<"), "the colleague's finished one and the unfinished one do not count");
    }

    @Test
    void theIntermediairsOwnLanguageIsUsedOnTheirPages() {
        assertTrue(http.get("/account?lang=nl", owner).body().contains("<option value=\"\" selected>Zoals mijn telefoon of browser</option>"));
        PageHttp.Reply chosen = http.post("/account/language", form("interface", "tr", "lang", "nl"), owner);
        assertEquals(303, chosen.status(), chosen.body());
        assertEquals("/account?lang=tr&done=language_saved", chosen.location());
        assertTrue(http.get(chosen.location(), owner).body().contains("Diliniz kaydedildi."));

        String home = http.get("/intermediair?lang=nl", owner).body();
        assertTrue(home.contains("<html lang=\"tr\" dir=\"ltr\">"), "their own language, whatever the link or phone says");
        assertTrue(home.contains("Görüşmelerim"), home);
        String id = startTogether(owner);
        String chat = http.get("/intermediair/c/" + id + "?lang=nl", owner).body();
        assertTrue(chat.contains("<html lang=\"tr\""), "the intermediair's lines in their language");
        PageHttp.Reply refused = http.post("/intermediair/c/" + id + "/context?lang=nl", form("wijk", "Nergens"), owner);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("<html lang=\"tr\""), "a refused change of wijk in their language too: " + refused.body());
        assertTrue(http.get("/intermediair?lang=nl", colleague).body().contains("<html lang=\"nl\""), "a colleague's pages are their own");

        PageHttp.Reply unknown = http.post("/account/language", form("interface", "xx", "lang", "nl"), owner);
        assertEquals(422, unknown.status());
        assertTrue(unknown.body().contains("Listeden bir dil seçin."), unknown.body());
        assertEquals(303, http.post("/account/language", form("interface", "", "lang", "nl"), owner).status());
        assertTrue(http.get("/intermediair?lang=ar", owner).body().contains("<html lang=\"ar\" dir=\"rtl\">"), "back to the page's own");

        assertEquals(403, http.post("/account/language", form("interface", "tr", "lang", "nl"), manager).status());
        PageHttp.Reply anonymous = http.post("/account/language", form("interface", "tr", "lang", "nl"), null);
        assertTrue(anonymous.status() == 303 || anonymous.status() == 401 || anonymous.status() == 403, "refused: " + anonymous.status());
    }
}
