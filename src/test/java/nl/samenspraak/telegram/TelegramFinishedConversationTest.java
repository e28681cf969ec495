package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.DeleteConversation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

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
