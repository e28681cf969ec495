package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.FileAccepts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edges of the web chat a person runs into: an address that does not exist, the favicon, static files that
 * a browser may keep, the start page that leads (grouped by who answers, no example flow unless configured), and
 * the transcript the chat page shows.
 */
@MicronautTest
@Property(name = "samenspraak.web.show-demo-flows", value = "false")
class WebEdgesTest {
    @Inject
    EmbeddedServer server;

    @Inject
    FlowLibrary library;

    private PageHttp pages() {
        return new PageHttp(server.getURL().toString());
    }

    @Test
    void anAddressThatDoesNotExistIsNotFoundInThePersonsLanguageWithAWayHome() {
        PageHttp.Reply dutch = pages().send(pages().request("/dit-bestaat-niet").header("Accept", PageHttp.HTML)
                .header("Accept-Language", "nl"));
        assertEquals(404, dutch.status(), "not a login page");
        assertTrue(dutch.body().contains("<h1>Deze pagina bestaat niet</h1>"), dutch.body());
        assertTrue(dutch.body().contains("href=\"/?lang=nl\""), "a way home");
        PageHttp.Reply arabic = pages().send(pages().request("/assets/bestaat-niet.css").header("Accept", PageHttp.HTML)
                .header("Accept-Language", "ar"));
        assertEquals(404, arabic.status());
        assertTrue(arabic.body().contains("dir=\"rtl\"") && arabic.body().contains("هذه الصفحة غير موجودة"), arabic.body());
        assertEquals(404, new JsonHttp(server.getURL().toString()).get("/api/bestaat-niet").status(), "the API says 404 in JSON");
        // a refusal on a page speaks to a person, not of JSON as the API's words do
        PageHttp.Reply wrongMethod = pages().send(pages().request("/?lang=nl").header("Accept", PageHttp.HTML)
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, wrongMethod.status());
        assertTrue(wrongMethod.body().contains("Dit verzoek kan hier niet.") && !wrongMethod.body().contains("JSON"),
                wrongMethod.body());
    }

    /**
     * A form whose body does not decode (a lone %, %zz, a cut-off escape) is the sender's mistake: 400 in the person's
     * words on every form a person or a login uses, never the 500 "something went wrong on our side" it was.
     */
    @Test
    void aFormThatDoesNotDecodeIsRefusedInThePersonsLanguage() {
        String origin = server.getURL().toString();
        for (String path : List.of("/start", "/login", "/r/abc", "/i/abc", "/t/abc")) {
            for (String body : List.of("%", "flow=%zz", "flow=voorbeeld&language=%E")) {
                PageHttp.Reply dutch = pages().send(pages().request(path).header("Accept", PageHttp.HTML)
                        .header("Accept-Language", "nl").header("Origin", origin)
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
                assertEquals(400, dutch.status(), path + " " + body);
                assertTrue(dutch.body().contains("Dit formulier kwam niet goed aan"), dutch.body());
            }
        }
        PageHttp.Reply arabic = pages().send(pages().request("/start").header("Accept", PageHttp.HTML)
                .header("Accept-Language", "ar").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("flow=%")));
        assertEquals(400, arabic.status());
        assertTrue(arabic.body().contains("dir=\"rtl\"") && arabic.body().contains("لم يصل هذا النموذج سليمًا"), arabic.body());
        // a client that accepts anything (curl's */*, a webview) gets the page too; only one that prefers JSON, JSON
        PageHttp.Reply curl = pages().send(pages().request("/start").header("Accept", "*/*")
                .header("Accept-Language", "en").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("flow=%zz")));
        assertEquals(400, curl.status());
        assertTrue(curl.header("Content-Type").startsWith("text/html"), curl.header("Content-Type"));
        assertTrue(curl.body().contains("<html lang=\"en\"")
                && curl.body().contains("This form did not arrive intact, so nothing was done with it. Go back and try again."), curl.body());
        PageHttp.Reply json = pages().send(pages().request("/start").header("Accept", "application/json, text/html;q=0.5")
                .header("Accept-Language", "en").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("flow=%zz")));
        assertEquals(400, json.status());
        assertEquals("{\"code\":\"unreadable_form\",\"error\":\"This form did not arrive intact, so nothing was done with it. Go back and try again.\"}",
                json.body());
    }

    /**
     * A form that decodes but lacks what the page always sends (an empty body, a field left out) is refused in the
     * page's words, also for a client that asks for JSON: its sender filled in a form and never sent JSON, so the API's
     * "send a valid JSON message" would tell them nothing.
     */
    @Test
    void anIncompleteFormIsRefusedInAPagesWordsNotTheApis() {
        String origin = server.getURL().toString();
        for (String path : List.of("/start", "/login")) {
            PageHttp.Reply curl = pages().send(pages().request(path).header("Accept", "*/*")
                    .header("Accept-Language", "nl").header("Origin", origin)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")));
            assertEquals(400, curl.status(), path);
            assertTrue(curl.body().contains("<p class=\"error\" role=\"alert\">Dit verzoek klopt niet. Ga terug en probeer het opnieuw.</p>"),
                    path + ": " + curl.body());
            PageHttp.Reply script = pages().send(pages().request(path).header("Accept", "application/json, text/html;q=0.5")
                    .header("Accept-Language", "nl").header("Origin", origin)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")));
            assertEquals("{\"code\":\"bad_request\",\"error\":\"Dit verzoek klopt niet. Ga terug en probeer het opnieuw.\"}", script.body(), path);
        }
        // a client that sends JSON still hears that its JSON was wrong
        PageHttp.Reply api = pages().send(pages().request("/api/conversations").header("Accept", "*/*")
                .header("Accept-Language", "nl").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{")));
        assertEquals(400, api.status());
        assertTrue(api.body().contains("JSON"), api.body());
    }

    /**
     * A page's form sent another way than the page sends it (as multipart, as JSON) is 415 in the page's words, also
     * to a client that accepts anything: "send this request as JSON" was wrong there, as the page refuses JSON too.
     * Only the JSON API, which takes JSON, asks for it.
     */
    @Test
    void aFormSentAnotherWayIsRefusedInAPagesWordsNotTheApis() {
        String origin = server.getURL().toString();
        String multipart = "--x\r\nContent-Disposition: form-data; name=\"flow\"\r\n\r\nvoorbeeld\r\n--x--\r\n";
        for (String path : List.of("/start", "/login", "/t/abc", "/r/abc", "/i/abc", "/c/abc/language", "/admin/teams")) {
            PageHttp.Reply curl = pages().send(pages().request(path).header("Accept", "*/*")
                    .header("Accept-Language", "nl").header("Origin", origin)
                    .header("Content-Type", "multipart/form-data; boundary=x").POST(HttpRequest.BodyPublishers.ofString(multipart)));
            assertEquals(415, curl.status(), path);
            assertTrue(curl.body().contains("<p class=\"error\" role=\"alert\">Dit verzoek klopt niet. Ga terug en probeer het opnieuw.</p>"),
                    path + ": " + curl.body());
        }
        PageHttp.Reply json = pages().send(pages().request("/start").header("Accept", "application/json")
                .header("Accept-Language", "en").header("Origin", origin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"flow\":\"voorbeeld\"}")));
        assertEquals(415, json.status());
        assertEquals("{\"code\":\"bad_request\",\"error\":\"This request is not right. Go back and try again.\"}", json.body(), "not: send it as JSON");
        PageHttp.Reply arabic = pages().send(pages().request("/start").header("Accept", PageHttp.HTML)
                .header("Accept-Language", "ar").header("Origin", origin)
                .header("Content-Type", "multipart/form-data; boundary=x").POST(HttpRequest.BodyPublishers.ofString(multipart)));
        assertEquals(415, arabic.status());
        assertTrue(arabic.body().contains("dir=\"rtl\"") && !arabic.body().contains("JSON"), arabic.body());
        // the APIs take JSON, and say so to whoever sends them a form
        for (String path : List.of("/api/conversations", "/intermediair/api/conversations/abc/answers")) {
            PageHttp.Reply api = pages().send(pages().request(path).header("Accept", "*/*")
                    .header("Accept-Language", "nl").header("Content-Type", "multipart/form-data; boundary=x")
                    .POST(HttpRequest.BodyPublishers.ofString(multipart)));
            assertEquals(415, api.status(), path);
            assertEquals("{\"code\":\"unsupported_media_type\",\"error\":\"Stuur dit verzoek als JSON.\"}", api.body(), path);
        }
    }

    /**
     * A start of a conversation the service does not (or no longer) offer, from an old page or a bookmark, is
     * 404 (as the API says it) and tells the person that the conversation they chose is not offered here, in their
     * language, on the start page with the conversations they can choose instead: "Dit gesprek bestaat niet" with
     * 422 said neither what was wrong nor what to do.
     */
    @Test
    void startingAConversationNotOfferedSaysSoOnTheStartPageInThePersonsLanguage() {
        Map<String, String> expected = Map.of(
                "nl", "Het gekozen gesprek wordt hier niet (meer) aangeboden. Kies hieronder een ander gesprek.",
                "en", "The conversation you chose is not (or no longer) offered here. Choose another conversation below.");
        for (String language : library.translations().languages().stream().map(l -> l.code()).toList()) {
            PageHttp.Reply reply = pages().post("/start", Map.of("flow", "bestaat-niet", "lang", language), null);
            assertEquals(404, reply.status(), language);
            String words = library.translations().message(language, "error.flow_not_found") + " "
                    + library.translations().message(language, "web.choose_another");
            assertTrue(reply.body().contains("<p class=\"error\" role=\"alert\">" + words + "</p>"), language + ": " + reply.body());
            assertTrue(reply.body().contains("value=\"werk-jij-diversiteitsproof\""), "the conversations to choose from");
            if (expected.containsKey(language)) {
                assertEquals(expected.get(language), words);
            }
        }
        JsonHttp.Reply api = new JsonHttp(server.getURL().toString())
                .post("/api/conversations", "{\"flow\":\"bestaat-niet\",\"language\":\"en\"}");
        assertEquals(404, api.status());
        assertEquals("The conversation you chose is not (or no longer) offered here.", api.json().get("error").asText());
    }

    /**
     * An example flow hidden by configuration is offered nowhere, and starting it anyway (an old page, a bookmark, a
     * script) is the same "not found" in the person's language as a flow that does not exist: the start form and the
     * API started it while no menu showed it.
     */
    @Test
    void aHiddenExampleFlowIsNotOfferedAndStartingItIsNotFoundAsAnUnknownFlow() {
        assertTrue(library.flow("voorbeeld").orElseThrow().demo(), "the example is there, only hidden");
        PageHttp.Reply web = pages().post("/start", Map.of("flow", "voorbeeld", "lang", "en"), null);
        assertEquals(404, web.status(), web.body());
        assertTrue(web.body().contains("<p class=\"error\" role=\"alert\">The conversation you chose is not (or no longer) "
                + "offered here. Choose another conversation below.</p>"), web.body());
        assertFalse(web.body().contains("value=\"voorbeeld\""), web.body());

        JsonHttp api = new JsonHttp(server.getURL().toString());
        JsonNode flows = api.get("/api/flows").json();
        List<String> ids = new java.util.ArrayList<>();
        flows.forEach(f -> ids.add(f.get("id").asText()));
        assertTrue(ids.contains("werk-jij-diversiteitsproof") && !ids.contains("voorbeeld"), ids.toString());
        JsonHttp.Reply started = api.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"en\"}");
        assertEquals(404, started.status(), started.body());
        assertEquals("The conversation you chose is not (or no longer) offered here.", started.json().get("error").asText());
    }

    @Test
    void theFaviconAndHashedStaticFilesAreServedForAYear() {
        PageHttp.Reply icon = pages().get("/favicon.ico", null);
        assertEquals(200, icon.status(), "no 401, no console error");
        assertEquals("image/png", icon.header("Content-Type"));
        String start = pages().get("/?lang=nl", null).body();
        Matcher css = Pattern.compile("href=\"(/assets/app\\.[0-9a-f]{10}\\.css)\"").matcher(start);
        assertTrue(css.find(), "the stylesheet's name carries its content's hash: " + start);
        PageHttp.Reply file = pages().get(css.group(1), null);
        assertEquals(200, file.status());
        assertEquals("public, max-age=31536000, immutable", file.header("Cache-Control"));
        assertTrue(file.body().contains(".answer-area"));
        assertTrue(start.contains("rel=\"icon\""));
    }

    @Test
    void theStartPageGroupsFlowsByWhoAnswersAndLeavesTheExampleOut() {
        String page = pages().get("/?lang=nl", null).body();
        int professionals = page.indexOf("Voor professionals");
        int residents = page.indexOf("Voor bewoners en cliënten");
        int teams = page.indexOf("Voor teams en gemeenten");
        assertTrue(professionals > 0 && professionals < residents && residents < teams, "groups in this order");
        int selfReflection = page.indexOf("value=\"werk-jij-diversiteitsproof\"");
        assertTrue(selfReflection > professionals && selfReflection < residents, "the self-reflection leads");
        assertTrue(page.indexOf("value=\"wijkanalyse\"") > residents && page.indexOf("value=\"topiclijst\"") > teams);
        assertFalse(page.contains("value=\"voorbeeld\""), "the example flow only when configured");
        assertTrue(page.contains("<a href=\"/?lang=ar\" lang=\"ar\" hreflang=\"ar\">العربية</a>"), "languages are links");
        assertTrue(page.contains("aria-current=\"page\">Nederlands</a>"));
    }

    @Test
    void theTranscriptRepeatsEveryAnswerTheWayTheChatDoes() {
        JsonHttp api = new JsonHttp(server.getURL().toString());
        String id = api.post("/api/conversations", "{\"flow\":\"wijkanalyse\",\"language\":\"nl\"}").json().get("id").asText();
        api.post("/api/conversations/" + id + "/answers", "{\"step\":\"welkom\",\"value\":null}");
        api.post("/api/conversations/" + id + "/answers", "{\"step\":\"toestemming\",\"value\":\"ja\"}");
        api.post("/api/conversations/" + id + "/answers", "{\"step\":\"kinderen_thuis\",\"value\":null}");
        JsonNode state = api.post("/api/conversations/" + id + "/answers", "{\"step\":\"weet_waar_hulp\",\"value\":\"4\"}").json();
        assertEquals("4 van 5", state.at("/echo/answer").asText(), "a scale point, as every echo says it");
        JsonNode transcript = api.get("/api/conversations/" + id + "/transcript").json();
        assertEquals(4, transcript.get("entries").size());
        assertTrue(transcript.at("/entries/0/answer").isNull(), "an info step has no answer");
        assertEquals("Ja", transcript.at("/entries/1/answer").asText());
        assertEquals("overgeslagen", transcript.at("/entries/2/answer").asText());
        assertTrue(transcript.at("/entries/2/skipped").asBoolean());
        assertEquals("4 van 5", transcript.at("/entries/3/answer").asText());
        assertEquals(404, api.get("/api/conversations/bestaat-niet/transcript").status());
    }

    @Test
    void aResultPdfOnlyForAFinishedConversation() {
        JsonHttp api = new JsonHttp(server.getURL().toString());
        String id = api.post("/api/conversations", "{\"flow\":\"wijkanalyse\",\"language\":\"nl\"}").json().get("id").asText();
        assertEquals(404, pages().get("/c/" + id + "/result.pdf", null).status());
    }

    @Inject
    nl.samenspraak.support.Respondents respondents;
    @Inject
    nl.samenspraak.storage.ConversationRepository repository;

    /**
     * A client that asks for the PDF by its type gets it, as a browser does: every result.pdf answered "Accept:
     * application/pdf" with 406, as if the address gave no PDF (the probe of December 2026). Where there is no PDF
     * (an id that is not there, an unfinished or a forgotten conversation) the reply is the page that says so,
     * labelled as the page it is, whatever the client asked for: not a page called a PDF.
     */
    @Test
    void aResultPdfAskedForByItsTypeIsThePdfAndItsNotFoundIsAPageToEveryClient() {
        PageHttp http = pages();
        java.util.function.Function<HttpRequest.Builder, HttpRequest.Builder> dutch = r -> r.header("Accept-Language", "nl");
        String id = respondents.finish("werk-jij-diversiteitsproof", "nl", nl.samenspraak.conversation.Origin.NONE, Map.of());
        FileAccepts.PDF.assertFile(http, "/c/" + id + "/result.pdf", dutch);
        // a client that does not take a PDF (q=0, or only a page) gets 406 and the page that says so, not the PDF
        FileAccepts.PDF.assertNotAcceptable(http, "/c/" + id + "/result.pdf", dutch, "Dit adres kan niet antwoorden in het formaat dat je vraagt.");

        String notFound = "Dit gesprek is niet gevonden.";
        FileAccepts.PDF.assertError(http, "/c/" + java.util.UUID.randomUUID() + "/result.pdf", dutch, 404, notFound);
        JsonHttp api = new JsonHttp(server.getURL().toString());
        JsonNode started = api.post("/api/conversations", "{\"flow\":\"wijkanalyse\",\"language\":\"nl\"}").json();
        FileAccepts.PDF.assertError(http, "/c/" + started.get("id").asText() + "/result.pdf", dutch, 404, notFound);
        // forgotten with the resident's own code: nothing of it is left to make a PDF of
        String code = repository.findById(id).orElseThrow().resumeCode();
        assertEquals(204, http.send(http.request("/api/resume/" + code).header("Origin", http.base()).DELETE()).status());
        FileAccepts.PDF.assertError(http, "/c/" + id + "/result.pdf", dutch, 404, notFound);
    }

    @Inject
    javax.sql.DataSource dataSource;

    /**
     * A result whose time has passed (a week after the conversation ended): its PDF says what its page says, 410 "the
     * result can no longer be opened" in the person's language, to every client; it said 404 "conversation not found",
     * as if it had never been there, while the page of the same conversation said it had closed.
     */
    @Test
    void theResultPdfOfAClosedResultSaysWhatItsPageSays() throws Exception {
        PageHttp http = pages();
        String id = respondents.finish("werk-jij-diversiteitsproof", "nl", nl.samenspraak.conversation.Origin.NONE, Map.of());
        closeResult(id);
        String closed = "Dit gesprek is afgerond. De uitkomst is niet meer te openen";
        PageHttp.Reply page = http.get("/c/" + id, null);
        assertEquals(410, page.status(), page.body());
        assertTrue(page.body().contains(closed), page.body());
        FileAccepts.PDF.assertError(http, "/c/" + id + "/result.pdf", r -> r.header("Accept-Language", "nl"), 410, closed);
        // the language asked for in the address (as the chat's PDF link names it) goes before the conversation's
        FileAccepts.PDF.assertError(http, "/c/" + id + "/result.pdf?lang=en", r -> r.header("Accept-Language", "nl"), 410,
                "This conversation is finished. Its result can no longer be opened");
    }

    /** Moves the conversation's end back eight days: past the week its result opens for. */
    private void closeResult(String id) throws java.sql.SQLException {
        try (java.sql.Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             java.sql.PreparedStatement past = c.prepareStatement(
                     "UPDATE conversation SET updated_at = updated_at - INTERVAL '8' DAY WHERE id = ?")) {
            past.setString(1, id);
            assertEquals(1, past.executeUpdate());
        }
    }

    /** How many of the conversation's answers the database holds. */
    private int answersOf(String id) throws java.sql.SQLException {
        try (java.sql.Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             java.sql.PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM answer WHERE conversation_id = ?")) {
            count.setString(1, id);
            try (java.sql.ResultSet r = count.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** The hidden fields and the address of the page's delete form of a closed result, as a browser would send them. */
    private static Map.Entry<String, Map<String, String>> forgetForm(String page) {
        Matcher form = Pattern.compile("<form class=\"forget-closed\" method=\"post\" action=\"([^\"]+)\">(.*?)</form>",
                Pattern.DOTALL).matcher(page);
        assertTrue(form.find(), "the page offers the deletion its words promise: " + page);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        Matcher field = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(form.group(2));
        while (field.find()) {
            fields.put(field.group(1), field.group(2));
        }
        return Map.entry(form.group(1), fields);
    }

    private static final String CLOSED_AR = "انتهت هذه المحادثة. لم يعد من الممكن فتح نتيجتها؛ لا يزال بإمكانك حذف المحادثة.";

    /**
     * A closed result's code says "you can still have the conversation deleted" (probe of December 2026: on a page with
     * nothing that deletes). The page offers it where the code was typed, as the page of a held conversation does; it
     * deletes the conversation with its answers and ends on the usual "deleted" page, in the person's language.
     */
    @Test
    void aClosedResultsCodeOffersTheDeletionItsWordsPromise() throws Exception {
        PageHttp http = pages();
        String id = respondents.finish("werk-jij-diversiteitsproof", "ar", nl.samenspraak.conversation.Origin.NONE, Map.of());
        String code = repository.findById(id).orElseThrow().resumeCode();
        closeResult(id);
        assertTrue(answersOf(id) > 0);

        PageHttp.Reply page = http.get("/resume?code=" + code + "&lang=ar", null);
        assertEquals(410, page.status(), page.body());
        assertTrue(page.body().contains(CLOSED_AR), page.body());
        Map.Entry<String, Map<String, String>> forget = forgetForm(page.body());
        assertEquals("/resume/delete", forget.getKey());
        assertEquals(code, forget.getValue().get("code"));
        assertTrue(page.body().contains("تُحذف هذه المحادثة وجميع إجاباتك فورًا ونهائيًا.") && page.body().contains("احذف إجاباتي"),
                "what it does, then the button, in Arabic: " + page.body());
        assertEquals(403, http.post(forget.getKey(), forget.getValue(), null, FROM_ELSEWHERE).status(),
                "the form from another site's page");
        assertTrue(repository.findById(id).isPresent());

        PageHttp.Reply deleted = http.post(forget.getKey(), forget.getValue(), null);
        assertEquals(303, deleted.status(), deleted.body());
        PageHttp.Reply done = http.get(deleted.location(), null);
        assertEquals(200, done.status());
        assertTrue(done.body().contains("تم حذف إجاباتك"), done.body());

        assertEquals(0, answersOf(id), "the answers are gone from the database");
        assertTrue(repository.findById(id).isEmpty());
        assertEquals(404, http.get("/resume?code=" + code + "&lang=ar", null).status());
        assertEquals(404, http.get("/c/" + id, null).status());
    }

    /**
     * The same promise on the closed result's own link: the id opened it, and the id deletes it (as the chat's menu and
     * {@code DELETE /api/conversations/{id}} do), by a form on the page that says it closed.
     */
    @Test
    void aClosedResultsLinkOffersTheDeletionItsWordsPromise() throws Exception {
        PageHttp http = pages();
        String id = respondents.finish("werk-jij-diversiteitsproof", "ar", nl.samenspraak.conversation.Origin.NONE, Map.of());
        closeResult(id);

        PageHttp.Reply page = http.get("/c/" + id, null);
        assertEquals(410, page.status(), page.body());
        Map.Entry<String, Map<String, String>> forget = forgetForm(page.body());
        assertEquals("/c/" + id + "/delete", forget.getKey());
        assertFalse(forget.getValue().containsKey("code"));

        // the same form sent from another site's page (which may guess ids or codes on its visitors' addresses, each
        // with a share of the limit of its own): refused, nothing deleted (the audit of December 2026)
        PageHttp.Reply forged = http.post(forget.getKey(), forget.getValue(), null, FROM_ELSEWHERE);
        assertEquals(403, forged.status(), forged.body());
        assertTrue(repository.findById(id).isPresent(), "a form from another site deleted the conversation");

        PageHttp.Reply deleted = http.post(forget.getKey(), forget.getValue(), null);
        assertEquals(303, deleted.status(), deleted.body());
        assertTrue(http.get(deleted.location(), null).body().contains("تم حذف إجاباتك"));
        assertEquals(0, answersOf(id));
        assertTrue(repository.findById(id).isEmpty());
        assertEquals(404, new JsonHttp(server.getURL().toString()).get("/api/conversations/" + id).status());
        // a second tap, or an id that is not there: "not found" in the person's language, never an error
        PageHttp.Reply again = http.post(forget.getKey(), forget.getValue(), null);
        assertEquals(404, again.status());
        assertTrue(again.body().contains("لم يتم العثور على هذه المحادثة"), again.body());
        assertEquals(404, http.post("/c/bestaat-niet/delete", PageHttp.form("lang", "ar"), null).status());
    }

    /**
     * A resident's closed result says so in their flow's polite register, on its link's page, by its code and in the
     * API: the shared Arabic said "بإمكانك" (the singular "you") to a resident every other text addresses in the plural.
     */
    @Test
    void aResidentsClosedResultIsSaidPolitely() throws Exception {
        PageHttp http = pages();
        String id = respondents.finish("wijkanalyse", "ar", nl.samenspraak.conversation.Origin.NONE, Map.of());
        String code = repository.findById(id).orElseThrow().resumeCode();
        closeResult(id);
        String polite = "لا يزال بإمكانكم حذف المحادثة.";
        PageHttp.Reply page = http.get("/c/" + id, null);
        assertEquals(410, page.status(), page.body());
        assertTrue(page.body().contains(polite) && !page.body().contains(CLOSED_AR), page.body());
        PageHttp.Reply byCode = http.get("/resume?code=" + code + "&lang=ar", null);
        assertEquals(410, byCode.status(), byCode.body());
        assertTrue(byCode.body().contains(polite) && !byCode.body().contains(CLOSED_AR), byCode.body());
        JsonHttp.Reply api = new JsonHttp(server.getURL().toString()).get("/api/conversations/" + id, "nl");
        assertEquals(410, api.status(), api.body());
        assertTrue(api.json().get("error").asText().endsWith(polite), api.body());
    }

    /**
     * A form sent from another site's page, as a browser says so (the framework's own guard refuses another Origin to
     * a service addressed as localhost, as the tests' is, before the service's check would be reached).
     */
    private static final Map<String, String> FROM_ELSEWHERE = Map.of("Sec-Fetch-Site", "cross-site", "Referer", "https://elders.example/");

    /**
     * A closed result is said in its conversation's language, on its page, its PDF and in the API, whatever the
     * browser says: an Arabic conversation on a phone set to Dutch was told so in Dutch. An id that is not there is
     * said in the language its address asks for.
     */
    @Test
    void aClosedResultIsSaidInItsConversationsLanguage() throws Exception {
        PageHttp http = pages();
        String id = respondents.finish("werk-jij-diversiteitsproof", "ar", nl.samenspraak.conversation.Origin.NONE, Map.of());
        closeResult(id);
        PageHttp.Reply page = http.send(http.request("/c/" + id).header("Accept-Language", "nl").GET());
        assertEquals(410, page.status(), page.body());
        assertTrue(page.body().contains(CLOSED_AR) && page.body().contains("<html lang=\"ar\" dir=\"rtl\">"), page.body());
        FileAccepts.PDF.assertError(http, "/c/" + id + "/result.pdf", r -> r.header("Accept-Language", "nl"), 410, CLOSED_AR);
        JsonHttp.Reply api = new JsonHttp(server.getURL().toString()).get("/api/conversations/" + id, "nl");
        assertEquals(410, api.status(), api.body());
        assertEquals(CLOSED_AR, api.json().get("error").asText());
        // by its code too: the API's resume answered in the client's language
        String code = repository.findById(id).orElseThrow().resumeCode();
        JsonHttp.Reply byCode = new JsonHttp(server.getURL().toString()).get("/api/resume/" + code, "nl");
        assertEquals(410, byCode.status(), byCode.body());
        assertEquals(CLOSED_AR, byCode.json().get("error").asText());
        // and the start page's look-up by code, asked without a language (a bookmark, a typed address)
        PageHttp.Reply resumed = http.send(http.request("/resume?code=" + code).header("Accept-Language", "nl").GET());
        assertEquals(410, resumed.status(), resumed.body());
        assertTrue(resumed.body().contains("<html lang=\"ar\" dir=\"rtl\">"), resumed.body());

        PageHttp.Reply unknown = http.get("/c/" + java.util.UUID.randomUUID() + "?lang=ar", null);
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("لم يتم العثور على هذه المحادثة"), unknown.body());
    }
}
