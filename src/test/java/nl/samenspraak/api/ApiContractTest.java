package nl.samenspraak.api;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.support.JsonHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI description is the API's contract: it types STATE, its step and result and the error body, lists the
 * real status codes of each operation, and every reply (here each documented status once; in the rest of the suite
 * every API reply, through {@link ContractCheckedReplies}) matches it by a third-party validator.
 */
@SharedService
class ApiContractTest {
    @Inject
    EmbeddedServer server;

    JsonHttp http;

    @BeforeEach
    void client() {
        http = new JsonHttp(server.getURL().toString());
    }

    @Test
    void theServedDescriptionTypesStateAndListsTheRealStatusCodes() {
        JsonHttp.Reply served = http.get("/openapi/samenspraak-0.1.0.yml");
        assertEquals(200, served.status());
        String yaml = served.body();
        assertEquals(ApiContract.description(), yaml, "the service serves the description the tests check against");
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(yaml);
        Map<String, Object> paths = map(doc, "paths");
        assertEquals(List.of("201", "400", "404", "406", "413", "415", "422", "429", "503"),
                codes(paths, "/api/conversations", "post"), "start answers 201, not 200");
        assertEquals(List.of("200", "400", "404", "406", "409", "413", "415", "422", "503"),
                codes(paths, "/api/conversations/{id}/answers", "post"));
        assertEquals(List.of("204", "400", "404", "406", "503"), codes(paths, "/api/conversations/{id}", "delete"));
        assertEquals(List.of("200", "400", "404", "406", "410", "429", "503"), codes(paths, "/api/resume/{code}", "get"));

        Map<String, Object> schemas = map(map(doc, "components"), "schemas");
        Map<String, Object> state = map(schemas, "ConversationState");
        assertTrue(map(state, "properties").keySet().containsAll(List.of("id", "step", "progress", "result", "resumeCode")),
                "STATE is typed, not a bare object");
        Map<String, Object> step = map(map(schemas, "ConversationState.StepView"), "properties");
        assertEquals(List.of("info", "choice", "multi", "scale", "yesno", "text", "number", "date"),
                map(step, "type").get("enum"));
        assertTrue(map(map(schemas, "ApiError"), "properties").containsKey("error"), "the error body is described");
    }

    /**
     * The description is read by people writing a client: each reply says what it means, each operation and schema has
     * a name of its own, and what a text holds is said as it is. The generator filled in "listFlows 200 response",
     * named the second delete "delete_1" and the ping's body after its controller ("PingController.Pong"), and turned
     * the {@code <br>} a contact line's text holds into blanks and a line break.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theServedDescriptionSaysWhatEachPartMeansInWords() {
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(http.get("/openapi/samenspraak-0.1.0.yml").body());
        List<String> noise = new java.util.ArrayList<>();
        map(doc, "paths").forEach((path, operations) -> ((Map<String, Object>) operations).forEach((method, operation) -> {
            Map<String, Object> op = (Map<String, Object>) operation;
            String id = String.valueOf(op.get("operationId"));
            if (!id.matches("[a-z][A-Za-z]*")) {
                noise.add(method + " " + path + ": operationId " + id);
            }
            map(op, "responses").forEach((code, response) -> {
                String description = String.valueOf(((Map<String, Object>) response).get("description"));
                if (description.matches("\\w+ \\d{3} response")) {
                    noise.add(method + " " + path + " " + code + ": " + description);
                }
            });
        }));
        Map<String, Object> schemas = map(map(doc, "components"), "schemas");
        schemas.keySet().stream().filter(name -> name.contains("Controller")).forEach(name -> noise.add("schema " + name));
        assertEquals(List.of(), noise);
        assertTrue(String.valueOf(map(schemas, "Result.ContactLine").get("description")).contains("(a line break as `<br>`)"),
                String.valueOf(map(schemas, "Result.ContactLine").get("description")));
    }

    /**
     * A client generated from the description may treat a property not marked required as one that can be missing;
     * every property of a reply is there in every reply (null where the schema says so), but for a step's
     * {@code translation} (only when someone reads along) and an error's {@code state} (only when there is one).
     * The question's {@code type} and the text {@code direction}, annotated for their allowed values, had lost it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyPropertyEveryReplyHasIsMarkedRequired() {
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(http.get("/openapi/samenspraak-0.1.0.yml").body());
        Map<String, Object> schemas = map(map(doc, "components"), "schemas");
        Set<String> mayBeLeftOut = Set.of("ConversationState.StepView.translation", "ApiError.state");
        Set<String> requests = Set.of("AnswerRequest", "StartRequest", "BackRequest", "AnswerValue");
        List<String> notRequired = new java.util.ArrayList<>();
        schemas.forEach((name, schema) -> {
            Map<String, Object> properties = map((Map<String, Object>) schema, "properties");
            if (requests.contains(name) || properties == null) {
                return;
            }
            List<Object> required = (List<Object>) ((Map<String, Object>) schema).getOrDefault("required", List.of());
            properties.keySet().stream().filter(property -> !required.contains(property))
                    .map(property -> name + "." + property).filter(p -> !mayBeLeftOut.contains(p)).forEach(notRequired::add);
        });
        assertEquals(List.of(), notRequired);
    }

    /**
     * The statuses any request can meet before an operation reads it are said once, in the description's words: a
     * client writer reading only the operations met 414 and 431 with no word about them.
     */
    @Test
    void theDescriptionSaysWhichStatusesAnyRequestCanMeet() {
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(http.get("/openapi/samenspraak-0.1.0.yml").body());
        String description = String.valueOf(map(doc, "info").get("description"));
        for (String status : List.of("405", "414", "431", "505")) {
            assertTrue(description.contains(status + " ("), status + " is said: " + description);
        }
    }

    @Test
    void everyDocumentedStatusOfTheConversationRoutesMatchesTheContract() {
        int before = ApiContract.VIOLATIONS.size();
        JsonHttp.Reply started = http.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}");
        assertEquals(201, started.status(), started.body());
        String id = started.json().get("id").asText();
        String code = started.json().get("resumeCode").asText();
        String step = started.json().get("step").get("id").asText();

        assertEquals(200, http.get("/api/conversations/" + id).status());
        assertEquals(200, http.get("/api/conversations/" + id + "/transcript").status());
        assertEquals(200, http.get("/api/resume/" + code).status());
        assertEquals(404, http.get("/api/resume/ZZZZ-ZZZZ").status());
        assertEquals(404, http.post("/api/conversations", "{\"flow\":\"bestaat-niet\"}").status());
        assertEquals(422, http.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"ar\"}").status());
        assertEquals(400, http.post("/api/conversations", "{\"flow\":").status());
        assertEquals(409, http.post("/api/conversations/" + id + "/answers", "{\"step\":\"niet-deze\",\"value\":1}").status());
        assertEquals(200, http.post("/api/conversations/" + id + "/answers", "{\"step\":\"" + step + "\",\"value\":null}").status());
        String next = http.get("/api/conversations/" + id).json().get("step").get("id").asText();
        assertEquals(422, http.post("/api/conversations/" + id + "/answers",
                "{\"step\":\"" + next + "\",\"value\":\"geen-optie\"}").status(), "an option the step lacks");
        assertEquals(200, http.post("/api/conversations/" + id + "/back", "").status());
        assertEquals(415, plainTextPost("/api/conversations", "flow=voorbeeld"));
        assertEquals(204, http.delete("/api/conversations/" + id).status());
        assertEquals(404, http.get("/api/conversations/" + id).status());
        assertEquals(404, http.delete("/api/conversations/" + id).status());

        assertEquals(List.of(), ApiContract.VIOLATIONS.subList(before, ApiContract.VIOLATIONS.size()),
                "every reply matches the description");
    }

    /**
     * Another site's page can send a POST that needs no permission from this one (no preflight) only without a JSON
     * content type: a form, or {@code fetch(url, {method: 'POST', mode: 'no-cors'})}, which sends no Content-Type at
     * all when its body is a Blob. Taken as JSON, such a request started conversations from a visitor's browser, using
     * up the start budget of their address (an office or a school behind one address).
     */
    @Test
    void aPostWithoutAContentTypeIsRefusedAndStartsNothing() throws Exception {
        String id = http.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}").json().get("id").asText();
        String step = http.get("/api/conversations/" + id).json().get("step").get("id").asText();

        HttpResponse<String> start = postWithoutContentType("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}");
        assertEquals(415, start.statusCode());
        assertTrue(start.body().contains("Stuur dit verzoek als JSON"), start.body());
        assertFalse(start.body().contains("\"id\""), "no conversation was started: " + start.body());

        assertEquals(415, postWithoutContentType("/api/conversations/" + id + "/answers",
                "{\"step\":\"" + step + "\",\"value\":null}").statusCode());
        assertEquals(step, http.get("/api/conversations/" + id).json().get("step").get("id").asText(), "not answered");
        assertEquals(200, postWithoutContentType("/api/conversations/" + id + "/back", null).statusCode(),
                "with no body there is nothing to take for JSON (and going back needs the conversation's id)");
    }

    private HttpResponse<String> postWithoutContentType(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept-Language", "nl")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theCheckerCatchesAReplyThatBreaksTheContract() {
        String state = http.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}").body();
        assertEquals(List.of(), ApiContract.problems("POST", "/api/conversations", 201, "application/json", state));
        assertFalse(ApiContract.problems("POST", "/api/conversations", 200, "application/json", state).isEmpty(),
                "200 is not what start answers");
        String withoutProgress = state.replaceFirst("\"progress\":\\{[^}]*},?", "");
        assertFalse(ApiContract.problems("POST", "/api/conversations", 201, "application/json", withoutProgress).isEmpty(),
                "a STATE without progress breaks the contract");
        assertFalse(ApiContract.problems("GET", "/api/conversations/x", 404, "application/json", "{\"message\":\"x\"}")
                .isEmpty(), "an error body without its message breaks the contract");
    }

    private int plainTextPost(String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private static List<String> codes(Map<String, Object> paths, String path, String method) {
        return map(map(map(paths, path), method), "responses").keySet().stream().sorted().toList();
    }
}
