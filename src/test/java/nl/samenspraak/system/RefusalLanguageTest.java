package nl.samenspraak.system;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.intermediair.ResidentLinks;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.OwnLanguage;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refusal the framework answers (a body too large, of another type, a wrong method or format, no access) is said in
 * the language of the person it reaches: on a conversation's address the conversation's, not the browser's; on a
 * resident link's page the link's; to a logged-in account that chose one its own; on the intermediair's chat API the
 * page's {@code ?lang=}.
 */
@SharedService
class RefusalLanguageTest {
    private static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    FlowLibrary library;
    @Inject
    StartConversation starts;
    @Inject
    ResidentLinks links;
    @Inject
    Accounts accounts;
    @Inject
    OwnLanguage ownLanguage;
    @Inject
    Teams teams;

    private PageHttp http() {
        return new PageHttp(server.getURL().toString());
    }

    private String words(String language, String key) {
        return library.translations().message(language, key);
    }

    private String started(String language) {
        return starts.start("wijkanalyse", language, Channel.WEB).state().id();
    }

    private PageHttp.Reply api(String path, String method, String contentType, String body, String browser) {
        HttpRequest.Builder request = http().request(path).header("Accept", "application/json")
                .header("Accept-Language", browser).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http().send(request);
    }

    private static String error(PageHttp.Reply reply) {
        return new JsonHttp.Reply(reply.status(), reply.body()).json().get("error").asText();
    }

    /** The web chat in Arabic in a Dutch browser: too long a paste, and every other refusal, comes in Arabic. */
    @Test
    void aRefusalOnAConversationsAddressIsInTheConversationsLanguageNotTheBrowsers() {
        String arabic = started("ar");
        String answers = "/api/conversations/" + arabic + "/answers";
        PageHttp.Reply huge = api(answers, "POST", "application/json",
                "{\"step\":\"welkom\",\"value\":\"" + "ا".repeat(300_000) + "\"}", "nl");
        assertEquals(413, huge.status());
        assertEquals(words("ar", "error.too_large"), error(huge), "not \"Dit bericht is te groot.\"");
        assertEquals("ar", huge.header("Content-Language"), "the web chat marks its error box with it");

        String turkish = started("tr");
        String turkishAnswers = "/api/conversations/" + turkish + "/answers";
        assertRefused(400, "tr", "error.bad_request", api(turkishAnswers, "POST", "application/json", "{nope", "en"));
        assertRefused(405, "tr", "error.method_not_allowed", api(turkishAnswers, "PUT", "application/json", "{}", "en"));
        assertRefused(415, "tr", "error.unsupported_media_type", api(turkishAnswers, "POST", "text/plain", "hallo", "en"));
        PageHttp.Reply pdfOnly = http().send(http().request(turkishAnswers).header("Accept", "application/pdf")
                .header("Accept-Language", "en").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":\"welkom\",\"value\":null}")));
        assertRefused(406, "tr", "error.not_acceptable", pdfOnly);

        // the chat's page: a form too large for its address is refused in Arabic, marked so, and its error box
        // (filled by the script) says Arabic, right to left
        PageHttp.Reply page = http().send(http().request("/c/" + arabic + "/language").header("Accept", PageHttp.HTML)
                .header("Accept-Language", "nl").header("Origin", http().base())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("lang=" + "x".repeat(300_000))));
        assertEquals(413, page.status());
        assertTrue(page.body().contains(words("ar", "error.too_large")) && page.body().contains("dir=\"rtl\""), page.body());
        String chat = http().send(http().request("/c/" + arabic).header("Accept", PageHttp.HTML)
                .header("Accept-Language", "nl")).body();
        assertTrue(chat.contains("id=\"error\" class=\"error\" role=\"alert\" lang=\"ar\" dir=\"rtl\""), chat);
    }

    private void assertRefused(int status, String language, String key, PageHttp.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(words(language, key), error(reply), status + " in the conversation's language");
        assertEquals(language, reply.header("Content-Language"));
    }

    /** A resident link's page in Arabic refuses a form too large, or of another type, in Arabic without Accept-Language. */
    @Test
    void aRefusalOnAResidentLinksPageIsInTheLinksLanguage() {
        Team team = teams.create("Wijkteam Link " + UUID.randomUUID().toString().substring(0, 8), List.of("Noord"));
        String path = ResidentLinks.path(links.create("wijkanalyse", "ar", new Origin(team.id(), "Noord")));
        // the page's form says its language in its address: a form refused before it is read cannot say it otherwise
        // (the link's is not looked up there: that would wait for the database on a network thread)
        String form = http().send(http().request(path).header("Accept", PageHttp.HTML)).body();
        assertTrue(form.contains("action=\"" + path + "?lang=ar\""), form);
        String link = path + "?lang=ar";
        for (String[] sent : List.of(new String[]{"application/x-www-form-urlencoded", "lang=" + "x".repeat(300_000)},
                new String[]{"text/plain", "hallo"})) {
            PageHttp.Reply page = http().send(http().request(link).header("Accept", PageHttp.HTML)
                    .header("Origin", http().base()).header("Content-Type", sent[0])
                    .POST(HttpRequest.BodyPublishers.ofString(sent[1])));
            assertTrue(page.status() == 413 || page.status() == 415, page.status() + " " + page.body());
            assertTrue(page.body().contains("lang=\"ar\"") && page.body().contains("dir=\"rtl\""),
                    "in the link's language, not Dutch: " + page.body());
        }
    }

    /** An intermediair who chose Arabic for their own pages is told "no access" in Arabic. */
    @Test
    void aForbiddenPageIsInTheAccountsOwnLanguage() {
        Account me = accounts.create("taal-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        ownLanguage.choose(me.id(), "ar");
        String cookie = http().login(me.username(), PASSWORD);
        PageHttp.Reply forbidden = http().send(http().request("/admin/teams").header("Accept", PageHttp.HTML)
                .header("Accept-Language", "nl").header("Cookie", cookie));
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.body().contains("lang=\"ar\"") && !forbidden.body().contains("Geen toegang"), forbidden.body());
    }

    /**
     * A manager who chose Arabic for their own pages is told "this is not your team" in Arabic on another team's
     * dashboard and on its contact details' page, whatever the browser says (it said so in the browser's Dutch, and
     * the contact page in the address's).
     */
    @Test
    void anotherTeamsDashboardIsRefusedInTheAccountsOwnLanguage() {
        Team team = teams.create("Wijkteam Ander " + UUID.randomUUID().toString().substring(0, 8), List.of("Noord"));
        Account me = accounts.create("leider-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.MANAGER);
        ownLanguage.choose(me.id(), "ar");
        String cookie = http().login(me.username(), PASSWORD);
        for (String address : List.of("/dashboard/teams/" + team.id() + "?lang=nl", "/admin/teams/" + team.id() + "/contact?lang=nl")) {
            PageHttp.Reply forbidden = http().send(http().request(address)
                    .header("Accept", PageHttp.HTML).header("Accept-Language", "nl").header("Cookie", cookie));
            assertEquals(403, forbidden.status(), address + ": " + forbidden.body());
            assertTrue(forbidden.body().contains(words("ar", "dashboard.not_your_team")) && forbidden.body().contains("dir=\"rtl\""),
                    address + ": " + forbidden.body());
            assertEquals("no-store", forbidden.header("Cache-Control"), address);
        }
    }

    /** The intermediair's chat API answers in the page's language (its ?lang=), also when the framework refuses. */
    @Test
    void theIntermediairsChatApiRefusesInThePagesLanguage() {
        Team team = teams.create("Wijkteam Taal " + UUID.randomUUID().toString().substring(0, 8), List.of("Noord"));
        Account me = accounts.create("tussen-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), me.id());
        String cookie = http().login(me.username(), PASSWORD);
        String id = starts.start("wijkanalyse", "ar", Channel.WEB, new Origin(team.id(), "Noord"), "tr",
                nl.samenspraak.conversation.Caller.intermediair(me.id())).state().id();
        String answers = "/intermediair/api/conversations/" + id + "/answers?lang=tr";
        for (String[] sent : List.of(new String[]{"application/json", "{nope", "error.bad_request"},
                new String[]{"text/plain", "hallo", "error.unsupported_media_type"},
                new String[]{"application/json", "{\"step\":\"welkom\",\"value\":\"" + "x".repeat(300_000) + "\"}", "error.too_large"})) {
            PageHttp.Reply reply = http().send(http().request(answers).header("Accept", "application/json")
                    .header("Origin", http().base()).header("Cookie", cookie).header("Content-Type", sent[0])
                    .POST(HttpRequest.BodyPublishers.ofString(sent[1])));
            assertTrue(reply.status() >= 400 && reply.status() < 500, reply.status() + " " + reply.body());
            assertEquals(words("tr", sent[2]), error(reply), sent[2]);
        }
    }

    /** {@code AR}, {@code ar-SA}: the service's Arabic, on a page's address, in the API and in the chat's language menu. */
    @Test
    void aLanguageCodeIsReadWhateverItsCaseOrRegion() {
        for (String asked : List.of("AR", "ar-SA", "ar_SA")) {
            String page = http().get("/?lang=" + asked, null).body();
            assertTrue(page.contains("<html lang=\"ar\" dir=\"rtl\">"), asked + ": " + page.substring(0, Math.min(300, page.length())));
        }
        JsonHttp.Reply api = new JsonHttp(http().base()).post("/api/conversations", "{\"flow\":\"wijkanalyse\",\"language\":\"AR\"}");
        assertEquals(201, api.status(), api.body());
        assertEquals("ar", api.json().get("language").asText());

        String id = started("ar");
        PageHttp.Reply turkish = http().post("/c/" + id + "/language", PageHttp.form("lang", "TR"), null,
                java.util.Map.of("Origin", http().base()));
        assertEquals(303, turkish.status(), turkish.body());
        assertEquals("tr", new JsonHttp(http().base()).get("/api/conversations/" + id).json().get("language").asText());
    }

    /**
     * A repeated {@code lang} is read the same way on every page, the first one the service speaks: {@code /} showed
     * Dutch for {@code ?lang=ar&lang=tr} where {@code /login} showed Arabic.
     */
    @Test
    void aRepeatedLanguageIsReadAsTheFirstKnownOneOnEveryPage() {
        for (String path : List.of("/", "/login", "/resume")) {
            for (String[] asked : List.of(new String[]{"lang=ar&lang=tr", "<html lang=\"ar\" dir=\"rtl\">"},
                    new String[]{"lang=xx&lang=tr", "<html lang=\"tr\" dir=\"ltr\">"})) {
                String page = http().send(http().request(path + "?" + asked[0]).header("Accept", PageHttp.HTML)
                        .header("Accept-Language", "nl")).body();
                assertTrue(page.contains(asked[1]), path + "?" + asked[0] + ": " + page.substring(0, Math.min(300, page.length())));
            }
        }
    }

    /**
     * The 404 page without Accept-Language is Dutch, and offers the other languages as the start page does: it had no
     * way to another language. A link asks for the same address again, so "not found" is then read in that language.
     */
    @Test
    void theNotFoundPageOffersTheOtherLanguages() {
        PageHttp.Reply missing = http().send(http().request("/bestaat-niet").header("Accept", PageHttp.HTML));
        assertEquals(404, missing.status(), missing.body());
        assertTrue(missing.body().contains("<html lang=\"nl\"") && missing.body().contains("class=\"language-links\""), missing.body());
        String link = "href=\"/bestaat-niet?lang=ar\" lang=\"ar\" hreflang=\"ar\"";
        assertTrue(missing.body().contains(link), missing.body());
        PageHttp.Reply arabic = http().send(http().request("/bestaat-niet?lang=ar").header("Accept", PageHttp.HTML));
        assertEquals(404, arabic.status());
        assertTrue(arabic.body().contains("<html lang=\"ar\" dir=\"rtl\">")
                && arabic.body().contains(words("ar", "web.not_found")), arabic.body());
    }

    /** A language the service lacks, chosen by a hand-made form: said, in the conversation's language, not ignored. */
    @Test
    void choosingALanguageThereIsNotIsRefusedInTheConversationsLanguage() {
        String id = started("ar");
        PageHttp.Reply unknown = http().send(http().request("/c/" + id + "/language").header("Accept", PageHttp.HTML)
                .header("Accept-Language", "nl").header("Origin", http().base())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("lang=xx")));
        assertEquals(422, unknown.status(), unknown.body());
        String said = words("ar", "error.language_not_offered");
        assertTrue(unknown.body().contains("dir=\"rtl\"") && unknown.body().contains(said.substring(0, said.indexOf('$')).strip()),
                unknown.body());
        assertTrue(unknown.body().contains("href=\"/c/" + id + "\""), "a way back to the chat");
    }

    /** "Ga verder" with nothing typed asks for the code, not "no conversation with this code". */
    @Test
    void anEmptyResumeCodeAsksForTheCode() {
        for (String code : List.of("", "%20%20")) {
            PageHttp.Reply empty = http().get("/resume?lang=ar&code=" + code, null);
            assertEquals(400, empty.status());
            String asked = words("ar", "error.resume_code_missing");
            assertTrue(empty.body().contains(asked.substring(0, asked.indexOf('،')))
                    && !empty.body().contains(words("ar", "error.resume_not_found")), empty.body());
        }
    }
}
