package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chat has the web's share of starts an hour (here 2; the service's default is 30): one Telegram account sending
 * /start in a loop, or /opnieuw, started a conversation each time, filling the database or a team's figures through
 * its deep link, where the web stops a client at thirty an hour. The refusal is said in the chat's language, and a
 * conversation going on is asked again, untouched.
 */
@MicronautTest(transactional = false)
class TelegramStartLimitTest extends TelegramFixture {
    TelegramStartLimitTest() {
        super("747474:start-limit-test-token", Map.of("samenspraak.limits.starts-per-hour", "2"));
    }

    @Test
    void aChatStartingInALoopIsStoppedAsTheWebStopsAnAddress() {
        TelegramUser user = user("nl");
        user.say("/start voorbeeld");
        String first = conversationOf(user);
        assertNotNull(first);
        user.tap("n");
        user.say("/opnieuw");
        String second = conversationOf(user);
        assertNotEquals(first, second, "a restart is a start");
        user.tap("n");
        assertEquals("rol", step(user));

        int mark = user.mark();
        user.say("/start voorbeeld");
        assertEquals(second, conversationOf(user), "no third conversation this hour");
        assertEquals("rol", step(user), "the conversation going on is where it was");
        String said = user.textSince(mark);
        assertTrue(said.contains(say("nl", "too_many_starts")), "said why: " + said);
        assertTrue(user.lastWithButtons().buttonTexts().contains("Professional in een wijkteam"), "and its question asked again: " + said);

        mark = user.mark();
        user.say("/opnieuw");
        assertEquals(second, conversationOf(user), "nor by starting over");
        assertTrue(user.textSince(mark).contains(say("nl", "too_many_starts")));

        TelegramUser other = user("nl");
        other.say("/start voorbeeld");
        assertNotNull(conversationOf(other), "another chat is not held up");
        TelegramUser third = user("ar");
        third.say("/start werk-jij-diversiteitsproof");
        third.say("/start werk-jij-diversiteitsproof");
        mark = third.mark();
        third.say("/start werk-jij-diversiteitsproof");
        assertTrue(third.textSince(mark).contains(say("ar", "too_many_starts")), "in the chat's language: " + third.textSince(mark));
    }
}
