package nl.samenspraak.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded, seeded fuzzing of the public routes on PostgreSQL (which refuses a NUL that H2 stores): every step
 * type of the example flow gets hostile values, ids and codes get control characters, lone surrogates and
 * garbage, bodies get broken JSON and bytes that are not UTF-8, a quarter of the requests a broken or hostile header
 * (empty language lists, garbage cookies and tokens); the public web forms get form bodies that do not decode. No reply may be a 5xx, and every 4xx from the
 * JSON API says what is wrong in words. Failing cases are printed with the seed so they can be replayed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzTest implements OnPostgres {
    // the suite's seed and size; another seed, or more rounds, for a longer hunt (`-Dfuzz.seed=7 -Dfuzz.rounds=5000`),
    // and to replay a failure printed with its seed
    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 700);

    /** The example flow's steps in order, each with a valid answer to move on with. */
    private static final String[][] WALK = {
            {"welkom", "null"}, {"rol", "\"professional\""}, {"ervaring_jaren", "12"},
            {"talen", "[\"turks\",\"nederlands\"]"}, {"tolk", "\"ja\""}, {"tolk_taal", "\"Tarifit\""},
            {"houding", "4"}, {"kennis", "\"iets\""}, {"laatste_gesprek", "\"2024-03-01\""},
            {"opmerking", "\"Dank je\""}};

    private static final String[] VALUES = {
            "1e999", "-1e999", "1E400", "-1E400", "1e-999", "[1e999]", "[-1e999, 1E400]", "123456789012345678901234567890",
            "1e308", "-0", "0.1", "4.0000000000000000000001", "1E+2147483647", "[]", "[[]]", "[null]", "[{}]", "{}",
            "{\"a\":1}", "true", "false", "null", "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0001\\u001f\\u007f\"",
            "\"\\ud800\"", "\"x\\udc00y\"", "\"\\u202eevil\\u202c\"", "\"\\u2066x\\u2069\"", "\"ja\"", "\"nee\"",
            "\"weet-niet\"", "\"2024-02-30\"", "\"9999-99-99\"", "\"+1\"", "\"1,5\"", "\"١٢\"", "\"professional \"",
            "[\"turks\",\"turks\"]", "[\"turks\",1e999]", "[\"\\u0000\"]", "\"" + "a".repeat(5000) + "\"",
            "[" + "[".repeat(300) + "]".repeat(300) + "]", "\"🙂🙂\"", "\"مرحبا\"", "NaN", "Infinity", "-Infinity",
            "01", "1.", ".5", "0x10", "'ja'"};

    private static final String[] IDS = {
            "%00", "%00abc", "a%0Ab", "%7F", "%ED%A0%80", "%C0%AF", "%FF", "..%2F..", "%D8%A7%D9%84", "x".repeat(300),
            "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000%00", "%20", "%E2%80%AE",
            "A1B2C3D4", "a%00b-c", "%25", "null", "-1", "1e999"};

    private static final String[] BODIES = {
            "", "{", "[]", "null", "{\"step\":", "{\"step\":null}", "{\"step\":1e999,\"value\":1}", "{\"step\":[]}",
            "{\"step\":\"rol\",\"value\":1e999,\"value\":2}", "{\"step\":\"\\u0000\",\"value\":1}",
            "{\"step\":\"\\ud800\",\"value\":\"\\ud800\"}", "{\"flow\":\"\\u0000\",\"language\":\"\\u0000\"}",
            "{\"flow\":\"voorbeeld\",\"language\":\"\\ud800\"}", "{\"flow\":1e999,\"language\":[]}",
            "{\"flow\":\"voorbeeld\",\"language\":\"" + "n".repeat(500) + "\"}"};

    /** Form bodies for the public web forms: broken percent-encoding (a lone %, %zz) gave 500 on every form. */
    private static final String[] FORMS = {
            "%", "%zz", "flow=%", "flow=voorbeeld&language=%E", "flow=%ED%A0%80&language=nl", "flow=%00&language=%00",
            "flow=voorbeeld&language=nl&flow=voorbeeld", "=&=&=", "&&&", "flow=" + "x".repeat(5000), "code=%FF%FE",
            "username=%C0%AF&password=%", "language=ar&consent=%zz"};

    /** Headers a broken or hostile client sends; the preference headers' empty lists gave 500 on every route. */
    private static final String[][] HEADERS = {
            {"Accept-Language", ","}, {"Accept-Language", ";"}, {"Accept-Language", ",,,;;"}, {"Accept-Language", "x".repeat(500)},
            {"Accept-Language", "nl;q=abc"}, {"Accept-Language", "*"}, {"Accept-Charset", ","}, {"Accept-Charset", "nope"},
            {"Accept", ","}, {"Accept", "a/b/c"}, {"Accept", "*/*;q=1e999"}, {"Cookie", "JWT=abc"}, {"Cookie", "=;=;"},
            {"Cookie", "JWT=eyJhbGciOiJub25lIn0.e30."}, {"X-Forwarded-For", ","}, {"X-Forwarded-For", "999.1.1.1"},
            {"Authorization", "Bearer"}, {"Authorization", "Basic %%%"}, {"If-Modified-Since", ","}, {"Range", "bytes=,"}};

    @Inject
    EmbeddedServer server;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noFuzzedRequestGetsA5xx() throws Exception {
        Random random = new Random(SEED);
        JsonHttp http = new JsonHttp(server.getURL().toString());
        List<String> failures = new ArrayList<>();
        String id = null;
        int at = 0;
        for (int round = 0; round < ROUNDS; round++) {
            if (id == null || at >= WALK.length) {
                JsonHttp.Reply started = http.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}");
                assertEquals(201, started.status(), started.body());
                id = started.json().get("id").asText();
                at = 0;
            }
            String answers = "/api/conversations/" + id + "/answers";
            String value = pick(random, VALUES);
            Request request = switch (random.nextInt(11)) {
                case 0, 1, 2, 3 -> new Request("POST", answers, "{\"step\":\"" + WALK[at][0] + "\",\"value\":" + value + "}");
                case 4 -> new Request("POST", answers, pick(random, BODIES));
                case 5 -> new Request("POST", "/api/conversations/" + pick(random, IDS) + "/answers",
                        "{\"step\":\"rol\",\"value\":" + value + "}");
                case 6 -> new Request(random.nextBoolean() ? "GET" : "DELETE", "/api/conversations/" + pick(random, IDS), null);
                case 7 -> new Request("GET", pick(random, "/api/resume/", "/c/", "/t/", "/r/") + pick(random, IDS), null);
                case 8 -> new Request("POST", "/api/conversations", random.nextBoolean() ? pick(random, BODIES)
                        : "{\"flow\":\"voorbeeld\",\"language\":" + value + "}");
                case 9 -> new Request("POST", pick(random, "/start", "/login", "/r/", "/i/", "/t/", "/c/")
                        + (random.nextBoolean() ? pick(random, IDS) : ""), pick(random, FORMS), "application/x-www-form-urlencoded");
                default -> new Request("GET", "/api/flows?lang=" + pick(random, IDS), null);
            };
            Reply reply = send(request, random.nextInt(8) == 0, random.nextInt(4) == 0 ? pick(random, HEADERS) : null);
            if (reply.status() >= 500) {
                failures.add("seed " + SEED + " round " + round + ": " + request + " -> " + reply.status() + " " + reply.body());
            } else if (reply.status() >= 400 && request.path().startsWith("/api/")
                    && !(reply.body().contains("\"error\":\"") && reply.body().length() > 20)) {
                failures.add("seed " + SEED + " round " + round + ": " + request + " -> " + reply.status()
                        + " without a message: " + reply.body());
            }
            if (random.nextInt(3) == 0) {
                JsonHttp.Reply moved = http.post(answers, "{\"step\":\"" + WALK[at][0] + "\",\"value\":" + WALK[at][1] + "}");
                if (moved.status() == 200) {
                    at++;
                } else {
                    id = null;
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " fuzzed requests failed:\n" + String.join("\n", failures));
    }

    record Request(String method, String path, String body, String contentType) {
        Request(String method, String path, String body) {
            this(method, path, body, "application/json");
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : " " + (body.length() > 120 ? body.substring(0, 120) + "..." : body);
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "..." : path) + shown;
        }
    }

    record Reply(int status, String body) {
    }

    /**
     * Sends the request; with {@code brokenBytes} the body's last bytes are replaced by bytes that are not UTF-8;
     * {@code header}, when given, is sent too (in place of the usual {@code Accept}, when it is one).
     */
    private Reply send(Request request, boolean brokenBytes, String[] header) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + request.path()))
                .timeout(Duration.ofSeconds(30));
        if (header != null) {
            b.header(header[0], header[1]);
        }
        if (header == null || !header[0].equals("Accept")) {
            b.header("Accept", "application/json");
        }
        if (!request.contentType().equals("application/json")) {
            b.header("Origin", server.getURL().toString()); // a form from this site's own page, as a browser sends it
        }
        if (request.body() == null) {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            byte[] bytes = request.body().getBytes(StandardCharsets.UTF_8);
            if (brokenBytes && bytes.length > 4) {
                bytes[bytes.length - 3] = (byte) 0xC3;
                bytes[bytes.length - 2] = (byte) 0x28;
            }
            b.header("Content-Type", request.contentType()).method(request.method(), HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
