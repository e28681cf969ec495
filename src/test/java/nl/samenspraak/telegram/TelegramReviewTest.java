package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Controleer je antwoorden" (issue 13, item 5), through the real library and a fake Bot API on loopback: the answer
 * to the last question is not sent until "Afronden"; the person first reads every answer given, and /terug (or
 * "Wijzigen") goes back with the held answer dropped. A second "Afronden" finishes nothing twice.
 */
@MicronautTest(transactional = false)
class TelegramReviewTest extends TelegramFixture {
    TelegramReviewTest() {
        super("737373:review-test-token");
    }

    /** A user of the example flow at its last question ("opmerking"), every earlier one answered by tap or typing. */
    private TelegramUser atLastQuestion(String language) {
        TelegramUser user = user(language);
        user.say("/start voorbeeld");
        user.tap("n");
        user.tap("a:0");      // rol
        user.say("3");        // ervaring_jaren
        user.tap("t:0");      // talen
        user.tap("k");
        user.tap("a:1");      // tolk: nee
        user.tap("a:3");      // houding
        user.tap("a:0");      // kennis
        user.say("2024-03-01"); // laatste_gesprek
        assertEquals("opmerking", step(user));
        return user;
    }

    /** At the last question, "Alles duidelijk" typed and Klaar tapped: the review is the live message. */
    private TelegramUser atReview(String language) {
        TelegramUser user = atLastQuestion(language);
        user.say("Alles duidelijk, team Noord");
        user.tap("k");
        return user;
    }

    /**
     * /resultaat at "Controleer je antwoorden" shows the list with "Afronden" again: it said no conversation was finished
     * in this chat and to choose one with /start, away from the result one tap off. Afronden on the new list finishes.
     */
    @Test
    void resultaatAtTheReviewShowsTheReviewAgain() {
        TelegramUser user = atReview("nl");
        int mark = user.mark();
        user.say("/resultaat");
        String said = user.textSince(mark);
        assertFalse(said.contains(say("nl", "no_result")), said);
        FakeBotApi.Sent review = user.last();
        assertTrue(review.text.contains(say("nl", "review_title")), review.text);
        assertTrue(review.text.contains("Alles duidelijk, team Noord"), "the held answer is still there: " + review.text);
        assertEquals(List.of("r", "b"), review.buttonData());
        user.tap("r");
        assertTrue(state(user).done());
        assertEquals("\"Alles duidelijk, team Noord\"", stored(conversationOf(user)).get("opmerking"));
    }

    /**
     * /stop at "Controleer je antwoorden" drops the answer held there (it is not one of the conversation's); the pause
     * said only "your answers are saved", so the person thought the one they had just seen listed was kept too.
     */
    @Test
    void stopAtTheReviewSaysTheHeldAnswerWasNotSaved() {
        TelegramUser user = atReview("nl");
        String id = conversationOf(user);
        int mark = user.mark();
        user.say("/stop");
        String said = user.textSince(mark);
        assertTrue(said.contains(say("nl", "paused")), said);
        assertTrue(said.contains(say("nl", "paused_held_not_saved")), "says the held answer was not kept: " + said);
        assertFalse(stored(id).containsKey("opmerking"), "and it was not");
        assertEquals("opmerking", readConversation.state(id).orElseThrow().step().id(), "going on asks that question again");
    }

    @Test
    void theLastAnswerWaitsForAfrondenWhileTheAnswersAreListed() {
        TelegramUser user = atLastQuestion("nl");
        String id = conversationOf(user);
        user.say("Alles duidelijk, team Noord");
        int mark = user.mark();
        user.tap("k");

        FakeBotApi.Sent review = user.last();
        assertTrue(review.text.contains(say("nl", "review_title")), review.text);
        assertTrue(review.text.contains(say("nl", "review_not_yet")), "says nothing is finished yet: " + review.text);
        var state = readConversation.state(id).orElseThrow();
        var labels = state.step().options();
        assertTrue(labels.isEmpty(), "a text question");
        // every answer so far, as the person gave it, and the held one
        for (String given : List.of("3", "2024", "Alles duidelijk, team Noord")) {
            assertTrue(review.text.contains(given), "lists " + given + ": " + review.text);
        }
        assertTrue(review.text.contains("8.") && !review.text.contains("9."), "numbered up to the held answer: " + review.text);
        assertEquals(List.of("r", "b"), review.buttonData(), "Afronden and Wijzigen");
        assertEquals(List.of(say("nl", "review_finish"), say("nl", "review_change")), review.buttonTexts());
        assertFalse(user.textSince(mark).contains(say("nl", "done")), "no result yet");

        assertFalse(state.done(), "the conversation is not finished");
        assertEquals("opmerking", state.step().id());
        assertFalse(stored(id).containsKey("opmerking"), "the held answer is not stored as an answer");
        assertNotNull(chat(user).pending(), "it is held in the chat's row");

        int before = user.mark();
        String first = user.tap(review, "r");
        assertTrue(readConversation.state(id).orElseThrow().done(), "Afronden finishes it");
        assertEquals("Alles duidelijk, team Noord", stored(id).get("opmerking").replace("\"", ""));
        assertNull(chat(user).pending());
        String result = user.textSince(before);
        assertTrue(result.contains(say("nl", "done")), "the short result follows: " + result);
        assertTrue(result.contains("Jouw antwoord: Alles duidelijk"), "the answer is echoed once it is in: " + result);
        assertFalse(review.hasButtons(), "the review's buttons are gone");

        int afterResult = user.mark();
        int rows = answers.findByConversationId(id).size();
        String second = user.tap(review, "r");
        assertEquals(rows, answers.findByConversationId(id).size(), "a second Afronden adds nothing");
        assertFalse(user.textSince(afterResult).contains(say("nl", "done")), "and shows no second result");
        assertEquals(List.of(say("nl", "stale_button")), notices(second), "it is refused like any stale button");
        assertEquals(List.of(""), notices(first));
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void terugFromTheReviewGoesBackAndDropsTheHeldAnswer() {
        TelegramUser user = atReview("nl");
        String id = conversationOf(user);
        FakeBotApi.Sent review = user.last();
        user.say("/terug");

        assertEquals("laatste_gesprek", readConversation.state(id).orElseThrow().step().id(), "one question back");
        assertNull(chat(user).pending(), "the held answer is gone");
        assertTrue(user.last().text.contains(say("nl", "went_back")), user.last().text);
        assertFalse(review.hasButtons(), "the review's buttons are gone");

        String stale = user.tap(review, "r");
        assertEquals(List.of(say("nl", "stale_button")), notices(stale));
        assertFalse(readConversation.state(id).orElseThrow().done(), "a stale Afronden finishes nothing");
        assertFalse(stored(id).containsKey("opmerking"));

        // the way on is the same as before: the last question, then the review again
        user.say("2024-03-02");
        user.tap(user.lastWithButtons(), "s"); // skip the last question this time
        FakeBotApi.Sent again = user.last();
        assertTrue(again.text.contains(say("nl", "review_title")), again.text);
        assertTrue(again.text.contains(TelegramHtmlCheck.visibleText(
                library.translations().message("nl", "answer.skipped"))), "the skip is listed: " + again.text);
        assertFalse(again.text.contains("Alles duidelijk"), "the dropped answer is not: " + again.text);
        user.tap(again, "b"); // Wijzigen: as /terug
        assertEquals("laatste_gesprek", readConversation.state(id).orElseThrow().step().id());
        assertNull(chat(user).pending());
        assertEquals(List.of(), fake.problems());
    }

    /**
     * A resident of {@code flowId} who taps the first option everywhere (yes to consent), types {@code typed} for
     * every text, and so reaches "Controleer je antwoorden".
     */
    private TelegramUser toReview(String flowId, String language, String typed) {
        TelegramUser user = user(language);
        user.say("/start " + flowId);
        String id = conversationOf(user);
        for (int guard = 0; !user.last().buttonData().contains("r"); guard++) {
            assertTrue(guard < 200, "the walk reaches the review");
            var step = readConversation.state(id).orElseThrow().step();
            switch (step.type()) {
                case "info" -> user.tap(user.last(), "n");
                case "multi" -> {
                    int first = 0;
                    while (step.options().get(first).dontKnow()) {
                        first++;
                    }
                    user.tap(user.last(), "t:" + first);
                    user.tap(user.last(), "k");
                }
                case "number" -> user.say(String.valueOf(step.min() != null ? step.min() : 3));
                case "date" -> user.say("2024-03-01");
                case "text" -> {
                    user.say(typed);
                    user.tap(user.last(), "k");
                }
                default -> user.tap(user.last(), "a:0");
            }
        }
        return user;
    }

    /**
     * An Arabic resident sees a slip in their last answer in "Controleer je antwoorden", where it is listed "not yet
     * sent", and edits the message they typed it in: the bot said the answer stayed as it was and to use /terug, and
     * "Afronden" stored the slip. Now the edit changes the held text, as it does before "Klaar"; "Klaar" lists it
     * again, and "Afronden" stores the corrected words.
     */
    @Test
    void anEditOfTheHeldTextUnderTheReviewChangesIt() {
        TelegramUser user = user("ar");
        walkTo(user, "wijkanalyse", "wensen");
        String id = conversationOf(user);
        int typed = user.say("نريد ملعبا للاطفال");
        user.tap("k");
        assertTrue(user.last().buttonData().contains("r"), "at the review: " + user.last());

        user.edit(typed, "نريد ملعبا للأطفال قرب المدرسة");
        FakeBotApi.Sent echo = user.last();
        assertTrue(echo.text.contains("نريد ملعبا للأطفال قرب المدرسة"), "the text as it reads now: " + echo.text);
        assertFalse(TelegramHtmlCheck.withoutDirectionMarks(echo.text).contains(TelegramHtmlCheck.withoutDirectionMarks(
                TelegramHtmlCheck.visibleText(words().say("ar", "wijkanalyse", "edit_too_late", Map.of())))), echo.text);
        assertEquals(List.of("k", "w"), echo.buttonData());
        user.tap(echo, "k");
        FakeBotApi.Sent review = user.last();
        assertTrue(review.text.contains("نريد ملعبا للأطفال قرب المدرسة") && !review.text.contains("نريد ملعبا للاطفال"),
                "the list shows the corrected text: " + review.text);
        user.tap(review, "r");
        assertTrue(state(user).done());
        assertEquals("\"نريد ملعبا للأطفال قرب المدرسة\"", stored(id).get("wensen"));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * The last answer typed in two messages and held under "Controleer je antwoorden", then one of them edited into a
     * text that takes the answer past what the chat may gather (here quotation marks, each two characters in the
     * chat's row): the bot said "this message no longer fits, tap Klaar to have it checked" over the text as it was
     * before the edit, and the list with Afronden was gone from the screen while the old text stayed held. Now it says
     * the change was not taken and the answer stays as it was, and the list of answers to check stays with Afronden,
     * which stores exactly the text it lists.
     */
    @Test
    void anEditThatMakesTheHeldTextTooLongToGatherIsNotTakenAndSaidSo() {
        TelegramUser user = user("nl");
        walkTo(user, "wijkanalyse", "wensen");
        String id = conversationOf(user);
        int first = user.say("Een speeltuin bij de school.");
        user.say("\"".repeat(900));
        user.tap("k");
        assertTrue(user.last().buttonData().contains("r"), "at the review: " + user.last());

        int mark = user.mark();
        user.edit(first, "\"".repeat(4096));
        String said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words().say("nl", "wijkanalyse", "change_not_kept", Map.of()))), said);
        assertFalse(said.contains(TelegramHtmlCheck.visibleText(words().say("nl", "wijkanalyse", "draft_full", Map.of()))), said);
        FakeBotApi.Sent review = user.last();
        assertTrue(review.buttonData().contains("r"), "the answers to check stay, with Afronden: " + review);
        assertTrue(review.text.contains("Een speeltuin bij de school."), "the answer as it was: " + review.text);

        user.tap(review, "r");
        assertTrue(state(user).done());
        assertTrue(stored(id).get("wensen").startsWith("\"Een speeltuin bij de school.\\n"), "what the list showed: " + stored(id).get("wensen").substring(0, 40));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * As above, with a message typed under "Controleer je antwoorden" to add to the held text, too long to gather: it
     * said "this message no longer fits, tap Klaar" and the list was gone while the old text stayed held. Now the
     * person hears the addition was not taken, and the list stays with Afronden.
     */
    @Test
    void aMessageTooLongToAddToTheHeldTextIsNotTakenAndTheReviewStays() {
        TelegramUser user = user("nl");
        walkTo(user, "wijkanalyse", "wensen");
        String id = conversationOf(user);
        user.say("Een speeltuin bij de school.");
        user.say("\"".repeat(900));
        user.tap("k");
        assertTrue(user.last().buttonData().contains("r"), "at the review: " + user.last());

        int mark = user.mark();
        user.say("\"".repeat(4096));
        String said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words().say("nl", "wijkanalyse", "change_not_kept", Map.of()))), said);
        FakeBotApi.Sent review = user.last();
        assertTrue(review.buttonData().contains("r"), "the answers to check stay, with Afronden: " + review);
        user.tap(review, "r");
        assertTrue(state(user).done());
        assertTrue(stored(id).get("wensen").startsWith("\"Een speeltuin bij de school.\\n"));
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void anArabicReviewReadsRightToLeftWithTheLatinIsolated() {
        TelegramUser user = toReview("wijkanalyse", "ar", "Alles duidelijk, team Noord");
        FakeBotApi.Sent review = user.last();
        String title = TelegramHtmlCheck.visibleText(words().say("ar", "wijkanalyse", "review_title", Map.of()));
        assertTrue(TelegramHtmlCheck.withoutDirectionMarks(review.text).contains(title), "in the plural of respect: " + review.text);
        assertFalse(review.text.contains(say("ar", "review_title")), "not the singular: " + review.text);
        review.text.lines().filter(l -> !l.isEmpty()).forEach(l ->
                assertEquals(TelegramHtml.RLM, l.charAt(0), "every line reads right to left: " + l));
        assertTrue(review.text.contains(TelegramHtml.LRI + "/terug"), "the command is isolated: " + review.text);
        assertTrue(review.text.contains(TelegramHtml.LRI + "Alles duidelijk, team Noord" + TelegramHtml.PDI),
                "the typed Latin answer is isolated: " + review.text);
        assertTrue(review.text.contains("\u2190"), "the arrows point the way Arabic reads: " + review.text);
        assertFalse(review.text.contains("\u2192"), review.text);
        user.tap(review, "r");
        assertTrue(state(user).done());
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aDutchResidentIsAddressedWithU() {
        TelegramUser user = toReview("wijkanalyse", "nl", "Meer licht op straat");
        FakeBotApi.Sent review = user.last();
        assertTrue(review.text.contains("Controleer uw antwoorden") && review.text.contains("uw laatste antwoord is nog niet verstuurd"),
                review.text);
        String ours = review.text.substring(review.text.indexOf("Controleer"), review.text.indexOf("\n", review.text.indexOf("Controleer")))
                + review.text.substring(review.text.lastIndexOf("Klopt alles"));
        assertFalse(java.util.regex.Pattern.compile("(?iu)(?<!\\p{L})(je|jij|jou|jouw)(?!\\p{L})").matcher(ours).find(),
                "no je/jij in the review's own words: " + ours);
        assertFalse(state(user).done());
    }
}
