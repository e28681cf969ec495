package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.DeleteConversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A finished conversation asked for again, as the Telegram probe of December 2026 did: {@code /hervat} with its code
 * said "we go on where you were" over a result with nothing left to answer; {@code /resultaat} after the conversation was
 * deleted by its code on the web said no conversation had ever been finished.
 */
@MicronautTest(transactional = false)
class TelegramFinishedConversationTest extends TelegramFixture {
    @Inject
    DeleteConversation deleteConversation;

    TelegramFinishedConversationTest() {
        super("757575:finished-conversation-test-token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "ar"})
    void resumingAFinishedConversationSaysItIsFinishedAndShowsItsResult(String language) {
        TelegramUser user = user(language);
        String[] code = {null};
        ConversationState finished = finishWithCode(user, code);
        user.say("/start");
        int mark = user.mark();
        user.say("/hervat " + code[0]);
        String said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words().say(language, "resumed_finished"))), "said it is finished: " + said);
        assertFalse(said.contains(TelegramHtmlCheck.visibleText(words().say(language, "resumed"))), "not 'we go on where you were': " + said);
        assertTrue(user.last().buttonTexts().contains(words().plain(language, "as_pdf")), "with its result: " + user.last());
        assertEquals(List.of(), fake.problems());
    }

    /**
     * A remark sent after the result ("Oh, en nog iets: meer over tolken graag") is not kept, and the chat says so
     * above the menu: it got the menu alone, and the person could think it was added (the Telegram probe).
     */
    @ParameterizedTest
    @ValueSource(strings = {"nl", "ar"})
    void aRemarkAfterTheResultIsSaidNotToBeKept(String language) {
        TelegramUser user = user(language);
        ConversationState finished = finishWithCode(user, new String[] {null});
        Map<String, String> before = stored(finished.id());
        int mark = user.mark();
        user.say("Oh, en nog iets: meer over tolken graag.");
        String said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words().say(finished, "after_done"))), "said it is not kept: " + said);
        assertEquals(before, stored(finished.id()), "and nothing was added to the finished conversation");
        assertEquals(List.of(), fake.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "ar"})
    void theResultOfAConversationDeletedOnTheWebIsNoLongerThereNotNeverFinished(String language) {
        TelegramUser user = user(language);
        String[] code = {null};
        ConversationState finished = finishWithCode(user, code);
        assertTrue(deleteConversation.deleteByCode(code[0]), "deleted by its code, as on the web");
        int mark = user.mark();
        user.say("/resultaat");
        String said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words().say(language, "no_result"))), said);
        String deleted = language.equals("nl") ? "gewist" : "حُذفت";
        assertTrue(said.contains(deleted), "says it may have been deleted, not that none was ever finished: " + said);
        assertFalse(said.contains(finished.result().tips().get(0).title()), "nothing of the deleted result: " + said);
        assertEquals(List.of(), fake.problems());
    }

    /**
     * A finished conversation whose result closed (a week after it ended): {@code /hervat} with its code said "you can
     * still have the conversation deleted" and offered nothing to do it with ({@code /vergeet} deletes only what the
     * chat itself still holds). Now the chat asks whether to delete it, in the chat's language: "no" deletes nothing,
     * "yes" deletes it with its answers by the code, as the web's page of the same code does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nl", "ar"})
    void aClosedResultsCodeOffersItsDeletionInTheChat(String language) throws java.sql.SQLException {
        TelegramUser user = user(language);
        String[] code = {null};
        finishWithCode(user, code);
        String id = conversationOf(user);
        try (java.sql.Connection c = connection(); java.sql.PreparedStatement past = c.prepareStatement(
                "UPDATE conversation SET updated_at = updated_at - INTERVAL '8' DAY WHERE id = ?")) {
            past.setString(1, id); // past the week its result opens for
            assertEquals(1, past.executeUpdate());
        }
        String closed = TelegramHtmlCheck.withoutDirectionMarks(TelegramHtmlCheck.visibleText(
                words().shared(language, "error.result_closed", java.util.Map.of())));
        String confirm = TelegramHtmlCheck.withoutDirectionMarks(say(language, "closed_delete_confirm"));
        String yes = "x:" + code[0].replace("-", "");

        int mark = user.mark();
        user.say("/hervat " + code[0]);
        String said = user.textSince(mark);
        assertTrue(said.contains(closed) && said.contains(confirm), "says it closed and offers its deletion: " + said);
        assertTrue(user.last().buttonData().containsAll(List.of(yes, "v:n")), user.last().toString());
        assertTrue(user.last().buttonTexts().contains(words().plain(language, "closed_delete_yes")), user.last().toString());

        mark = user.mark();
        user.tap("v:n");
        assertTrue(user.textSince(mark).contains(TelegramHtmlCheck.withoutDirectionMarks(say(language, "forget_cancelled"))),
                user.textSince(mark));
        assertTrue(count("SELECT COUNT(*) FROM answer WHERE conversation_id = ?", id) > 0, "'no' deletes nothing");

        user.say("/hervat " + code[0]);
        mark = user.mark();
        user.tap(yes);
        said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.withoutDirectionMarks(say(language, "closed_deleted"))), said);
        assertEquals(0, count("SELECT COUNT(*) FROM conversation WHERE id = ?", id), "deleted");
        assertEquals(0, count("SELECT COUNT(*) FROM answer WHERE conversation_id = ?", id), "with its answers");

        mark = user.mark();
        user.say("/hervat " + code[0]);
        assertTrue(user.textSince(mark).contains(TelegramHtmlCheck.withoutDirectionMarks(TelegramHtmlCheck.visibleText(
                words().shared(language, "error.resume_not_found", java.util.Map.of())))), user.textSince(mark));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * A resident's closed result is said in their flow's polite register: {@code /hervat} with the code of an Arabic
     * wijkanalyse said "بإمكانك" (the singular "you") to a resident the flow addresses in the plural.
     */
    @Test
    void aResidentsClosedResultIsSaidPolitelyInTheChat() throws java.sql.SQLException {
        TelegramUser user = user("ar");
        String[] codes = {null};
        walkTo(user, "wijkanalyse", null, u -> {
            ConversationState state = state(u);
            if (codes[0] == null) {
                codes[0] = state.resumeCode(); // as the person had it while answering
            }
            return state;
        });
        String code = codes[0];
        String id = conversationOf(user);
        try (java.sql.Connection c = connection(); java.sql.PreparedStatement past = c.prepareStatement(
                "UPDATE conversation SET updated_at = updated_at - INTERVAL '8' DAY WHERE id = ?")) {
            past.setString(1, id);
            assertEquals(1, past.executeUpdate());
        }
        int mark = user.mark();
        user.say("/hervat " + code);
        String said = user.textSince(mark);
        assertTrue(said.contains("لا يزال بإمكانكم حذف المحادثة") && !said.contains("بإمكانك "), said);
        assertEquals(List.of(), fake.problems());
    }

    /** Walks through the self-scan to its result; {@code code[0]}: its resume code, as the person had it while answering. */
    private ConversationState finishWithCode(TelegramUser user, String[] code) {
        return walkTo(user, "werk-jij-diversiteitsproof", null, u -> {
            ConversationState state = state(u);
            if (code[0] == null) {
                code[0] = state.resumeCode();
            }
            return state;
        });
    }
}
