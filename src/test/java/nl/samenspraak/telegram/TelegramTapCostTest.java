package nl.samenspraak.telegram;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.support.StatementCounter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one tap on an answer button asks of the database before the update is acknowledged, through the real Telegram
 * library against the fake Bot API: statements and commits, the least of three chats (the counter sees the whole
 * database, background jobs included). Two commits: the update's claim, the answer, its replies and the chat's live
 * message in one, and after the replies went, marking them sent with the chat's new live message id in the other.
 * Prints the figures for the README's capacity model.
 */
@MicronautTest(transactional = false)
@Property(name = "samenspraak.test.count-statements", value = "true")
class TelegramTapCostTest extends TelegramFixture {
    @Inject
    StatementCounter counter;

    TelegramTapCostTest() {
        super("777111:tap-cost-test-token", Map.of("telegram.chat-hash-key", "tap-cost-key"));
    }

    @Test
    void aTapIsCountedInStatementsAndCommits() {
        StatementCounter.Counts least = null;
        for (int n = 0; n < 3; n++) {
            TelegramUser user = user("nl");
            user.say("/start voorbeeld");
            user.tap("n");
            String id = conversationOf(user);
            assertEquals("rol", readConversation.state(id).orElseThrow().step().id());
            StatementCounter.Counts before = counter.counts();
            user.tap("a:0");
            StatementCounter.Counts tap = counter.counts().minus(before);
            assertEquals("ervaring_jaren", readConversation.state(id).orElseThrow().step().id(), "the tap answered the question");
            least = least == null ? tap : new StatementCounter.Counts(Math.min(least.statements(), tap.statements()),
                    Math.min(least.commits(), tap.commits()));
        }
        List<String> recent = counter.recent();
        System.out.printf("Telegram, per answering tap until the update is acknowledged (its replies sent): %d statements, "
                + "%d commits%n%s%n", least.statements(), least.commits(), String.join("\n", recent));
        // the last tap's own commit, on its chat's thread: the answer, its replies and the chat's live message together
        String answer = "UPDATE conversation SET";
        int at = -1;
        for (int i = recent.size() - 1; i >= 0 && at < 0; i--) {
            at = recent.get(i).contains(answer) ? i : -1;
        }
        assertTrue(at >= 0, "the tap's answer is among the last statements");
        String thread = recent.get(at).substring(0, recent.get(at).indexOf(':'));
        List<String> unit = new ArrayList<>();
        for (int i = at; i >= 0 && !(recent.get(i).startsWith(thread + ": COMMIT")); i--) {
            if (recent.get(i).startsWith(thread + ":")) {
                unit.add(recent.get(i));
            }
        }
        for (int i = at + 1; i < recent.size() && !recent.get(i).startsWith(thread + ": COMMIT"); i++) {
            if (recent.get(i).startsWith(thread + ":")) {
                unit.add(recent.get(i));
            }
        }
        assertTrue(unit.stream().anyMatch(l -> l.contains("INSERT INTO telegram_update")), "the update's claim is in that commit: " + unit);
        assertTrue(unit.stream().anyMatch(l -> l.replace("\"", "").contains("INSERT INTO answer ")), "the answer's row is in that commit: " + unit);
        assertTrue(unit.stream().anyMatch(l -> l.contains("INSERT INTO \"telegram_outbox\"")), "its replies are in that commit: " + unit);
        assertTrue(unit.stream().anyMatch(l -> l.contains("UPDATE \"telegram_chat\"")), "the chat's live message is in that commit: " + unit);
        List<String> after = new ArrayList<>();
        int commitAt = -1;
        for (int i = at + 1; i < recent.size(); i++) {
            if (recent.get(i).startsWith(thread + ":")) {
                if (commitAt < 0 && recent.get(i).startsWith(thread + ": COMMIT")) {
                    commitAt = i;
                } else if (commitAt >= 0) {
                    after.add(recent.get(i));
                }
            }
        }
        assertEquals(2, after.stream().filter(l -> l.contains("UPDATE telegram_outbox SET sent_at")).count(),
                "both replies are marked sent after the commit: " + after);
        assertEquals(List.of(thread + ": COMMIT"), after.stream().filter(l -> l.contains("COMMIT")).toList(),
                "in one commit, with the live message's id: " + after);
        assertTrue(least.commits() <= 2, "a tap commits twice: the update's claim with the answer, its replies and the chat's "
                + "live message, and after sending, the replies marked sent with the live message's id; was " + least.commits());
        assertTrue(least.statements() <= 15, "a tap takes at most 15 statements on H2 (one read is the review's dry run); was " + least.statements());
    }
}
