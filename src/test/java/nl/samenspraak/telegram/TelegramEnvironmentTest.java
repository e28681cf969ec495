package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.samenspraak.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service as it is run (java -jar), configured only by the documented environment variables:
 * TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL switch long polling on against that server, TELEGRAM_CHAT_HASH_KEY
 * keys the stored hash, TELEGRAM_WEBHOOK_SECRET switches to the webhook. The chat id is neither stored nor logged.
 */
class TelegramEnvironmentTest {
    static final String TOKEN = "999:environment-test-token";
    static final String KEY = "environment-test-hash-key";
    /** The service's own logging (INFO, system.LogSetup), not the tests' file (WARN). */
    static final String LOG_AS_IN_PRODUCTION = "logback.configurationFile=";

    @Test
    void theEnvironmentVariablesSwitchLongPollingOnAndKeyTheChatHash(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("service.log");
        long chatId;
        try (FakeBotApi fake = new FakeBotApi(TOKEN)) {
            TelegramUser user = TelegramUser.polling(fake, "nl");
            chatId = user.chatId;
            try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), log, Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                    "TELEGRAM_API_URL", fake.url(), "TELEGRAM_CHAT_HASH_KEY", KEY), LOG_AS_IN_PRODUCTION,
                    "samenspraak.web.show-demo-flows=true")) { // the example flow, hidden by default
                assertTrue(service.awaitReady(Duration.ofSeconds(60)), () -> read(log));
                user.say("/start voorbeeld");
                user.tap("n");
                assertTrue(user.last().text.contains("In welke rol werk je?"), user.last().text);
                service.kill();
            }
            assertFalse(fake.calls("deleteWebhook").isEmpty(), "long polling starts by dropping any webhook");
            assertEquals(List.of(), fake.problems());
        }
        String output = read(log);
        assertTrue(output.contains("Telegram is on: long polling"), output);
        List<String> hashes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data") + "/samenspraak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("select chat_hash from telegram_chat")) {
            while (r.next()) {
                hashes.add(r.getString(1));
            }
        }
        assertEquals(List.of(ChatIds.keyed(KEY, TOKEN).hash(chatId)), hashes,
                "the chat is stored as the HMAC keyed with TELEGRAM_CHAT_HASH_KEY");
        assertFalse(output.contains(String.valueOf(chatId)), "the chat id is not in the log");
        try (var files = Files.walk(dir.resolve("data"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(String.valueOf(chatId)), "the chat id is nowhere in the database files");
            }
        }
    }

    @Test
    void theWebhookSecretFromTheEnvironmentGuardsTheWebhook(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("service.log");
        try (FakeBotApi fake = new FakeBotApi(TOKEN);
             ServiceProcess service = ServiceProcess.start(dir.resolve("data"), log, Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                     "TELEGRAM_API_URL", fake.url(), "TELEGRAM_WEBHOOK_SECRET", "env-secret-42"), LOG_AS_IN_PRODUCTION)) {
            assertTrue(service.awaitReady(Duration.ofSeconds(60)), () -> read(log));
            String webhook = service.url() + "/telegram/webhook";
            ObjectNode update = fake.message(4_100_000_001L, "en", "/start");
            assertEquals(403, post(webhook, "other-secret", update));
            assertEquals(200, post(webhook, "env-secret-42", update));
            assertTrue(fake.lastSentTo(4_100_000_001L).text.contains("Choose a conversation"), "answered in English");
            assertEquals(List.of(), fake.calls("getUpdates"), "no polling in webhook mode");
        }
        assertTrue(read(log).contains("Telegram is on: updates come in at POST /telegram/webhook"), read(log));
    }

    private static int post(String url, String secret, ObjectNode update) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
