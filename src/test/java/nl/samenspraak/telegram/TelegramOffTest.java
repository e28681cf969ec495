package nl.samenspraak.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.support.JsonHttp;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a bot token the service runs as before: no webhook, no bot, and the log says Telegram is off. */
@SharedService
class TelegramOffTest {
    @Inject
    EmbeddedServer server;
    @Inject
    TelegramChannel channel;
    @Inject
    TelegramSettings settings;

    @Test
    void withoutATokenThereIsNoBotAndNoWebhook() {
        assertFalse(channel.webhookMode());
        assertFalse(settings.enabled());
        assertEquals(org.telegram.telegrambots.meta.TelegramUrl.DEFAULT_URL, settings.apiUrl(), "application.yml's default Bot API address");
        JsonHttp http = new JsonHttp(server.getURL().toString());
        assertEquals(404, http.post("/telegram/webhook", "{\"update_id\":1}").status());
        assertEquals(200, http.get("/api/flows").status(), "the rest of the service works");
    }

    @Test
    void theLogSaysTelegramIsOff() {
        Logger logger = (Logger) LoggerFactory.getLogger(TelegramChannel.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(seen);
        try {
            TelegramSettings none = new TelegramSettings("", "", "", "", "", 50, 5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));
            new TelegramChannel(none, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null).start();
        } finally {
            logger.detachAppender(seen);
            logger.setLevel(before);
        }
        assertTrue(seen.list.stream().anyMatch(e -> e.getFormattedMessage().equals("Telegram is off: TELEGRAM_BOT_TOKEN is not set")),
                seen.list.toString());
    }
}
