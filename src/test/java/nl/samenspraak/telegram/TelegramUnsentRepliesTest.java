package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.DeleteConversation;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reply that waits in the outbox while Telegram will not take it holds the person's words (here the echo of a text
 * being typed). When the person has that conversation forgotten meanwhile (on the web, by its code), the words leave
 * the outbox in the same commit and never reach the chat afterwards; what the chat is told after that still comes, in
 * its order, and so does the confirmation of {@code /vergeet} written while Telegram is away.
 */
@MicronautTest(transactional = false)
class TelegramUnsentRepliesTest extends TelegramFixture {
    @Inject
    DeleteConversation deleteConversation;

    TelegramUnsentRepliesTest() {
        super("747474:unsent-replies-token");
    }

    @Test
    void aWaitingReplyWithTheWordsOfAForgottenConversationIsNeverSentAndWhatComesAfterItIs() throws SQLException {
        TelegramUser user = toTheInterviewsOpenQuestion(user("nl"));
        assertEquals("leefwereld", step(user));
        fake.tooManyRequestsFor(user.chatId, 1); // Telegram takes nothing for this chat for now
        int mark = user.mark();
        user.say("Wij zijn gevlucht uit Aleppo, Kerkstraat 12.");
        assertEquals(1, count("SELECT COUNT(*) FROM telegram_outbox WHERE sent_at IS NULL AND body LIKE '%Aleppo%'"),
                "the echo of the words typed waits to be sent");

        assertTrue(deleteConversation.deleteOwn(conversationOf(user)), "the person forgets the conversation on the web, by its code");
        assertEquals(0, count("SELECT COUNT(*) FROM telegram_outbox WHERE body LIKE '%Aleppo%'"),
                "forgotten means forgotten, in the replies still waiting too");

        user.say("/help");
        fake.recover();
        fake.await(() -> user.textSince(mark).contains("/vergeet"), 10, "the help written after the forgetting");
        assertFalse(user.textSince(mark).contains("Aleppo"), "the forgotten words never reach the chat: " + user.textSince(mark));

        user.say("/vergeet");
        FakeBotApi.Sent confirm = user.last();
        fake.tooManyRequestsFor(user.chatId, 1);
        int beforeYes = user.mark();
        user.tap(confirm, "v:y");
        fake.recover();
        fake.await(() -> user.textSince(beforeYes).contains(say("nl", "forgotten")), 10,
                "the confirmation of /vergeet, written while Telegram was away");
        // the confirmation reaches Telegram a moment before its row is marked sent
        fake.await(() -> waiting(user) == 0, 10, "nothing of the chat waits any more");
        assertEquals(List.of(), fake.problems());
    }

    private long waiting(TelegramUser user) {
        try {
            return count("SELECT COUNT(*) FROM telegram_outbox WHERE sent_at IS NULL AND chat_id = ?", user.chatId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
