package nl.samenspraak.telegram;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.retention.RetentionJob;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whoever holds the database and the bot's token can turn a chat's hash back into a Telegram account; the chat's
 * list of conversations would then say whose answers are whose for as long as they are kept, also those a team sees
 * as anonymous. Once a finished conversation's result no longer opens (7 days here), the daily run takes it off the
 * chat: its answers stay, linked to nobody, as a web conversation's are once its code stops opening it. A chat in no
 * conversation for 30 days is forgotten. Its own database: the run works across all conversations.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:telegram-closed-results;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class TelegramForgetsClosedResultsTest extends TelegramFixture {
    @Inject
    RetentionJob retention;

    TelegramForgetsClosedResultsTest() {
        super("727272:closed-results-token");
    }

    @Test
    void aFinishedConversationLeavesTheChatOnceItsResultNoLongerOpensAndAnIdleChatGoes() throws SQLException {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        String id = conversationOf(user);
        assertTrue(state(user).done(), "the chat is still in the conversation it finished");
        String chat = settings.chatIds().hash(user.chatId);
        assertEquals(1, count("SELECT COUNT(*) FROM telegram_conversation WHERE chat_hash = ? AND conversation_id = ?", chat, id));

        retention.run(Instant.now().plus(Duration.ofDays(6)));
        assertEquals(1, count("SELECT COUNT(*) FROM telegram_conversation WHERE conversation_id = ?", id),
                "while its result opens, the chat may still show it or forget it");

        retention.run(Instant.now().plus(Duration.ofDays(8)));
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_conversation WHERE conversation_id = ?", id),
                "the chat's list no longer has it");
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_chat WHERE conversation_id = ?", id), "nor is the chat in it");
        assertEquals(1, count("SELECT COUNT(*) FROM conversation WHERE id = ?", id), "the answers stay, linked to nobody");
        assertTrue(count("SELECT COUNT(*) FROM answer WHERE conversation_id = ?", id) > 0);
        assertEquals(1, count("SELECT COUNT(*) FROM telegram_chat WHERE chat_hash = ?", chat), "the chat itself is a week idle");

        retention.run(Instant.now().plus(Duration.ofDays(31)));
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_chat WHERE chat_hash = ?", chat), "a chat idle a month is forgotten");
        assertEquals(1, count("SELECT COUNT(*) FROM conversation WHERE id = ?", id));
    }

    @Test
    void aFinishedConversationOfAFlowTheServiceNoLongerHasLeavesTheChatAfterTheServicesPeriod() throws SQLException {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        String id = conversationOf(user);
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("UPDATE conversation SET flow_id = 'uit-flows-gehaald' WHERE id = ?")) {
            s.setString(1, id); // its flow file was taken out of flows/: no flow's retention covers it now
            s.executeUpdate();
        }

        retention.run(Instant.now().plus(Duration.ofDays(6)));
        assertEquals(1, count("SELECT COUNT(*) FROM telegram_conversation WHERE conversation_id = ?", id));

        retention.run(Instant.now().plus(Duration.ofDays(8)));
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_conversation WHERE conversation_id = ?", id),
                "a flow taken away does not keep its chats' links for ever");
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_chat WHERE conversation_id = ?", id));
        assertEquals(1, count("SELECT COUNT(*) FROM conversation WHERE id = ?", id), "the answers stay, linked to nobody");
    }

    /**
     * A result still waiting in the outbox when the run closes it (Telegram took nothing for the chat all that time)
     * holds the chat's id beside the result: the run withdraws it, and it never comes afterwards. The chat's later
     * messages still do.
     */
    @Test
    void aResultWaitingWhenItClosesIsWithdrawnAndNeverSent() throws SQLException {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        String id = conversationOf(user);
        fake.tooManyRequestsFor(user.chatId, 1);
        int mark = user.mark();
        user.say("/resultaat");
        assertTrue(count("SELECT COUNT(*) FROM telegram_outbox WHERE sent_at IS NULL AND kind = 'send' AND chat_id = ?", user.chatId) > 0,
                "the short result waits to be sent");

        retention.run(Instant.now().plus(Duration.ofDays(8)));
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_outbox WHERE sent_at IS NULL AND kind = 'send' AND chat_id = ?", user.chatId),
                "no message with the result waits beside the chat's id");
        assertEquals(1, count("SELECT COUNT(*) FROM conversation WHERE id = ?", id), "the answers stay, linked to nobody");

        user.say("/help");
        fake.recover();
        fake.await(() -> user.textSince(mark).contains("/vergeet"), 10, "the help asked for after the run");
        String more = Callback.of(Callback.MORE).data();
        assertTrue(user.since(mark).stream().noneMatch(s -> s.buttonData().contains(more)), "the result never came: " + user.since(mark));
    }

    /**
     * Slow answerers: two Arabic parents leave the cultural interview for longer than its flow keeps an unfinished
     * conversation (a week), and the retention run deletes both. A tap on the question still on screen said "already
     * answered" (it was not) and took the buttons, nothing more; a message got the bare menu. Neither learnt the
     * answers were gone. Now both hear, in Arabic, that the conversation was not found, with the menu to begin again.
     */
    @Test
    void aSlowAnswererWhoseConversationExpiredHearsItIsGoneAndCanBeginAgain() throws SQLException {
        TelegramUser tapping = toTheInterviewsOpenQuestion(user("ar"));
        tapping.say("نعيش هنا مع ثلاثة أطفال.");
        tapping.tap("k");
        assertEquals("in_nederland_sinds", step(tapping));
        FakeBotApi.Sent question = tapping.lastWithButtons();
        TelegramUser typing = toTheInterviewsOpenQuestion(user("ar"));
        List<String> ids = List.of(conversationOf(tapping), conversationOf(typing));

        retention.run(Instant.now().plus(Duration.ofDays(8)));
        for (String id : ids) {
            assertEquals(0, count("SELECT COUNT(*) FROM conversation WHERE id = ?", id), "unfinished past its week: deleted");
        }
        String gone = TelegramHtmlCheck.withoutDirectionMarks(
                TelegramHtmlCheck.visibleText(words().shared("ar", "error.conversation_not_found", Map.of())));
        String chooseFlow = TelegramHtmlCheck.withoutDirectionMarks(say("ar", "choose_flow"));

        int mark = tapping.mark();
        String tap = tapping.tap(question, "a:0");
        assertEquals(List.of(""), notices(tap), "not 'already answered': it was not");
        String reply = tapping.textSince(mark);
        assertTrue(reply.contains(gone) && reply.contains(chooseFlow), reply);
        assertTrue(tapping.last().buttonData().stream().anyMatch(d -> d.startsWith("f:")), "a flow to begin again: " + tapping.last());

        mark = typing.mark();
        typing.say("ابني يحب المدرسة.");
        reply = typing.textSince(mark);
        assertTrue(reply.contains(gone) && reply.contains(chooseFlow), reply);
        for (String id : ids) {
            assertEquals(0, count("SELECT COUNT(*) FROM answer WHERE conversation_id = ?", id), "nothing stored again");
        }
        assertEquals(List.of(), fake.problems());
    }
}
