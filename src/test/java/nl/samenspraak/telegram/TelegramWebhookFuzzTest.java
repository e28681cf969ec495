package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded, seeded fuzzing of the webhook on PostgreSQL (which refuses a NUL that H2 stores): messages, edits, taps,
 * voice messages and group updates with hostile texts, button data, sizes and chats, now and then without the secret
 * or without JSON. Telegram delivers an update again until it gets 200, so a 5xx is an update retried for a day and a
 * chat that waits behind it: no reply may be one. Afterwards a person's {@code /start} is answered as usual. Failures
 * are printed with the seed and round, so they can be replayed.
 */
@MicronautTest(transactional = false)
class TelegramWebhookFuzzTest extends TelegramFixture {
    // the suite's seed and size; another seed, or more rounds, for a longer hunt (`-Dfuzz.seed=7 -Dfuzz.rounds=5000`),
    // and to replay a failure printed with its seed
    private static final long SEED = Long.getLong("fuzz.seed", 20261204L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 400);
    private static final String SECRET = "the-webhook-secret_fuzz_0123456789";
    private static final PostgresDatabase DATABASE = PostgresDatabase.create();

    private static final String[] TEXTS = {
            "/start", "/start voorbeeld", "/start voorbeeld_ABCDEFGHJKMNPQRS", "/start werk-jij-diversiteitsproof", "/hervat",
            "/hervat XXXX-YYYY", "/opnieuw", "/stop", "/wis", "/taal ar", "/taal zz", "/help", "ja", "nee", "12", "3", "1e999",
            "\u0000", "a\u0000b", "\ud800", "\u202eevil\u202c", "x".repeat(5000), "", " ", "🙂", "/start " + "a".repeat(300),
            "/start \u0000", "/hervat \u0000\u0000", "٣", "2024-02-30"};
    private static final String[] DATA = {"", "x", "a:", "a:1", "a:99", "a:-1", "a:1e999", "\u0000", "a:\u0000", "|".repeat(64),
            "{\"a\":1}", "b:1", "n", "y"};
    private static final String[] BROKEN = {"", "{", "[]", "null", "{\"update_id\":\"x\"}", "{\"update_id\":1e999}",
            "{\"update_id\":-1,\"message\":{}}", "{\"update_id\":5,\"message\":{\"chat\":null}}",
            "{\"update_id\":6,\"callback_query\":{\"id\":\"q\",\"data\":\"a:1\"}}"};

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    TelegramWebhookFuzzTest() {
        super("779:webhook-fuzz-token", settings());
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(DATABASE.properties());
        settings.put("telegram.webhook-secret", SECRET);
        return settings;
    }

    @AfterAll
    void dropDatabase() {
        DATABASE.drop();
    }

    @Test
    void noHostileUpdateGetsA5xxAndThePersonAfterIsAnswered() throws Exception {
        Random random = new Random(SEED);
        long[] chats = {random.nextLong(1, 1L << 40), random.nextLong(1, 1L << 40), -1001234567890L, 0L, Long.MAX_VALUE};
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            long chat = chats[random.nextInt(chats.length)];
            String language = pick(random, "nl", "ar", "tr", "zz", null);
            String body = switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> fake.message(chat, language, pick(random, TEXTS)).toString();
                case 4 -> fake.edit(chat, language, random.nextInt(1, 200), pick(random, TEXTS)).toString();
                case 5, 6 -> fake.tap(chat, language, random.nextInt(-5, 200), pick(random, DATA)).toString();
                case 7 -> voice(chat, language, random);
                case 8 -> group(chat, language, random);
                default -> pick(random, BROKEN);
            };
            String secret = random.nextInt(20) == 0 ? pick(random, null, "", "wrong") : SECRET;
            int status = post(secret, body);
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                String shown = body.length() > 200 ? body.substring(0, 200) + "..." : body;
                failures.add("seed " + SEED + " round " + round + ": " + shown + " -> " + status);
            }
        }
        System.out.println(getClass().getSimpleName() + " statuses: " + statuses);
        assertTrue(failures.isEmpty(), failures.size() + " fuzzed updates failed:\n" + String.join("\n", failures));
        assertTrue(statuses.getOrDefault(200, 0) > ROUNDS / 2, "most updates were taken: " + statuses);

        TelegramUser person = new TelegramUser(fake, "nl", update -> assertEquals(200, post(SECRET, update.toString())));
        person.say("/start voorbeeld");
        assertFalse(person.sent().isEmpty(), "the bot still answers a person after the fuzz");
    }

    /** A voice message of any length and size Telegram might claim. */
    private String voice(long chat, String language, Random random) {
        ObjectNode update = fake.voice(chat, language, pick(random, 0, 3, -1, 99_999), new byte[random.nextInt(0, 64)]);
        ((ObjectNode) update.get("message").get("voice")).put("file_size", pick(random, 1L, -5L, 10_000_000_000L));
        return update.toString();
    }

    /** A message from a group or channel, which the bot does not serve. */
    private String group(long chat, String language, Random random) {
        ObjectNode update = fake.message(chat, language, pick(random, TEXTS));
        ((ObjectNode) update.get("message").get("chat")).put("type", pick(random, "group", "supergroup", "channel"));
        return update.toString();
    }

    private int post(String secret, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
