package nl.samenspraak.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person who blocked the bot: Telegram refuses everything for the chat with 403 ("Forbidden: bot was blocked by the
 * user"). The outbox refused a file and then wrote "the PDF did not go" to the same chat, refused too, and tried each
 * waiting message in turn, each refused and logged. Now the first 403 gives up everything waiting for the chat at
 * once, with no notice after it and one line in the log naming no chat; once the person unblocks the bot and writes
 * again, the bot answers as before.
 */
@MicronautTest(transactional = false)
class TelegramBlockedTest extends TelegramFixture {
    private static final List<String> FOR_THE_CHAT = List.of("sendmessage", "senddocument", "editmessagereplymarkup", "deletemessages");

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    TelegramBlockedTest() {
        super("737373:blocked-test-token", Map.of("telegram.outbox.scan-every", "100ms", "telegram.retry.longest-delay", "200ms"));
    }

    /** What the sender says, at the level the service logs (the tests' log shows warnings only). */
    @BeforeEach
    void listen() {
        log.list.clear();
        log.start();
        for (Class<?> sender : List.of(OutboxSender.class, BotApiSender.class)) {
            Logger logger = (Logger) LoggerFactory.getLogger(sender);
            logger.setLevel(Level.INFO);
            logger.addAppender(log);
        }
    }

    @AfterEach
    void stopListening() {
        for (Class<?> sender : List.of(OutboxSender.class, BotApiSender.class)) {
            Logger logger = (Logger) LoggerFactory.getLogger(sender);
            logger.detachAppender(log);
            logger.setLevel(null);
        }
    }

    @Test
    void aFileForAChatThatBlockedTheBotIsGivenUpWithoutANoticeAndGoesOnceUnblocked() {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        FakeBotApi.Sent result = user.lastWithButtons();
        fake.blockedBy(user.chatId);
        int before = callsTo(user).size();
        user.tap(result, "p");
        fake.await(() -> callsTo(user).stream().skip(before).anyMatch(c -> c.method().equals("senddocument"))
                && waiting(user) == 0, 30, "the file tried, and nothing left waiting for the chat");

        List<String> tried = callsTo(user).stream().skip(before).map(FakeBotApi.Call::method).toList();
        assertEquals(List.of("senddocument"), tried, "the file, refused; no 'the PDF did not go' written after it");
        assertOneLineNamingNoChat(user);

        // the person unblocks the bot: "Als PDF" again makes the file (not "it is on its way"), and the bot answers
        fake.unblockedBy(user.chatId);
        String again = user.tap(result, "p");
        assertFalse(notices(again).contains(words().plain("nl", "pdf_coming")), "not 'on its way': " + notices(again));
        fake.await(() -> fake.documentsTo(user.chatId).size() == 1, 30, "the PDF, once unblocked");
        int mark = user.mark();
        user.say("/start");
        assertFalse(user.since(mark).isEmpty(), "the bot answers again");
    }

    @Test
    void whatWaitsForAChatThatBlockedTheBotIsGivenUpAtOnceRatherThanEachTried() {
        TelegramUser user = user("nl");
        user.say("/start");
        fake.downForSending(); // the replies to the next three messages wait in the outbox
        user.say("/help");
        user.say("/start");
        user.say("/help");
        long waitingBefore = waiting(user);
        assertTrue(waitingBefore >= 3, "replies waiting: " + waitingBefore);

        fake.blockedBy(user.chatId);
        int before = callsTo(user).size();
        fake.recover();
        fake.await(() -> waiting(user) == 0, 30, "nothing left waiting for the chat");
        assertEquals(1, callsTo(user).size() - before, "one refusal, not one for every waiting reply: "
                + callsTo(user).stream().skip(before).map(FakeBotApi.Call::method).toList());
        assertOneLineNamingNoChat(user);

        fake.unblockedBy(user.chatId);
        int mark = user.mark();
        user.say("/start");
        assertFalse(user.since(mark).isEmpty(), "the bot answers again once unblocked");
    }

    private List<FakeBotApi.Call> callsTo(TelegramUser user) {
        return fake.calls().stream().filter(c -> FOR_THE_CHAT.contains(c.method()) && c.body().path("chat_id").asLong() == user.chatId)
                .toList();
    }

    /** The rows still waiting for the chat (a row given up keeps no chat id). */
    private long waiting(TelegramUser user) {
        try {
            return count("SELECT count(*) FROM telegram_outbox WHERE chat_id = ? AND sent_at IS NULL", user.chatId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertOneLineNamingNoChat(TelegramUser user) {
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("403")).toList();
        assertEquals(1, lines.size(), "one line for the chat's refusals: " + lines);
        assertFalse(lines.get(0).contains(String.valueOf(user.chatId)), lines.get(0));
        assertFalse(lines.get(0).contains(settings.chatIds().hash(user.chatId)), lines.get(0));
    }
}
