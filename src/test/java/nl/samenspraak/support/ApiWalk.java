package nl.samenspraak.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A conversation walked through the JSON API as a test needs it: started in a language and answered, turn by turn,
 * the same way every time (the first option, the middle of a scale, one option of a multi, a fixed text), until
 * {@code stop} holds for the state.
 */
public final class ApiWalk {
    /** The text every typed answer gets. */
    public static final String TYPED = "Meer tijd voor gezinnen";

    private ApiWalk() {
    }

    /** Starts {@code flow} in {@code language} and answers until {@code stop} holds (at most 60 turns); the last state. */
    public static JsonNode answerUntil(JsonHttp api, String flow, String language, Predicate<JsonNode> stop) {
        JsonNode state = api.post("/api/conversations", "{\"flow\":\"" + flow + "\",\"language\":\"" + language + "\"}").json();
        String id = state.get("id").asText();
        for (int turn = 0; turn < 60 && !stop.test(state); turn++) {
            state = answer(api, id, state);
        }
        return state;
    }

    /**
     * Answers the step {@code state} asks in conversation {@code id} the way every walk does (the first option, the
     * middle of a scale, one option of a multi, 1 for a number, {@link #TYPED} for a text); the state after it.
     */
    public static JsonNode answer(JsonHttp api, String id, JsonNode state) {
        JsonNode step = state.get("step");
        return api.post("/api/conversations/" + id + "/answers",
                "{\"step\":" + JsonHttp.quote(step.get("id").asText()) + ",\"value\":" + value(step) + "}").json();
    }

    /** The answer every walk gives to {@code step}, as JSON (see {@link #answer}). */
    public static String value(JsonNode step) {
        List<String> values = new ArrayList<>();
        step.get("options").forEach(o -> {
            if (!o.path("dontKnow").asBoolean()) {
                values.add(JsonHttp.quote(o.get("value").asText()));
            }
        });
        return switch (step.get("type").asText()) {
            case "info" -> "null";
            case "multi" -> "[" + values.get(0) + "]";
            case "text" -> JsonHttp.quote(TYPED);
            case "number" -> "1";
            case "scale" -> values.get(values.size() / 2);
            default -> values.get(0);
        };
    }

    /**
     * Answers an intermediair's conversation {@code id} over the intermediair's own address (as its page does, logged
     * in with {@code login}, its page in {@code page}), from its welcome the way every walk does, until it asks
     * {@code stepId}; that step.
     */
    public static JsonNode answerAssistedUntil(PageHttp http, String login, String id, String page, String stepId) {
        try {
            return answerAssistedFrom(http, login, id, page, JSON.readTree("{\"id\":\"welkom\",\"type\":\"info\",\"options\":[]}"), stepId);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * As {@link #answerAssistedUntil}, from {@code from}, the step it asks now (as a walk's earlier call returned it),
     * until it asks {@code stepId}, or with {@code stepId} null until it ends; that step (null: ended).
     */
    public static JsonNode answerAssistedFrom(PageHttp http, String login, String id, String page, JsonNode from, String stepId) {
        try {
            JsonNode step = from;
            for (int turn = 0; turn < 60 && step != null && !step.isNull() && !step.get("id").asText().equals(stepId); turn++) {
                PageHttp.Reply answered = http.send(http.request("/intermediair/api/conversations/" + id + "/answers?lang=" + page)
                        .header("Content-Type", "application/json").header("Accept", "application/json").header("Origin", http.base())
                        .header("Cookie", login).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"step\":"
                                + JsonHttp.quote(step.get("id").asText()) + ",\"value\":" + value(step) + "}")));
                if (answered.status() != 200) {
                    throw new AssertionError("answering " + step.get("id").asText() + ": " + answered.status() + " " + answered.body());
                }
                step = JSON.readTree(answered.body()).get("step");
            }
            boolean ended = step == null || step.isNull();
            if (stepId == null ? !ended : ended || !stepId.equals(step.get("id").asText())) {
                throw new AssertionError("the conversation did not reach " + (stepId == null ? "its end" : stepId) + " but "
                        + (ended ? "its end" : step.get("id").asText()));
            }
            return ended ? null : step;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
