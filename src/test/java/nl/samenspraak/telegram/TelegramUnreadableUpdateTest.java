package nl.samenspraak.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An update the client library cannot read, polled in one batch with others: a text that is an object, a chat id that
 * is no number, a chat id beyond a long. The library refused the whole batch, the next poll asked for the same offset,
 * and nobody's message behind it was answered again, with nothing in the log (the Telegram probe of December 2026).
 * Now the unreadable update is passed over with one line naming its id (no chat, no text), and the people behind it
 * are answered.
 */
@MicronautTest(transactional = false)
class TelegramUnreadableUpdateTest extends TelegramFixture {

    TelegramUnreadableUpdateTest() {
        super("747474:unreadable-update-token", Map.of());
    }

    @Test
    void anUnreadableUpdateIsPassedOverAndThoseBehindItAreAnswered() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ReadableUpdates.class);
        logger.addAppender(log);
        try {
            List<Consumer<ObjectNode>> spoilers = List.of(
                    u -> ((ObjectNode) u.get("message")).putObject("text").put("a", 1),
                    u -> ((ObjectNode) u.get("message").get("chat")).put("id", "abc"),
                    u -> ((ObjectNode) u.get("message").get("chat")).put("id", new BigInteger("99999999999999999999")));
            for (Consumer<ObjectNode> spoil : spoilers) {
                TelegramUser behind = user("nl");
                ObjectNode unreadable = fake.message(behind.chatId + 100_000, "nl", "hallo");
                spoil.accept(unreadable);
                int mark = behind.mark();
                fake.enqueue(unreadable);
                behind.say("/help"); // waits until the poll passed its update, behind the unreadable one
                assertFalse(behind.since(mark).isEmpty(), "the person behind the unreadable update is answered: " + unreadable);
                long id = unreadable.get("update_id").asLong();
                List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(" " + id + " ")).toList();
                assertEquals(List.of("Telegram: update " + id + " could not be read and is passed over"), lines);
                assertTrue(log.list.stream().allMatch(e -> e.getLevel() == Level.WARN));
            }
        } finally {
            logger.detachAppender(log);
        }
    }
}
