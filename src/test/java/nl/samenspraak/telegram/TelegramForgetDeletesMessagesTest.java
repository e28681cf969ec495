package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a shared family phone anyone can scroll up a chat and read the answers in it. A person who has the chat forgotten
 * with {@code /vergeet} sees the chat's messages of the last 48 hours deleted too, their own and the bot's, in that chat
 * only, before the reply that says so; the service then keeps no message id of that chat. An id older than 48 hours
 * (Telegram no longer lets a bot delete it) is not asked for, and the daily retention run drops it (the outbox's
 * sender prunes them every hour too: {@code TelegramStoreContract}). A reply still waiting for the chat (behind an
 * outage) never turns up after the forgetting, and one on its way at that moment is deleted once it arrived. When
 * Telegram refuses the deletion the reply does not say the messages were deleted: it says to delete the chat.
 */
@MicronautTest(transactional = false)
class TelegramForgetDeletesMessagesTest extends TelegramFixture {
    @Inject
    nl.samenspraak.retention.RetentionJob retention;

    TelegramForgetDeletesMessagesTest() {
        super("818181:forget-deletes-token");
    }

    @Test
    void vergeetDeletesThisChatsMessagesOfBothSidesAndKeepsNoIdOfIt() throws SQLException {
        TelegramUser other = user("nl");
        other.say("/help");
        TelegramUser user = user("nl");
        List<Integer> own = new ArrayList<>();
        own.add(user.say("/start cultureel-interview"));
        user.tap("n");
        user.tap("a:0");
        user.tap("s");
        user.tap("a:1");
        assertEquals("leefwereld", step(user));
        own.add(user.say("Wij wonen sinds kort in Utrecht."));
        own.add(user.say("/vergeet"));
        FakeBotApi.Sent confirm = user.last();
        Set<Integer> expected = new TreeSet<>(own);
        user.sent().forEach(m -> expected.add(m.messageId));

        int mark = user.mark();
        user.tap(confirm, "v:y");
        fake.await(() -> user.textSince(mark).contains(say("nl", "forgotten")), 10, "the reply to /vergeet");

        List<FakeBotApi.Call> deletions = fake.calls("deleteMessages").stream()
                .filter(c -> c.body().path("chat_id").asLong() == user.chatId).toList();
        assertEquals(1, deletions.size(), "one deletion in the chat that asked: " + deletions);
        assertTrue(fake.calls("deleteMessages").stream().noneMatch(c -> c.body().path("chat_id").asLong() == other.chatId),
                "none in another chat");
        JsonNode body = deletions.get(0).body();
        assertEquals(expected, ids(body), "the person's own messages (typed and commands) and every message of the bot in it");
        assertTrue(fake.calls().indexOf(deletions.get(0)) < indexOfForgottenReply(user), "deleted before the reply that says so");
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_chat_message WHERE chat_hash = ?", settings.chatIds().hash(user.chatId)),
                "no message id of the forgotten chat is kept");
        assertTrue(count("SELECT COUNT(*) FROM telegram_chat_message WHERE chat_hash = ?", settings.chatIds().hash(other.chatId)) > 0,
                "another chat's are");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void idsOlderThanTelegramLetsABotDeleteAreNotAskedForAndArePruned() throws SQLException {
        TelegramUser user = user("nl");
        int old = user.say("/help");
        int oldReply = user.last().messageId;
        age(settings.chatIds().hash(user.chatId), Duration.ofHours(49));
        int recent = user.say("/vergeet");
        FakeBotApi.Sent confirm = user.last();
        confirmAndAwaitForgotten(user, confirm);

        JsonNode body = deletionIn(user);
        assertEquals(new TreeSet<>(List.of(recent, confirm.messageId)), ids(body), "only the messages of the last 48 hours");
        assertTrue(old < recent && oldReply < recent);
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_chat_message WHERE chat_hash = ?", settings.chatIds().hash(user.chatId)),
                "the older ids of the chat go with it");

        TelegramUser stays = user("nl");
        stays.say("/help");
        String hash = settings.chatIds().hash(stays.chatId);
        assertEquals(2, count("SELECT COUNT(*) FROM telegram_chat_message WHERE chat_hash = ?", hash), "the message and its reply");
        age(hash, Duration.ofHours(49));
        retention.run(Instant.now());
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_chat_message WHERE chat_hash = ?", hash),
                "an id Telegram would no longer delete is not kept (the daily run drops it, also with the bot switched off)");
    }

    /**
     * A message the bot could handle only long after it was sent (an outage of Telegram's or of the database) counts
     * from when it was sent, as Telegram counts its 48 hours: once they are over it is not asked for.
     */
    @Test
    void aMessageHandledLateCountsFromWhenItWasSent() {
        TelegramUser user = user("nl");
        com.fasterxml.jackson.databind.node.ObjectNode late = user.message("/help");
        ((com.fasterxml.jackson.databind.node.ObjectNode) late.get("message"))
                .put("date", Instant.now().minus(Duration.ofHours(49)).getEpochSecond());
        int lateId = late.get("message").get("message_id").asInt();
        fake.enqueue(late);
        fake.awaitConfirmed(late.get("update_id").asLong());
        int recent = user.say("/vergeet");
        confirmAndAwaitForgotten(user, user.last());

        JsonNode body = deletionIn(user);
        assertTrue(ids(body).contains(recent), "the recent message is deleted: " + ids(body));
        assertTrue(!ids(body).contains(lateId), "the one sent 49 hours ago, though handled just now, is not asked for: " + ids(body));
    }

    @Test
    void theResultPdfIsDeletedWithTheRest() {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        user.tap(user.lastWithButtons(), "p");
        fake.await(() -> !fake.documentsTo(user.chatId).isEmpty(), 30, "the result PDF");
        int pdf = fake.documentsTo(user.chatId).get(0).messageId();
        user.say("/vergeet");
        confirmAndAwaitForgotten(user, user.last());
        JsonNode body = deletionIn(user);
        assertTrue(ids(body).contains(pdf), "the result as a file, too: " + ids(body));
    }

    @Test
    void aReplyStillWaitingWhenVergeetIsConfirmedNeverAppearsInTheChat() throws SQLException {
        TelegramUser user = user("nl");
        user.say("/vergeet");
        FakeBotApi.Sent confirm = user.last();
        fake.tooManyRequestsFor(user.chatId, 1); // Telegram takes nothing for this chat for now
        user.say("/help");
        assertEquals(1, count("SELECT COUNT(*) FROM telegram_outbox WHERE sent_at IS NULL AND chat_id = ?", user.chatId),
                "the reply to /help waits");
        int mark = user.mark();
        user.tap(confirm, "v:y");
        fake.recover();
        fake.await(() -> user.textSince(mark).contains(say("nl", "forgotten")), 10, "the reply to /vergeet");
        fake.await(() -> waiting(user) == 0, 10, "nothing of the chat waits any more");

        assertEquals(List.of(say("nl", "forgotten")), visibleTexts(user),
                "of the bot's messages only the one that says the chat was forgotten is left on the phone");
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_chat_message WHERE chat_hash = ?", settings.chatIds().hash(user.chatId)),
                "no message id of the forgotten chat is kept");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aReplyOnItsWayToTelegramWhenVergeetIsConfirmedIsDeletedOnceItArrived() throws SQLException {
        TelegramUser user = user("nl");
        user.say("/vergeet");
        FakeBotApi.Sent confirm = user.last();
        fake.tooManyRequestsFor(user.chatId, 1);
        user.say("/help"); // its reply waits, then the outbox's scan sends it...
        fake.holdSendingTo(user.chatId);
        int beforeHelp = fake.calls("sendMessage").size();
        fake.recover();
        fake.await(() -> fake.calls("sendMessage").size() > beforeHelp, 10, "the reply to /help on its way");
        int answered = fake.calls("answerCallbackQuery").size();
        int mark = user.mark();
        // ...and /vergeet is confirmed while Telegram has not yet answered (not awaited as handled: its replies wait
        // for the chat's turn, after the reply on its way)
        fake.enqueue(user.tapUpdate(confirm, "v:y"));
        fake.await(() -> fake.calls("answerCallbackQuery").size() > answered, 10, "the tap on yes handled");
        fake.releaseSending();
        fake.await(() -> user.textSince(mark).contains(say("nl", "forgotten")), 10, "the reply to /vergeet");
        fake.await(() -> waiting(user) == 0 && visibleTexts(user).size() == 1, 10, "the chat's messages deleted");

        assertEquals(List.of(say("nl", "forgotten")), visibleTexts(user),
                "the reply that arrived after the chat was forgotten is deleted too");
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_chat_message WHERE chat_hash = ?", settings.chatIds().hash(user.chatId)),
                "no message id of the forgotten chat is kept");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void whenTelegramRefusesTheDeletionTheReplySaysSoAndHowToRemoveThem() {
        TelegramUser user = user("nl");
        user.say("/help");
        user.say("/vergeet");
        FakeBotApi.Sent confirm = user.last();
        fake.refuseNext("deleteMessages", "message can't be deleted");
        int mark = user.mark();
        user.tap(confirm, "v:y");
        fake.await(() -> user.since(mark).size() == 1, 10, "the reply to /vergeet");

        assertEquals(1, deletionsAskedIn(user), "the deletion was asked for");
        assertEquals(say("nl", "forgotten_not_deleted"), TelegramHtmlCheck.withoutDirectionMarks(user.since(mark).get(0).text),
                "never told the messages were deleted when they were not; told to delete the chat to remove them");
        assertTrue(visibleTexts(user).size() > 1, "the messages are indeed still there");
    }

    /**
     * The same when the deletion goes later, row by row by the outbox's scan (here Telegram said "too many requests"
     * first), rather than right after the commit together with the reply.
     */
    @Test
    void whenTelegramRefusesTheDeletionTriedAgainLaterTheReplySaysSoToo() {
        TelegramUser user = user("nl");
        user.say("/help");
        user.say("/vergeet");
        FakeBotApi.Sent confirm = user.last();
        fake.tooManyRequestsFor(user.chatId, 1);
        int mark = user.mark();
        user.tap(confirm, "v:y");
        assertTrue(waiting(user) >= 2, "the deletion and the reply wait");
        assertEquals(0, user.since(mark).size(), "the reply waits for the deletion");
        long asked;
        synchronized (fake) { // at once, so that no try in between is told to wait and takes the refusal with it
            asked = deletionsAskedIn(user);
            fake.refuseNext("deleteMessages", "message can't be deleted");
            fake.recover();
        }
        fake.await(() -> user.since(mark).size() == 1, 10, "the reply to /vergeet");

        assertEquals(asked + 1, deletionsAskedIn(user), "the deletion was asked for again, and refused");
        assertEquals(say("nl", "forgotten_not_deleted"), TelegramHtmlCheck.withoutDirectionMarks(user.since(mark).get(0).text),
                "never told the messages were deleted when they were not");
        assertTrue(visibleTexts(user).size() > 1, "the messages are indeed still there");
    }

    /** Taps "yes" on /vergeet's confirmation {@code confirm} and waits for the reply that says the chat was forgotten. */
    private void confirmAndAwaitForgotten(TelegramUser user, FakeBotApi.Sent confirm) {
        int mark = user.mark();
        user.tap(confirm, "v:y");
        fake.await(() -> user.textSince(mark).contains(say("nl", "forgotten")), 10, "the reply to /vergeet");
    }

    /** What Telegram was asked to delete in the user's chat (the first deletion). */
    private JsonNode deletionIn(TelegramUser user) {
        return fake.calls("deleteMessages").stream().map(FakeBotApi.Call::body)
                .filter(b -> b.path("chat_id").asLong() == user.chatId).findFirst().orElseThrow();
    }

    private long deletionsAskedIn(TelegramUser user) {
        return fake.calls("deleteMessages").stream().filter(c -> c.body().path("chat_id").asLong() == user.chatId).count();
    }

    @Test
    void whenTheDeletionIsRefusedInArabicTheReplyIsInArabic() {
        TelegramUser user = user("ar");
        user.say("/vergeet");
        FakeBotApi.Sent confirm = user.last();
        fake.refuseNext("deleteMessages", "message can't be deleted");
        int mark = user.mark();
        user.tap(confirm, "v:y");
        fake.await(() -> user.since(mark).size() == 1, 10, "the reply to /vergeet");
        assertEquals(say("ar", "forgotten_not_deleted"), TelegramHtmlCheck.withoutDirectionMarks(user.since(mark).get(0).text));
    }

    private List<String> visibleTexts(TelegramUser user) {
        return fake.visibleIn(user.chatId).stream().map(m -> TelegramHtmlCheck.withoutDirectionMarks(m.text)).toList();
    }

    private long waiting(TelegramUser user) {
        try {
            return count("SELECT COUNT(*) FROM telegram_outbox WHERE sent_at IS NULL AND chat_id = ?", user.chatId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Integer> ids(JsonNode body) {
        Set<Integer> ids = new TreeSet<>();
        body.path("message_ids").forEach(id -> ids.add(id.asInt()));
        return ids;
    }

    private int indexOfForgottenReply(TelegramUser user) {
        List<FakeBotApi.Call> calls = fake.calls();
        String forgotten = say("nl", "forgotten");
        for (int i = 0; i < calls.size(); i++) {
            FakeBotApi.Call c = calls.get(i);
            if (c.method().equals("sendmessage") && c.body().path("chat_id").asLong() == user.chatId
                    && TelegramHtmlCheck.visibleText(c.body().path("text").asText()).contains(forgotten)) {
                return i;
            }
        }
        throw new AssertionError("no reply to /vergeet");
    }

    /** Makes the chat's noted ids look noted {@code ago} (the time Telegram allows is up by then). */
    private void age(String hash, Duration ago) throws SQLException {
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("UPDATE telegram_chat_message SET noted_at = ? WHERE chat_hash = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(ago)));
            s.setString(2, hash);
            assertTrue(s.executeUpdate() > 0, "the chat has noted ids to age");
        }
    }
}
