package nl.samenspraak.telegram;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramSettingsTest {

    private static TelegramSettings settings(String token, String secret, String apiUrl) {
        return new TelegramSettings(token, secret, "", apiUrl, "", 50, 5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    @Test
    void theApiUrlIsSchemeHostAndPort() {
        assertEquals(new TelegramUrl("https", "api.telegram.org", 443, false), TelegramSettings.parseApiUrl("https://api.telegram.org"));
        assertEquals(new TelegramUrl("http", "127.0.0.1", 8081, false), TelegramSettings.parseApiUrl("http://127.0.0.1:8081/"));
        assertEquals(new TelegramUrl("http", "bot-api", 80, false), TelegramSettings.parseApiUrl("HTTP://bot-api"));
        assertEquals(TelegramUrl.DEFAULT_URL, settings("", "", "").apiUrl(), "the default");
        for (String wrong : new String[]{"api.telegram.org", "ftp://x", "https://x/bot", "https://x?a=b", "https://u:p@x", "http://"}) {
            assertThrows(IllegalArgumentException.class, () -> TelegramSettings.parseApiUrl(wrong), wrong);
        }
    }

    @Test
    void theTokenSwitchesTheBotOnAndTheSecretTheWebhook() {
        assertFalse(settings("", "", "").enabled());
        assertEquals(123456, settings("123456:ABC-def", "", "").botId());
        assertEquals(0, settings("no-colon", "", "").botId());
        assertFalse(settings(" ", "secret", "").webhookMode(), "a secret without a token does nothing");
        assertTrue(settings("1:t", "", "").enabled());
        assertFalse(settings("1:t", "", "").webhookMode());
        TelegramSettings webhook = settings("1:t", "s3cret", "");
        assertTrue(webhook.webhookMode());
        assertTrue(webhook.webhookSecretMatches("s3cret"));
        assertFalse(webhook.webhookSecretMatches("s3cre"));
        assertFalse(webhook.webhookSecretMatches("s3cret "));
        assertFalse(webhook.webhookSecretMatches(null));
        assertFalse(settings("1:t", "", "").webhookSecretMatches(""), "no secret set: nothing matches");
    }
}
