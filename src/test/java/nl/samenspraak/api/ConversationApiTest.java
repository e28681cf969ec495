package nl.samenspraak.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static nl.samenspraak.support.JsonHttp.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API as a client uses it, walking the example flow. */
@SharedService
class ConversationApiTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AnswerRepository answers;
    @Inject
    ConversationRepository conversations;
    @Inject
    nl.samenspraak.flow.FlowLibrary library;

    JsonHttp http;

    @BeforeEach
    void client() {
        http = new JsonHttp(server.getURL().toString());
    }

    private JsonNode start(String language) {
        JsonHttp.Reply r = http.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"" + language + "\"}");
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private JsonHttp.Reply answer(String id, String step, String valueJson) {
        return http.post("/api/conversations/" + id + "/answers", "{\"step\":\"" + step + "\",\"value\":" + valueJson + "}");
    }

    private JsonNode ok(JsonHttp.Reply r) {
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void listsFlowsWithTitlesInTheAskedLanguage() {
        JsonNode flows = http.get("/api/flows?lang=en").json();
        JsonNode example = find(flows, "voorbeeld");
        assertEquals("Example", example.get("title").asText());
        assertEquals("professional", example.get("audience").asText());
        assertEquals(List.of("nl", "en"), texts(example.get("languages")));
        assertEquals("Voorbeeld", find(http.get("/api/flows?lang=nl").json(), "voorbeeld").get("title").asText());
        assertEquals("Voorbeeld", find(http.get("/api/flows").json(), "voorbeeld").get("title").asText(), "Dutch by default");
        assertEquals("Voorbeeld", find(http.get("/api/flows?lang=xx").json(), "voorbeeld").get("title").asText());
    }

    /** Without {@code lang} the list is in the client's language where a flow has it, as every reply of the API. */
    @Test
    void listsFlowsInTheBrowsersLanguageWhenNoneIsAsked() {
        for (String path : List.of("/api/flows", "/api/flows?lang=zz")) {
            JsonNode flows = http.get(path, "en-GB,en;q=0.9").json();
            assertEquals("Example", find(flows, "voorbeeld").get("title").asText(), path);
        }
        assertEquals("Voorbeeld", find(http.get("/api/flows", "ar").json(), "voorbeeld").get("title").asText(),
                "a flow without that language: Dutch");
        assertEquals("Example", find(http.get("/api/flows?lang=en", "nl").json(), "voorbeeld").get("title").asText());
        assertEquals("Voorbeeld", find(http.get("/api/flows").json(), "voorbeeld").get("title").asText());
    }

    @Test
    void listsTheFourSeedFlowsInFiveLanguages() {
        JsonNode flows = http.get("/api/flows?lang=tr").json();
        for (String id : List.of("werk-jij-diversiteitsproof", "cultureel-interview", "topiclijst", "wijkanalyse")) {
            JsonNode flow = find(flows, id);
            assertEquals(List.of("nl", "en", "tr", "ar", "pl"), texts(flow.get("languages")), id);
            assertFalse(flow.get("title").asText().isBlank(), id);
        }
        assertEquals("Çalışmanız çeşitliliğe uygun mu?", find(flows, "werk-jij-diversiteitsproof").get("title").asText(),
                "titles in the asked language");
    }

    @Test
    void startingAnUnknownFlowOrLanguageIsRefusedClearly() {
        JsonHttp.Reply unknown = http.post("/api/conversations", "{\"flow\":\"bestaat-niet\",\"language\":\"nl\"}");
        assertEquals(404, unknown.status());
        assertEquals("Het gekozen gesprek wordt hier niet (meer) aangeboden.", unknown.json().get("error").asText());

        JsonHttp.Reply turkish = http.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"tr\"}");
        assertEquals(422, turkish.status());
        String error = turkish.json().get("error").asText();
        assertTrue(error.contains("Nederlands (nl)") && error.contains("English (en)"), error);
    }

    /** A start says where the new conversation is, as a 201 does, and that address gives it back. */
    @Test
    void aStartSaysWhereTheConversationIs() throws Exception {
        java.net.http.HttpResponse<String> started = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/api/conversations"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"flow\":\"voorbeeld\",\"language\":\"nl\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, started.statusCode(), started.body());
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body()).get("id").asText();
        String location = started.headers().firstValue("Location").orElseThrow();
        assertEquals("/api/conversations/" + id, location);
        assertEquals(id, ok(http.get(location)).get("id").asText());
    }

    /**
     * Every refusal says the language its message is in (Content-Language), as the framework's own refusals did: a
     * client marks the message with it, and sets an Arabic one right to left. The use case's refusals (422, 409) and
     * the controllers' own (404, 410, 429) said none.
     */
    @Test
    void everyRefusalSaysTheLanguageOfItsMessage() {
        String id = start("en").get("id").asText();
        assertEquals("en", answer(id, "ervaring_jaren", "3").language(), "409, in the conversation's language");
        answer(id, "welkom", "null");
        JsonHttp.Reply invalid = answer(id, "rol", quote("astronaut"));
        assertEquals(422, invalid.status());
        assertEquals("en", invalid.language(), invalid.body());
        JsonHttp.Reply missing = http.get("/api/conversations/0190b7a0-0000-7000-8000-000000000000", "ar");
        assertEquals(404, missing.status());
        assertEquals("ar", missing.language(), "no conversation: in the client's language");
        JsonHttp.Reply unknown = http.post("/api/conversations", "{\"flow\":\"bestaat-niet\",\"language\":\"tr\"}", "tr");
        assertEquals(404, unknown.status());
        assertEquals("tr", unknown.language());
        assertEquals("pl", http.get("/api/resume/ZZZZ2222", "pl").language(), "no such code");
    }

    /**
     * Every refusal carries a code a program can act on, the same in every language: a 409 meant "not the current
     * step", "finished" or "being stored", told apart only by a translated sentence (the API probe of December 2026).
     */
    @Test
    void everyRefusalSaysWhatHappenedAsACode() {
        assertEquals("unknown_flow", http.post("/api/conversations", "{\"flow\":\"bestaat-niet\",\"language\":\"nl\"}").json().get("code").asText());
        assertEquals("unknown_language", http.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"tr\"}").json().get("code").asText());
        JsonNode s = start("en");
        String id = s.get("id").asText();
        JsonHttp.Reply notCurrent = answer(id, "ervaring_jaren", "3");
        assertEquals(409, notCurrent.status());
        assertEquals("not_current", notCurrent.json().get("code").asText(), notCurrent.body());
        assertEquals("welkom", notCurrent.json().at("/state/step/id").asText(), "with the state to go on from");
        JsonHttp.Reply malformed = http.post("/api/conversations/" + id + "/answers", "{\"step\":");
        assertEquals(400, malformed.status());
        assertEquals("bad_request", malformed.json().get("code").asText(), malformed.body());
        // a key twice: which answer was meant is not for the service to guess (a proxy reading the first saw another)
        JsonHttp.Reply twice = http.post("/api/conversations/" + id + "/answers", "{\"step\":\"welkom\",\"value\":null,\"value\":1}");
        assertEquals(400, twice.status(), twice.body());
        assertEquals("bad_request", twice.json().get("code").asText(), twice.body());
        assertEquals("welkom", http.get("/api/conversations/" + id).json().at("/step/id").asText(), "nothing answered");
        JsonHttp.Reply missing = http.get("/api/conversations/0190b7a0-0000-7000-8000-000000000000");
        assertEquals(404, missing.status());
        assertEquals("conversation_not_found", missing.json().get("code").asText(), missing.body());
        assertEquals("resume_not_found", http.get("/api/resume/ZZZZ2222").json().get("code").asText());
    }

    @Test
    void walksTheWholeFlowInEnglishToTipsAndScores() {
        JsonNode s = start("en");
        String id = s.get("id").asText();
        assertEquals("welkom", s.at("/step/id").asText());
        assertTrue(s.at("/step/text").asText().startsWith("Welcome!"));
        assertEquals("ltr", s.get("direction").asText());

        List<String> fields = new ArrayList<>();
        s.at("/step").fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "type", "text", "options", "min", "max", "optional", "previous", "minLabel", "maxLabel"),
                fields, "the step has exactly the documented fields");
        List<String> top = new ArrayList<>();
        s.fieldNames().forEachRemaining(top::add);
        assertEquals(List.of("id", "flow", "language", "direction", "resumeCode", "done", "step", "progress", "result", "echo",
                "version"), top);
        assertEquals(library.flow("voorbeeld").orElseThrow().version(), s.get("version").asText(),
                "the version of the flow the step is shown as, to send back with the answer");

        s = ok(answer(id, "welkom", "null"));
        assertEquals("choice", s.at("/step/type").asText());
        assertEquals("Volunteer", s.at("/step/options/2/label").asText());

        s = ok(answer(id, "rol", "\"vrijwilliger\""));
        assertEquals("number", s.at("/step/type").asText());
        assertEquals(0, s.at("/step/min").asInt());
        assertEquals(60, s.at("/step/max").asInt());

        JsonHttp.Reply invalid = answer(id, "ervaring_jaren", "99");
        assertEquals(422, invalid.status());
        assertEquals("Enter a number from 0 to 60.", invalid.json().get("error").asText());
        assertEquals("ervaring_jaren", invalid.json().at("/state/step/id").asText());

        s = ok(answer(id, "ervaring_jaren", "\"12\""));
        s = ok(answer(id, "talen", "[\"turks\",\"nederlands\"]"));
        s = ok(answer(id, "tolk", "\"nee\""));
        assertEquals("houding", s.at("/step/id").asText(), "no interpreter: the interpreter question is skipped");
        assertEquals(List.of("1", "2", "3", "4", "5", "weet-niet"), values(s.at("/step/options")));
        assertEquals("1", s.at("/step/options/0/label").asText(), "a scale point is its number");
        assertEquals("never", s.at("/step/minLabel").asText(), "the ends' meanings are fields of their own");
        assertEquals("always", s.at("/step/maxLabel").asText());
        assertEquals("I don't know", s.at("/step/options/5/label").asText());
        assertTrue(s.at("/step/options/5/dontKnow").asBoolean());

        s = ok(answer(id, "houding", "2"));
        s = ok(answer(id, "kennis", "\"weinig\""));
        s = ok(answer(id, "laatste_gesprek", "null"));
        assertEquals("Finally, as Volunteer: is there anything else you would like to say?", s.at("/step/text").asText());
        assertEquals(7, s.at("/progress/answered").asInt());
        assertEquals(8, s.at("/progress/total").asInt());

        s = ok(answer(id, "opmerking", quote("<b>Dank</b> & tot ziens")));
        assertTrue(s.get("done").asBoolean());
        assertTrue(s.get("step").isNull());
        JsonNode result = s.get("result");
        assertEquals(0, result.at("/scores/kennis/value").asInt());
        assertEquals(25, result.at("/scores/houding/value").asInt());
        assertEquals("Knowledge", result.at("/scores/kennis/name").asText());
        assertEquals(List.of("kennis_opbouwen", "doorvragen"), ids(result.get("tips")));
        JsonNode tip = result.at("/tips/0");
        assertEquals("Get to know the families in your neighbourhood", tip.get("title").asText());
        assertEquals("Your score for Knowledge is 0 out of 100. You answered \"Little\" to \"How much do you know about "
                + "the migration history of the families in your neighbourhood?\".", tip.get("why").asText(),
                "a score tip quotes the answer that pulled the score down");
        assertTrue(tip.get("source").asText().startsWith("FORUM (2014)"), tip.get("source").asText());
        assertTrue(result.get("html").asText().contains("Get to know the families in your neighbourhood"));

        assertEquals(8, answers.findByConversationId(id).size(), "eight questions answered (one skipped); the info step is not stored");
    }

    /**
     * The echo of an answer reads as the option's label does ("I don't know"; it read "I don&#39;t know" in the JSON),
     * and what a person typed stays HTML-safe: the web chat of the same conversation shows "<b>" as text, not as markup.
     */
    @Test
    void theEchoReadsAsTheLabelAndTypedMarkupStaysText() {
        String id = start("en").get("id").asText();
        ok(answer(id, "welkom", "null"));
        ok(answer(id, "rol", "\"vrijwilliger\""));
        ok(answer(id, "ervaring_jaren", "12"));
        ok(answer(id, "talen", "[\"arabisch\"]"));
        ok(answer(id, "tolk", "\"ja\""));
        JsonNode s = ok(answer(id, "tolk_taal", quote("<b>Tarifit</b> & it's \"fine\"")));
        assertEquals("&lt;b&gt;Tarifit&lt;/b&gt; &amp; it's \"fine\"", s.at("/echo/answer").asText(),
                "typed markup HTML-safe, an apostrophe and quotes as typed");
        String label = s.at("/step/options/5/label").asText();
        assertEquals("I don't know", label);
        s = ok(answer(id, "houding", "\"weet-niet\""));
        assertEquals(label, s.at("/echo/answer").asText(), "the echo of the answer is the label the person tapped");
        JsonNode transcript = http.get("/api/conversations/" + id + "/transcript").json();
        assertTrue(texts(transcript.get("entries"), "answer").contains(label), transcript.toString());

        PageHttp.Reply page = new PageHttp(server.getURL().toString()).get("/c/" + id, null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("&lt;b&gt;Tarifit&lt;/b&gt; &amp; it's"), "the web chat shows what was typed as text");
        assertFalse(page.body().contains("<b>Tarifit"), "and never as markup");
        assertTrue(page.body().contains(">" + label + "<"), "the tapped label repeated as it reads");
    }

    private static List<String> texts(JsonNode entries, String field) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.get(field).asText()));
        return out;
    }

    @Test
    void whyQuotesTheAnswerThatLedToATip() {
        String id = start("nl").get("id").asText();
        ok(answer(id, "welkom", "null"));
        ok(answer(id, "rol", "\"professional\""));
        ok(answer(id, "ervaring_jaren", "3"));
        ok(answer(id, "talen", "[\"arabisch\"]"));
        JsonNode s = ok(answer(id, "tolk", "\"ja\""));
        assertEquals("tolk_taal", s.at("/step/id").asText());
        ok(answer(id, "tolk_taal", quote("Tarifit")));
        ok(answer(id, "houding", "5"));
        ok(answer(id, "kennis", "\"veel\""));
        ok(answer(id, "laatste_gesprek", "\"2024-03-01\""));
        JsonNode result = ok(answer(id, "opmerking", "null")).get("result");
        assertEquals(List.of("tolk_regelen"), ids(result.get("tips")));
        assertEquals("Je antwoordde \"Ja\" op \"Heb je het afgelopen jaar een tolk nodig gehad?\".",
                result.at("/tips/0/why").asText());
    }

    /**
     * A list typed as one text ("Nederlands, Turks") for a question with several answers, as a client passes on what a
     * person typed: each part an option (it was refused as one unknown answer). A part that names none is a 422 naming
     * it, and nothing is stored.
     */
    @Test
    void aTypedListAnswersAQuestionWithSeveralAnswers() {
        String id = start("nl").get("id").asText();
        ok(answer(id, "welkom", "null"));
        ok(answer(id, "rol", "\"professional\""));
        ok(answer(id, "ervaring_jaren", "3"));
        JsonHttp.Reply unknown = answer(id, "talen", quote("Nederlands; Frans"));
        assertEquals(422, unknown.status());
        assertTrue(unknown.json().get("error").asText().startsWith("\"Frans\" staat niet tussen de antwoorden"), unknown.json().toString());
        assertEquals("talen", unknown.json().at("/state/step/id").asText());
        assertEquals(2, answers.findByConversationId(id).size(), "nothing of the list stored");
        JsonNode s = ok(answer(id, "talen", quote("Nederlands, Turks")));
        assertEquals("tolk", s.at("/step/id").asText());
        assertEquals("[\"nederlands\",\"turks\"]", answers.findByConversationId(id).stream()
                .filter(a -> a.stepId().equals("talen")).findFirst().orElseThrow().answerValue().replace(" ", ""));
    }

    @Test
    void anInvalidAnswerKeepsTheQuestionAndStoresNothing() {
        String id = start("nl").get("id").asText();
        ok(answer(id, "welkom", "null"));
        JsonHttp.Reply r = answer(id, "rol", "\"directeur\"");
        assertEquals(422, r.status());
        assertEquals("Kies een van de antwoorden hieronder.", r.json().get("error").asText());
        assertEquals("rol", r.json().at("/state/step/id").asText());
        assertEquals(0, answers.findByConversationId(id).size());

        JsonHttp.Reply object = answer(id, "rol", "{\"a\":1}");
        assertEquals(422, object.status(), "a value of the wrong type is an invalid answer, not a crash");
    }

    @Test
    void aDoubleTapRecordsOnce() {
        String id = start("nl").get("id").asText();
        ok(answer(id, "welkom", "null"));
        JsonNode first = ok(answer(id, "rol", "\"intermediair\""));
        JsonNode again = ok(answer(id, "rol", "\"intermediair\""));
        assertEquals(first.at("/step/id").asText(), again.at("/step/id").asText());
        assertEquals("ervaring_jaren", again.at("/step/id").asText());
        assertEquals(1, answers.findByConversationId(id).size());
    }

    @Test
    void anAnswerToAnotherStepIsAConflict() {
        String id = start("nl").get("id").asText();
        ok(answer(id, "welkom", "null"));
        ok(answer(id, "rol", "\"intermediair\""));
        JsonHttp.Reply changed = answer(id, "rol", "\"vrijwilliger\"");
        assertEquals(409, changed.status());
        assertEquals("ervaring_jaren", changed.json().at("/state/step/id").asText());
        assertFalse(changed.json().get("error").asText().isBlank());
        JsonHttp.Reply ahead = answer(id, "kennis", "\"veel\"");
        assertEquals(409, ahead.status());
    }

    @Test
    void backShowsTheEarlierAnswerAndAChangedAnswerTakesTheOtherWay() {
        String id = start("nl").get("id").asText();
        ok(answer(id, "welkom", "null"));
        ok(answer(id, "rol", "\"professional\""));
        ok(answer(id, "ervaring_jaren", "4"));
        ok(answer(id, "talen", "[\"pools\"]"));
        ok(answer(id, "tolk", "\"ja\""));
        JsonNode back = ok(http.post("/api/conversations/" + id + "/back", ""));
        assertEquals("tolk", back.at("/step/id").asText());
        assertEquals("ja", back.at("/step/previous").asText());
        JsonNode s = ok(answer(id, "tolk", "\"nee\""));
        assertEquals("houding", s.at("/step/id").asText());

        JsonNode resumed = ok(http.get("/api/conversations/" + id));
        assertEquals("houding", resumed.at("/step/id").asText());
        assertEquals(4, resumed.at("/progress/answered").asInt());
    }

    /**
     * "Vorige" sent again after its reply was lost (a phone's connection dropped as it came): named from the question
     * the client showed, the second goes nowhere and says the question is no longer asked, with the one that is; without
     * a name it went back a second time, past a question the person never saw again. Without a body, as before.
     */
    @Test
    void aStepBackSentAgainFromTheSameQuestionGoesBackOnce() {
        String id = start("nl").get("id").asText();
        ok(answer(id, "welkom", "null"));
        ok(answer(id, "rol", "\"professional\""));
        ok(answer(id, "ervaring_jaren", "4"));
        JsonNode back = ok(http.post("/api/conversations/" + id + "/back", "{\"from\":\"talen\"}"));
        assertEquals("ervaring_jaren", back.at("/step/id").asText());
        JsonHttp.Reply again = http.post("/api/conversations/" + id + "/back", "{\"from\":\"talen\"}");
        assertEquals(409, again.status());
        assertEquals("not_current", again.json().get("code").asText());
        assertEquals("ervaring_jaren", again.json().at("/state/step/id").asText());
        assertEquals("4", again.json().at("/state/step/previous").asText());
        assertEquals("ervaring_jaren", ok(http.get("/api/conversations/" + id)).at("/step/id").asText());
        // without a body: one step back from wherever it is
        assertEquals("rol", ok(http.post("/api/conversations/" + id + "/back", "")).at("/step/id").asText());
        // a name longer than any step's: refused, nothing changed
        JsonHttp.Reply tooLong = http.post("/api/conversations/" + id + "/back", "{\"from\":\"" + "x".repeat(101) + "\"}");
        assertTrue(tooLong.status() >= 400 && tooLong.status() < 500, "a from of 101 characters: " + tooLong.status());
        assertEquals("rol", ok(http.get("/api/conversations/" + id)).at("/step/id").asText());
    }

    @Test
    void resumesByCodeTypedLoosely() {
        JsonNode s = start("en");
        String code = s.get("resumeCode").asText();
        assertTrue(code.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}"), code);
        JsonNode resumed = ok(http.get("/api/resume/" + code.substring(0, 4).toLowerCase() + "-" + code.substring(4)));
        assertEquals(s.get("id").asText(), resumed.get("id").asText());
        JsonHttp.Reply unknown = http.get("/api/resume/AAAA2222", "en");
        assertEquals(404, unknown.status());
        assertEquals("No conversation was found with this code. Please check the code.", unknown.json().get("error").asText());
    }

    /**
     * A code and a date as a phone or a copy makes them: a non-breaking hyphen (U+2011) or a full-width code, dates
     * and numbers in Arabic-Indic digits between the isolates and marks of an Arabic text, full-width digits. Each was
     * "not found" or "not a date"; the rules are the engine's and storage's, so the API reads them as the bot does.
     */
    @Test
    void codesDatesAndNumbersAreReadAsThePersonMeantThem() {
        JsonNode s = start("nl");
        String id = s.get("id").asText();
        String code = s.get("resumeCode").asText();
        String nonBreaking = code.substring(0, 4) + "\u2011" + code.substring(4);
        assertEquals(id, ok(http.get("/api/resume/" + java.net.URLEncoder.encode(nonBreaking, java.nio.charset.StandardCharsets.UTF_8)))
                .get("id").asText(), "a non-breaking hyphen");
        StringBuilder fullWidth = new StringBuilder();
        code.chars().forEach(c -> fullWidth.append((char) (c - 0x21 + 0xFF01)));
        assertEquals(id, ok(http.get("/api/resume/" + java.net.URLEncoder.encode("\u2066" + fullWidth + "\u2069",
                java.nio.charset.StandardCharsets.UTF_8))).get("id").asText(), "full-width, in an isolate");

        ok(answer(id, "welkom", "null"));
        ok(answer(id, "rol", "\"professional\""));
        assertEquals("talen", ok(answer(id, "ervaring_jaren", quote("\u2067\u0661\u0662\u2069"))).at("/step/id").asText());
        assertEquals(12, answers.findByConversationId(id).stream().filter(a -> a.stepId().equals("ervaring_jaren"))
                .findFirst().map(a -> Integer.parseInt(a.answerValue())).orElseThrow());
        ok(answer(id, "talen", "[\"turks\"]"));
        ok(answer(id, "tolk", "\"nee\""));
        ok(answer(id, "houding", "2"));
        ok(answer(id, "kennis", "\"weinig\""));
        assertEquals("opmerking", ok(answer(id, "laatste_gesprek", quote("\u2067\u0661\u2011\u0663\u2011\u0662\u0660\u0662\u0664\u2069")))
                .at("/step/id").asText(), "a date in Arabic-Indic digits, non-breaking hyphens, in an isolate");
        assertEquals("\"2024-03-01\"", answers.findByConversationId(id).stream().filter(a -> a.stepId().equals("laatste_gesprek"))
                .findFirst().orElseThrow().answerValue());
    }

    @Test
    void deletingLeavesNothingBehind() {
        String id = start("nl").get("id").asText();
        ok(answer(id, "welkom", "null"));
        ok(answer(id, "rol", "\"professional\""));
        assertEquals(204, http.delete("/api/conversations/" + id).status());
        assertEquals(404, http.get("/api/conversations/" + id).status());
        assertEquals(404, http.delete("/api/conversations/" + id).status());
        assertEquals(0, answers.findByConversationId(id).size());
        assertFalse(conversations.existsById(id));
    }

    /**
     * Two deletions of one conversation at the same moment (two taps, two tabs, a retry): one is told "deleted",
     * the other "not found". Both were told 204 before, the second for a deletion it did not do.
     */
    @Test
    void twoDeletionsAtOnceDeleteOnceAndSaySo() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                JsonNode s = start("nl");
                String id = s.get("id").asText();
                ok(answer(id, "welkom", "null"));
                String path = round % 2 == 0 ? "/api/resume/" + s.get("resumeCode").asText() : "/api/conversations/" + id;
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Callable<Integer> delete = () -> {
                    together.await();
                    return http.delete(path).status();
                };
                List<Integer> statuses = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<Integer> f : two.invokeAll(List.of(delete, delete))) {
                    statuses.add(f.get());
                }
                java.util.Collections.sort(statuses);
                assertEquals(List.of(204, 404), statuses, path);
                assertFalse(conversations.existsById(id));
            }
        } finally {
            two.shutdownNow();
        }
    }

    /**
     * "Ja" and "nee" to consent sent at the same moment (two taps, two tabs): one of them is taken, and what each is
     * told is true. Both were told 200 now and then: the "ja" its next question, the "nee" that nothing was kept, and
     * the conversation the "ja" was told goes on was deleted (404 on its next answer).
     */
    @Test
    void yesAndNoToConsentAtOnceTellEachTheTruth() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                JsonHttp.Reply started = http.post("/api/conversations", "{\"flow\":\"wijkanalyse\",\"language\":\"nl\"}");
                assertEquals(201, started.status(), started.body());
                String id = started.json().get("id").asText();
                ok(answer(id, "welkom", "null"));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Callable<Integer>> both = new java.util.ArrayList<>();
                for (String value : round % 2 == 0 ? List.of("ja", "nee") : List.of("nee", "ja")) {
                    both.add(() -> {
                        together.await();
                        return answer(id, "toestemming", "\"" + value + "\"").status();
                    });
                }
                List<java.util.concurrent.Future<Integer>> replies = two.invokeAll(both);
                int yes = replies.get(round % 2 == 0 ? 0 : 1).get();
                int no = replies.get(round % 2 == 0 ? 1 : 0).get();
                assertFalse(yes == 200 && no == 200, "round " + round + ": both told they were taken");
                if (yes == 200) {
                    assertTrue(conversations.existsById(id), "the \"ja\" was told the conversation goes on");
                    assertEquals(409, no, "the \"nee\" came after the \"ja\"");
                } else {
                    assertEquals(200, no);
                    assertFalse(conversations.existsById(id), "\"nee\": nothing kept");
                    assertEquals(404, yes);
                }
            }
        } finally {
            two.shutdownNow();
        }
    }

    /**
     * A conversation that is not (or no longer) there is said in the client's language on every route that names it,
     * as reading it already was: until the probe of the public surface, answering, going back and deleting said it in
     * Dutch whatever the Accept-Language.
     */
    @Test
    void aMissingConversationIsSaidInTheClientsLanguageOnEveryRoute() {
        String id = start("nl").get("id").asText();
        assertEquals(204, http.delete("/api/conversations/" + id).status());
        PageHttp pages = new PageHttp(server.getURL().toString());
        java.util.Map<String, java.net.http.HttpRequest.Builder> routes = new java.util.LinkedHashMap<>();
        for (String missing : List.of(id, "nope")) {
            String at = "/api/conversations/" + missing;
            routes.put("GET " + at, pages.request(at).GET());
            routes.put("POST " + at + "/answers", pages.request(at + "/answers").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"step\":\"welkom\",\"value\":null}")));
            routes.put("POST " + at + "/back", pages.request(at + "/back").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            routes.put("DELETE " + at, pages.request(at).DELETE());
        }
        routes.forEach((route, request) -> {
            PageHttp.Reply r = pages.send(request.header("Accept", "application/json").header("Accept-Language", "tr"));
            assertEquals(404, r.status(), route);
            assertEquals("Bu görüşme bulunamadı. Silinmiş olabilir.",
                    new JsonHttp.Reply(r.status(), r.body()).json().get("error").asText(), route);
        });
    }

    /**
     * A start's refusal is said in the client's language when the language asked for is not one the service speaks
     * (or none is asked): "de", a missing language and an unknown flow were refused in Dutch to an English client. A
     * start without a language is in the client's language when the flow speaks it, else in the flow's first.
     */
    @Test
    void aStartIsRefusedInTheClientsLanguageAndWithoutALanguageTakesTheClients() {
        PageHttp pages = new PageHttp(server.getURL().toString());
        java.util.function.BiFunction<String, String, JsonHttp.Reply> startWith = (body, acceptLanguage) -> {
            PageHttp.Reply r = pages.send(pages.request("/api/conversations").header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("Accept-Language", acceptLanguage)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
            return new JsonHttp.Reply(r.status(), r.body());
        };
        JsonHttp.Reply german = startWith.apply("{\"flow\":\"wijkanalyse\",\"language\":\"de\"}", "en");
        assertEquals(422, german.status());
        assertTrue(german.json().get("error").asText().startsWith("This conversation is not available in that language."),
                german.body());
        JsonHttp.Reply unknown = startWith.apply("{\"flow\":\"nope\"}", "tr");
        assertEquals(404, unknown.status());
        assertEquals(library.translations().message("tr", "error.flow_not_found"), unknown.json().get("error").asText());
        JsonHttp.Reply asked = startWith.apply("{\"flow\":\"nope\",\"language\":\"pl\"}", "tr");
        assertEquals(library.translations().message("pl", "error.flow_not_found"), asked.json().get("error").asText(),
                "a language the service speaks, asked for, is the one the refusal is in");

        JsonHttp.Reply arabic = startWith.apply("{\"flow\":\"wijkanalyse\"}", "ar, en;q=0.5");
        assertEquals(201, arabic.status(), arabic.body());
        assertEquals("ar", arabic.json().get("language").asText(), "the client's language, which the flow speaks");
        JsonHttp.Reply german2 = startWith.apply("{\"flow\":\"wijkanalyse\"}", "de");
        assertEquals(201, german2.status(), german2.body());
        assertEquals("nl", german2.json().get("language").asText(), "the flow's first language");
    }

    @Test
    void malformedRequestsGetAClear4xxAndNoInternals() {
        String id = start("nl").get("id").asText();
        List<JsonHttp.Reply> replies = new ArrayList<>();

        JsonHttp.Reply broken = http.post("/api/conversations/" + id + "/answers", "{\"step\":\"welkom\",");
        assertEquals(400, broken.status());
        replies.add(broken);

        JsonHttp.Reply wrongType = http.post("/api/conversations/" + id + "/answers", "{\"step\":{\"id\":\"welkom\"},\"value\":1}");
        assertEquals(400, wrongType.status());
        replies.add(wrongType);

        JsonHttp.Reply noStep = http.post("/api/conversations/" + id + "/answers", "{\"value\":1}");
        assertEquals(400, noStep.status());
        replies.add(noStep);

        JsonHttp.Reply array = http.post("/api/conversations", "[1,2]");
        assertEquals(400, array.status());
        replies.add(array);

        JsonHttp.Reply unknownId = answer("00000000-0000-0000-0000-000000000000", "welkom", "null");
        assertEquals(404, unknownId.status());
        replies.add(unknownId);
        replies.add(http.post("/api/conversations/nope/back", ""));
        assertEquals(404, replies.get(replies.size() - 1).status());

        JsonHttp.Reply huge = http.post("/api/conversations/" + id + "/answers",
                "{\"step\":\"welkom\",\"value\":" + quote("x".repeat(1024 * 1024)) + "}");
        assertEquals(413, huge.status());
        replies.add(huge);

        ok(answer(id, "welkom", "null"));
        ok(answer(id, "rol", "\"professional\""));
        ok(answer(id, "ervaring_jaren", "1"));
        ok(answer(id, "talen", "[\"engels\"]"));
        ok(answer(id, "tolk", "\"ja\""));
        JsonHttp.Reply longText = answer(id, "tolk_taal", quote("a".repeat(100_000)));
        assertEquals(422, longText.status());
        assertEquals("Je antwoord is te lang. Gebruik hoogstens 100 tekens (nu 100000).", longText.json().get("error").asText());
        replies.add(longText);

        JsonHttp.Reply nowhere = http.get("/api/nowhere");
        assertEquals(404, nowhere.status());
        replies.add(nowhere);

        for (JsonHttp.Reply r : replies) {
            assertNotNull(r.json().get("error"), r.body());
            assertFalse(r.json().get("error").asText().isBlank(), r.body());
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("nl.samenspraak"),
                    "no internals in " + r.body());
        }
    }

    @Test
    void servesAnOpenApiDescription() {
        JsonHttp.Reply r = http.get("/openapi/samenspraak-0.1.0.yml");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("/api/conversations/{id}/answers"), r.body());
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + array);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> values(JsonNode options) {
        List<String> out = new ArrayList<>();
        options.forEach(n -> out.add(n.get("value").asText()));
        return out;
    }

    private static List<String> ids(JsonNode tips) {
        List<String> out = new ArrayList<>();
        tips.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }
}
