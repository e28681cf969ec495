package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.JsonHttp;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot in a real chat's situations, through the real library and a fake Bot API on loopback: old
 * buttons, double taps, a flaky Bot API, going back, switching language, pausing and resuming (also from
 * and to the web), and forgetting everything.
 */
@MicronautTest(transactional = false)
class TelegramConversationTest extends TelegramFixture {
    @Inject
    ConversationRepository conversations;
    @Inject
    EmbeddedServer server;

    TelegramConversationTest() {
        super("654321:conversation-test-token");
    }

    /** A Dutch user at the example flow's "rol" question (the info step passed). */
    private TelegramUser atRole() {
        TelegramUser user = user("nl");
        user.say("/start voorbeeld");
        user.tap("n");
        assertEquals("rol", step(user));
        return user;
    }

    /** A Dutch user at the example flow's "houding" scale, which a choice question follows. */
    private TelegramUser atScale() {
        TelegramUser user = atRole();
        user.tap("a:0");
        user.say("3");
        user.tap("t:0");
        user.tap("k");
        user.tap("a:1");
        assertEquals("houding", step(user));
        return user;
    }

    /**
     * A /start in the middle of a conversation begins the new one and says the earlier one is paused, with its code
     * (Telegram probe: it began without a word, as if the earlier answers were gone); the earlier one keeps its answers
     * and comes back with that code.
     */
    @Test
    void aStartMidConversationSaysTheEarlierOneIsPausedWithItsCode() {
        TelegramUser user = atRole();
        user.tap("a:0");
        String earlier = conversationOf(user);
        String code = readConversation.state(earlier).orElseThrow().resumeCode();
        int mark = user.mark();
        user.say("/start voorbeeld");
        String said = user.textSince(mark);
        assertTrue(said.contains(say("nl", "previous_paused")), said);
        assertTrue(said.contains(code.substring(0, 4) + "-" + code.substring(4)), "with the earlier one's code: " + said);
        assertNotEquals(earlier, conversationOf(user), "a new conversation began");

        user.say("/hervat " + code);
        assertEquals(earlier, conversationOf(user));
        assertEquals("ervaring_jaren", step(user), "the earlier one goes on where it was");
    }

    /**
     * The pause notice came with blank lines after it: /stop put one between "Gepauzeerd" and the code, and a /start
     * in the middle of a conversation three between the earlier one's code and the new one's first words. Now the code
     * follows the notice on the next line, and one blank line parts the earlier conversation from the new one.
     */
    @Test
    void thePauseNoticeHasNoBlankLinesAfterIt() {
        TelegramUser user = atRole();
        user.tap("a:0");
        int mark = user.mark();
        user.say("/start voorbeeld");
        String started = TelegramHtmlCheck.withoutDirectionMarks(user.textSince(mark));
        assertTrue(started.contains(say("nl", "previous_paused") + "\nJe code is "), started);
        assertFalse(started.contains("\n\n\n"), "no more than one blank line: " + started);

        user.say("/stop");
        String paused = TelegramHtmlCheck.withoutDirectionMarks(user.last().text);
        assertTrue(paused.startsWith(say("nl", "paused") + "\nJe code is "), paused);
        assertFalse(paused.contains("\n\n"), "no blank line: " + paused);
        assertFalse(paused.endsWith("\n"), paused);
    }

    /**
     * The resume code, where the pause names it first, is monospaced: Telegram copies it with one tap, for the website
     * or after /hervat, where it was eight letters and digits to copy by hand. "/hervat CODE" after it stays one command
     * (in Arabic one left-to-right isolate, its slash in front).
     */
    @Test
    void theResumeCodeIsCopiedWithOneTap() {
        for (String language : List.of("nl", "ar")) {
            TelegramUser user = user(language);
            user.say("/start werk-jij-diversiteitsproof");
            user.tap("n");
            String code = readConversation.state(conversationOf(user)).orElseThrow().resumeCode();
            String grouped = code.substring(0, 4) + "-" + code.substring(4);
            user.say("/stop");
            String html = user.last().html;
            String copyable = "ar".equals(language) ? "<code>\u2066" + grouped + "\u2069</code>" : "<code>" + grouped + "</code>";
            assertEquals(html.indexOf(copyable), html.lastIndexOf(copyable), language + ": once: " + html);
            assertTrue(html.contains(copyable), language + ": " + html);
            assertTrue(html.contains("ar".equals(language) ? "\u2066/hervat " + grouped + "\u2069" : "/hervat " + grouped), language + ": " + html);
        }
    }

    /**
     * After /stop a greeting got the list of flows alone: the paused conversation, and the way back to it, were
     * nowhere. The menu offers to go on with it now, and its button goes on where it was. /STOP once more said "Je
     * bent nog niet in gesprek. Kies een gesprek met /start": it says the conversation is paused already, with /hervat.
     */
    @Test
    void aGreetingAfterStopOffersToGoOnWithThePausedConversation() {
        TelegramUser user = atRole();
        user.tap("a:0");
        String paused = conversationOf(user);
        user.say("/stop");
        user.say("/STOP");
        assertEquals(say("nl", "already_paused"), TelegramHtmlCheck.withoutDirectionMarks(user.last().text));

        user.say("hallo");
        FakeBotApi.Sent menu = user.lastWithButtons();
        assertEquals(TelegramHtmlCheck.visibleText(words().say("nl", "continue", Map.of("title", words().flowText("nl", "voorbeeld", "title")))),
                menu.buttonTexts().get(0), "the paused conversation first: " + menu);
        user.tap(menu, Callback.of(Callback.CONTINUE).data());
        assertEquals(paused, conversationOf(user));
        assertEquals("ervaring_jaren", step(user), "on where it was");
        assertTrue(user.last().text.contains(say("nl", "resumed")), user.last().text);
    }

    @Test
    void aButtonOfAnAnsweredQuestionOnlyGetsANotice() {
        TelegramUser user = atScale();
        FakeBotApi.Sent scale = user.lastWithButtons();
        user.tap(scale, "a:3");
        int mark = user.mark();
        String stale = user.tap(scale, "a:1");

        assertEquals(List.of(say("nl", "stale_button")), notices(stale));
        String id = conversationOf(user);
        assertEquals("kennis", readConversation.state(id).orElseThrow().step().id(), "the next question (also a choice) is not answered");
        assertEquals("4", stored(id).get("houding"));
        assertFalse(stored(id).containsKey("kennis"));
        assertEquals(0, user.mark() - mark, "no message for a stale tap");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void twoQuickTapsOnOneQuestionRecordOneAnswer() {
        TelegramUser user = atScale();
        FakeBotApi.Sent scale = user.lastWithButtons();
        int mark = user.mark();
        ObjectNode first = user.tapUpdate(scale, "a:1");
        ObjectNode second = user.tapUpdate(scale, "a:1");
        fake.enqueue(first, second);
        fake.awaitConfirmed(second.get("update_id").asLong());

        String id = conversationOf(user);
        ConversationState state = readConversation.state(id).orElseThrow();
        assertEquals("kennis", state.step().id(), "one step further, not two");
        assertEquals("2", stored(id).get("houding"));
        assertFalse(stored(id).containsKey("kennis"), "the second tap did not answer the next question");
        String question = TelegramHtmlCheck.visibleText(state.step().text());
        assertEquals(1, user.since(mark).stream().filter(s -> s.text.contains(question)).count(), "the next question comes once");
        assertEquals(List.of(""), notices(first.get("callback_query").get("id").asText()));
        assertEquals(List.of(say("nl", "stale_button")), notices(second.get("callback_query").get("id").asText()));
    }

    @Test
    void aBotApiThatSaysTooManyRequestsIsWaitedForAndTheAnswerCountsOnce() {
        TelegramUser user = atRole();
        int sendsBefore = fake.calls("sendMessage").size();
        fake.tooManyRequestsNext("sendMessage", 1);
        fake.badGatewayNext("editMessageReplyMarkup");
        user.tap("a:0");
        fake.await(() -> fake.calls("sendMessage").size() >= sendsBefore + 2 && user.sent().stream().noneMatch(FakeBotApi.Sent::hasButtons),
                10, "the question sent after the 429, with the old buttons gone after the 502");

        List<FakeBotApi.Call> sends = fake.calls("sendMessage").subList(sendsBefore, fake.calls("sendMessage").size());
        assertEquals(2, sends.size(), "refused once with 429, then sent");
        assertEquals(sends.get(0).body().get("text"), sends.get(1).body().get("text"), "the same message again");
        assertTrue(Duration.between(sends.get(0).at(), sends.get(1).at()).toMillis() >= 950, "retry_after was honoured");

        String id = conversationOf(user);
        ConversationState state = readConversation.state(id).orElseThrow();
        assertEquals("ervaring_jaren", state.step().id());
        assertEquals(1, answers.findByConversationId(id).size(), "the answer is recorded exactly once");
        String question = TelegramHtmlCheck.visibleText(state.step().text());
        // the send is counted when the call comes in, the message when it is answered: wait for the message itself
        fake.await(() -> user.sent().stream().anyMatch(s -> s.text.contains(question)), 10, "the next question");
        assertEquals(1, user.sent().stream().filter(s -> s.text.contains(question)).count(), "and the next question arrived once");
        assertFalse(user.sent().stream().anyMatch(FakeBotApi.Sent::hasButtons), "the 502 on removing the buttons was retried");

        user.say("12");
        assertEquals("talen", readConversation.state(id).orElseThrow().step().id(), "the chat goes on normally");
    }

    @Test
    void goingBackShowsTheEarlierAnswerAndWhatWasTypedStaysText() {
        TelegramUser user = atRole();
        user.tap("a:0");
        user.say("3");
        user.tap("t:0");
        user.tap("k");
        user.tap("a:0");
        assertEquals("tolk_taal", step(user));
        user.say("<b>Turks</b> & <i>Arabisch</i>");
        user.tap("k");
        user.say("/terug");

        FakeBotApi.Sent back = user.last();
        assertTrue(back.text.contains(say("nl", "went_back")), back.text);
        assertTrue(back.text.contains("Eerder antwoordde je: <b>Turks</b> & <i>Arabisch</i>"), back.text);
        assertFalse(back.html.contains("<b>Turks"), "the typed tags are escaped: " + back.html);
        assertEquals("tolk_taal", step(user));
        // the earlier text kept as it was with one tap (only retyping it or skipping it, which threw it away, were offered)
        assertTrue(back.buttonData().contains("e"), "a button keeps the earlier answer: " + back.buttonTexts());
        assertTrue(back.buttonTexts().contains(TelegramHtmlCheck.visibleText(words().say("nl", "keep_earlier"))), back.buttonTexts().toString());
        user.tap(back, "e");
        assertEquals("houding", step(user), "on to the next question");
        assertEquals("\"<b>Turks</b> & <i>Arabisch</i>\"", answers.findByConversationId(conversationOf(user)).stream()
                .filter(a -> a.stepId().equals("tolk_taal")).findFirst().orElseThrow().answerValue(), "kept as it was");
        user.say("/terug");
        assertEquals("tolk_taal", step(user));

        user.say("/terug");
        user.say("/terug");
        FakeBotApi.Sent multi = user.last();
        assertTrue(multi.buttonTexts().get(0).startsWith("\u2611"), "the earlier choice is ticked again: " + multi.buttonTexts());
        assertEquals(List.of(), fake.problems());
    }

    /**
     * A date typed as people write it and then gone back to: "Eerder antwoordde je: 2026-12-01", the stored form,
     * where the transcript and the PDF say "1 december 2026". Now the chat shows it that way too, and "Zo laten"
     * echoes it so while the date stored stays the same.
     */
    @Test
    void goingBackToADateShowsItAsPeopleWriteIt() {
        TelegramUser user = atScale();
        user.tap("a:2");
        user.tap("a:0");
        assertEquals("laatste_gesprek", step(user));
        user.say("1-12-2026");
        assertEquals("opmerking", step(user));
        user.say("/terug");

        FakeBotApi.Sent back = user.last();
        assertEquals("laatste_gesprek", step(user));
        assertTrue(back.text.contains("Eerder antwoordde je: 1 december 2026"), back.text);
        assertFalse(back.text.contains("2026-12-01"), back.text);
        user.tap(back, "e");
        assertTrue(user.last().text.contains("1 december 2026"), "kept, and said as before: " + user.last().text);
        assertEquals("opmerking", step(user));
        assertEquals("\"2026-12-01\"", answers.findByConversationId(conversationOf(user)).stream()
                .filter(a -> a.stepId().equals("laatste_gesprek")).findFirst().orElseThrow().answerValue(), "the date stored as it was");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * "Nederlands, Turks" typed at a question with several answers was read as one answer and refused. Now it answers
     * with both (the engine's reading, the same on the web and the API); a list with a part that is no option is
     * refused naming that part, and nothing is stored, not the parts that were options either.
     */
    @Test
    void aTypedListAnswersAMultiQuestion() {
        TelegramUser user = atRole();
        user.tap("a:0");
        user.say("3");
        assertEquals("talen", step(user));
        user.say("Nederlands en Frans");
        assertTrue(user.last().text.contains("\"Frans\" staat niet tussen de antwoorden"), user.last().text);
        assertEquals("talen", step(user), "the same question again");
        assertTrue(answers.findByConversationId(conversationOf(user)).stream().noneMatch(a -> a.stepId().equals("talen")),
                "nothing stored, not Nederlands alone");

        user.say("Nederlands, Turks");
        assertEquals("tolk", step(user));
        assertEquals("[\"nederlands\",\"turks\"]", answers.findByConversationId(conversationOf(user)).stream()
                .filter(a -> a.stepId().equals("talen")).findFirst().orElseThrow().answerValue().replace(" ", ""));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * Lists typed as people type them at the cultural interview's languages: "Berbers en Turks", where the option reads
     * "Berbers (Tamazight)", and an Arabic parent's "العربية والأمازيغية", its و ("and") joined to the second word.
     * Both were refused as naming no option; now both answer, and going back shows them kept by their full labels.
     */
    @Test
    void aTypedListNamesOptionsByTheirFirstWordsAndArabicAnd() {
        for (String language : List.of("nl", "ar")) {
            TelegramUser user = user(language);
            user.say("/start cultureel-interview");
            user.tap("n");
            user.tap("a:0"); // consent: ja
            assertEquals("talen", step(user));
            int mark = user.mark();
            user.say("nl".equals(language) ? "Berbers en Turks" : "العربية والأمازيغية");
            assertEquals("tolk_nodig", step(user), language + ": " + user.textSince(mark));
            assertEquals("nl".equals(language) ? "[\"turks\",\"berbers\"]" : "[\"arabisch\",\"berbers\"]",
                    answers.findByConversationId(conversationOf(user)).stream().filter(a -> a.stepId().equals("talen"))
                            .findFirst().orElseThrow().answerValue().replace(" ", ""));
            assertFalse(user.textSince(mark).contains("nl".equals(language) ? "staat niet tussen" : "ليست من الإجابات"),
                    "no refusal: " + user.textSince(mark));
            user.say("/terug");
            String back = TelegramHtmlCheck.withoutDirectionMarks(user.last().text);
            assertEquals("talen", step(user));
            String kept = "nl".equals(language) ? "Eerder antwoordde u: Turks, Berbers (Tamazight)" : "أجبتم سابقًا: العربية، الأمازيغية";
            assertTrue(back.contains(kept), "the answer kept, said by the options' labels: " + back);
        }
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aMultiQuestionNeedsAChoiceBeforeDone() {
        TelegramUser user = atRole();
        user.tap("a:0");
        user.say("3");
        FakeBotApi.Sent multi = user.lastWithButtons();
        String done = user.tap(multi, "k");

        FakeBotApi.Call notice = fake.calls("answerCallbackQuery").stream()
                .filter(c -> c.body().path("callback_query_id").asText().equals(done)).findFirst().orElseThrow();
        assertTrue(notice.body().path("show_alert").asBoolean(), "an alert, not a toast");
        assertEquals(TelegramHtmlCheck.visibleText(words().shared("nl", "error.required", Map.of())),
                notice.body().path("text").asText());
        assertTrue(multi.hasButtons(), "the buttons stay to choose from");
        assertEquals("talen", step(user));
        user.tap(multi, "t:1");
        user.tap(multi, "t:4");
        user.tap(multi, "t:1");
        user.tap(multi, "k");
        assertEquals("[\"engels\"]", answers.findByConversationId(conversationOf(user)).stream()
                .filter(a -> a.stepId().equals("talen")).findFirst().orElseThrow().answerValue());
    }

    /**
     * "Klaar" with nothing ticked on a question that may be skipped: kept as skipped, and the echo says so. It read
     * "Uw antwoord: " and nothing (the resident cannot tell what was kept).
     */
    @Test
    void doneWithNothingTickedOnAnOptionalQuestionSaysSkipped() {
        TelegramUser user = user("nl");
        user.say("/start cultureel-interview");
        user.tap("n");
        user.tap("a:0"); // consent: ja
        assertEquals("talen", step(user));
        FakeBotApi.Sent multi = user.lastWithButtons();
        int mark = user.mark();
        user.tap(multi, "k");
        assertEquals("tolk_nodig", step(user));
        String skipped = TelegramHtmlCheck.visibleText(words().shared("nl", "cultureel-interview", "answer.skipped", Map.of()));
        assertTrue(user.textSince(mark).contains(": " + skipped), "the echo says skipped: " + user.textSince(mark));
        assertTrue(answers.findByConversationId(conversationOf(user)).stream().noneMatch(a -> a.stepId().equals("talen")
                && a.answerValue() != null && !a.answerValue().equals("null")), "kept as skipped");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * Two options ticked, then a typed "en ook Engels" (refused: choose from the buttons), twice: the question comes
     * again with both still ticked, and "Klaar" keeps them. The ticks were gone, and "Klaar" said the question needs
     * an answer.
     */
    @Test
    void theTicksOfAMultiQuestionSurviveATypedWord() {
        TelegramUser user = atRole();
        user.tap("a:0");
        user.say("3");
        FakeBotApi.Sent multi = user.lastWithButtons();
        user.tap(multi, "t:0");
        user.tap(multi, "t:2");
        user.say("en ook Engels");
        FakeBotApi.Sent again = user.lastWithButtons();
        assertEquals("talen", step(user));
        assertTrue(again.buttonTexts().get(0).startsWith("\u2611") && again.buttonTexts().get(2).startsWith("\u2611")
                && again.buttonTexts().get(1).startsWith("\u2610"), "still ticked after the typed word: " + again.buttonTexts());
        user.say("en Engels");
        FakeBotApi.Sent third = user.lastWithButtons();
        assertTrue(third.buttonTexts().get(0).startsWith("\u2611") && third.buttonTexts().get(2).startsWith("\u2611"),
                "and after another: " + third.buttonTexts());
        user.tap(third, "k");
        String stored = answers.findByConversationId(conversationOf(user)).stream()
                .filter(a -> a.stepId().equals("talen")).findFirst().orElseThrow().answerValue();
        assertEquals(2, stored.split(",").length, "both kept: " + stored);
        assertEquals(List.of(), fake.problems());
    }

    /**
     * Options ticked and not yet sent with Klaar, then /stop: the pause said "Je antwoorden zijn bewaard" and the ticks
     * were gone on /hervat. It says the choices not sent were not saved, as it does for a text not yet sent.
     */
    @Test
    void aPauseWithOptionsTickedButNotSentSaysTheyWereNotSaved() {
        TelegramUser user = atRole();
        user.tap("a:0");
        user.say("3");
        FakeBotApi.Sent multi = user.lastWithButtons();
        user.tap(multi, "t:0");
        user.tap(multi, "t:2");
        String id = conversationOf(user);
        int mark = user.mark();
        user.say("/stop");
        String said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(say("nl", "paused_ticks_not_saved"))), said);
        assertTrue(answers.findByConversationId(id).stream().noneMatch(a -> a.stepId().equals("talen")),
                "and they were not");
        user.say("/hervat");
        assertEquals("talen", step(user), "that question comes again");

        mark = user.mark();
        user.say("/stop");
        assertFalse(user.textSince(mark).contains(TelegramHtmlCheck.visibleText(say("nl", "paused_ticks_not_saved"))),
                "nothing ticked, nothing to say: " + user.textSince(mark));
    }

    @Test
    void theLanguageComesFromTelegramAndTaalChangesIt() {
        TelegramUser turkish = user("tr-TR");
        turkish.say("/start");
        assertTrue(turkish.last().text.contains(say("tr", "choose_flow")), turkish.last().text);
        TelegramUser noLanguage = user(null);
        noLanguage.say("/start");
        assertTrue(noLanguage.last().text.contains(say("nl", "choose_flow")), "Dutch when Telegram names no language");

        TelegramUser user = atRole();
        user.say("/taal");
        assertTrue(user.last().buttonData().containsAll(List.of("l:nl", "l:en", "l:tr", "l:ar", "l:pl")));
        user.tap("l:en");
        String id = conversationOf(user);
        assertEquals("en", readConversation.state(id).orElseThrow().language());
        assertTrue(user.last().text.contains("In which role do you work?"), user.last().text);
        assertTrue(user.last().text.contains(TelegramHtmlCheck.visibleText(
                words().say("en", "language_set", Map.of("language", "English")))), user.last().text);

        user.say("/taal");
        user.tap("l:ar");
        assertEquals("en", chat(user).language(), "the bot's words stay the conversation's (a chat in two languages, else)");
        assertEquals("en", readConversation.state(id).orElseThrow().language(), "the example flow has no Arabic: it stays English");
        assertTrue(TelegramHtmlCheck.withoutDirectionMarks(user.last().text).contains("English (en)"),
                "says, in Arabic, which languages the flow has: " + user.last().text);
        assertEquals(List.of("l:nl", "l:en"), user.last().buttonData(), "and offers them to tap");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * An Arabic parent sent a link to a flow that has no Arabic (here the example, Dutch and English): the bot said
     * "choose from Nederlands, English" with nothing to choose with, and /start's menu in Arabic does not list that
     * flow. Now those languages are buttons, and one starts the flow in it; the bot's own words stay Arabic.
     */
    @Test
    void aFlowWithoutTheChatsLanguageOffersItsOwnLanguagesToStartIn() {
        TelegramUser user = user("ar");
        user.say("/start voorbeeld");
        FakeBotApi.Sent refusal = user.last();
        assertTrue(TelegramHtmlCheck.withoutDirectionMarks(refusal.text).contains("English (en)"), refusal.text);
        assertEquals(List.of("Nederlands", "English"), refusal.buttonTexts(), "the flow's languages, to tap");

        user.tap(refusal, refusal.buttonData().get(1));
        ConversationState started = state(user);
        assertEquals("voorbeeld", started.flow());
        assertEquals("en", started.language());
        assertTrue(user.last().text.contains("This short example shows how a conversation works"), user.last().text);
        assertEquals("ar", chat(user).language(), "the chat's own words stay the person's");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * "Nee" to the resident's consent, tapped in Dutch or typed in Arabic: the conversation is deleted with its
     * answers in that commit, and saving the chat's row, still naming it, failed the whole update: the person read "something
     * went wrong, earlier answers are saved", and the conversation was back at its consent question, kept. Now they
     * read that nothing of them was kept, which is so, and the chat is in no conversation.
     */
    @Test
    void noToConsentTappedOrTypedKeepsNothingAndSaysSo() throws SQLException {
        TelegramUser dutch = user("nl");
        dutch.say("/start wijkanalyse");
        dutch.tap("n");
        String tapped = conversationOf(dutch);
        assertEquals("toestemming", step(dutch));
        assertTrue(dutch.last().text.contains("(in Telegram: /vergeet)"), "in Telegram the consent names its command: " + dutch.last().text);
        dutch.tap("a:1");
        TelegramUser arabic = user("ar");
        arabic.say("/start wijkanalyse");
        arabic.tap("n");
        String typed = conversationOf(arabic);
        arabic.say("لا");

        for (TelegramUser user : List.of(dutch, arabic)) {
            String lang = user == dutch ? "nl" : "ar";
            String said = TelegramHtmlCheck.withoutDirectionMarks(user.last().text);
            String declined = TelegramHtmlCheck.withoutDirectionMarks(
                    TelegramHtmlCheck.visibleText(words().shared(lang, "wijkanalyse", "result.declined", Map.of())));
            assertTrue(said.contains(declined), "says nothing was kept: " + said);
            assertNull(chat(user).conversationId(), "the chat is in no conversation");
        }
        for (String id : List.of(tapped, typed)) {
            assertEquals(0, count("select count(*) from conversation where id = ?", id), "nothing of the conversation is kept");
            assertEquals(0, answers.findByConversationId(id).size());
        }
        assertEquals(List.of(), fake.problems());
    }

    /**
     * Arabic chosen (from /taal's list, or typed as "/taal ar") in a conversation whose flow has no Arabic: the bot's
     * words turned Arabic while the questions stayed Dutch, a chat in two languages. Now the person hears, in Arabic
     * and then in the chat's words, that this conversation goes on in its own languages, with those as buttons; the
     * chat and the conversation stay Dutch until one is tapped, and that one changes both.
     */
    @Test
    void aLanguageTheFlowLacksIsSaidInItWithTheFlowsLanguagesToChoose() {
        TelegramUser user = atRole();
        String id = conversationOf(user);
        user.say("/taal");
        user.tap(user.last(), "l:ar");
        FakeBotApi.Sent refusal = user.last();
        List<FakeBotApi.Sent> sent = user.sent();
        String inArabic = TelegramHtmlCheck.withoutDirectionMarks(sent.get(sent.size() - 2).text);
        assertTrue(inArabic.contains("ستبدأ المحادثة التالية"), "said in Arabic: " + inArabic);
        assertTrue(refusal.text.contains("Het volgende gesprek begint in"), "and in the chat's words: " + refusal.text);
        assertEquals(List.of("Nederlands", "English"), refusal.buttonTexts(), "the flow's languages, to tap");
        assertEquals("nl", chat(user).language(), "the bot's words stay the conversation's");
        assertEquals("nl", state(user).language());

        List<String> offered = refusal.buttonTexts();
        user.say("/taal ar");
        assertEquals(offered, user.last().buttonTexts(), "typed with the language, the same");
        assertEquals("nl", chat(user).language());

        user.tap(user.last(), user.last().buttonData().get(1));
        assertEquals("en", chat(user).language());
        assertEquals("en", state(user).language());
        assertEquals("rol", step(user), "the same question, now in English");
        assertEquals(id, conversationOf(user));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * "/taal ar" typed in a conversation whose flow lacks Arabic was forgotten: the next flow began in Dutch again.
     * The wish is kept for the chat: this conversation goes on in Dutch (said so, in Dutch), and the next flow that
     * has Arabic, started after this one, is in Arabic, as are the bot's words and the list of flows from then on.
     */
    @Test
    void aLanguageTheFlowLacksIsTheNextFlowsLanguage() {
        TelegramUser user = atRole();
        String first = conversationOf(user);
        user.say("/taal ar");
        assertTrue(user.last().text.contains("Het volgende gesprek begint in"), user.last().text);
        assertEquals("nl", chat(user).language(), "the bot's words stay this conversation's");
        user.tap(user.last(), "l:nl");
        assertEquals("rol", step(user), "the question again, in Dutch");
        user.tap("a:0");
        assertEquals("ervaring_jaren", step(user), "this conversation goes on, in Dutch");
        assertEquals("nl", state(user).language());
        assertEquals(first, conversationOf(user));

        user.say("/stop");
        user.say("/start");
        assertEquals("ar", chat(user).language(), "out of that conversation, the chat speaks Arabic");
        assertTrue(TelegramHtmlCheck.withoutDirectionMarks(user.last().text).contains(
                TelegramHtmlCheck.withoutDirectionMarks(say("ar", "choose_flow"))), "the list of flows in Arabic: " + user.last().text);
        user.say("/start werk-jij-diversiteitsproof");
        assertNotEquals(first, conversationOf(user));
        assertEquals("ar", state(user).language(), "the next flow that has Arabic starts in it");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void pausedOnTelegramGoesOnOnTheWebAndBack() {
        TelegramUser user = atRole();
        user.tap("a:0");
        user.say("/stop");
        String id = conversationOf(user) == null ? null : "still";
        assertNull(id, "paused: the chat is in no conversation");
        String pausedText = user.last().text;
        assertTrue(pausedText.contains(say("nl", "paused")), pausedText);
        String code = pausedText.replaceAll("(?s).*?([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}).*", "$1");

        JsonHttp web = new JsonHttp(server.getURL().toString());
        JsonNode onWeb = web.get("/api/resume/" + code).json();
        assertEquals("ervaring_jaren", onWeb.get("step").get("id").asText(), "the web continues where Telegram stopped");
        String conversationId = onWeb.get("id").asText();
        assertEquals(200, web.post("/api/conversations/" + conversationId + "/answers", "{\"step\":\"ervaring_jaren\",\"value\":7}").status());

        user.say("/hervat " + code.toLowerCase().replace("-", " "));
        assertEquals(conversationId, conversationOf(user), "the same conversation, by the same code");
        assertTrue(user.last().text.contains(say("nl", "resumed")), user.last().text);
        user.tap("t:0");
        user.tap("k");
        assertEquals("tolk", web.get("/api/conversations/" + conversationId).json().get("step").get("id").asText());

        ConversationState fromWeb = startConversation.start("topiclijst", "nl", Channel.WEB).state();
        user.say("/hervat " + fromWeb.resumeCode());
        assertEquals(fromWeb.id(), conversationOf(user), "a conversation started on the web goes on in Telegram");
        user.say("/hervat");
        assertEquals(fromWeb.id(), conversationOf(user), "without a code: the last one this chat had");
        user.say("/hervat ZZZZ-ZZZZ");
        assertTrue(user.last().text.contains(TelegramHtmlCheck.visibleText(words().shared("nl", "error.resume_not_found", Map.of()))));
        assertEquals(fromWeb.id(), conversationOf(user));
    }

    @Test
    void hervatDoesNotOpenAConversationAnIntermediairHolds() {
        TelegramUser user = atRole();
        String own = conversationOf(user);
        for (String flow : List.of("cultureel-interview", "wijkanalyse")) {
            // as IntermediairController starts one together with a client or resident (account 1 000 000 holds it)
            ConversationState assisted = startConversation.start(flow, "nl", Channel.WEB, nl.samenspraak.conversation.Origin.NONE, "nl",
                    nl.samenspraak.conversation.Caller.intermediair(1_000_000L)).state();
            user.say("/hervat " + assisted.resumeCode());
            assertTrue(user.last().text.contains(TelegramHtmlCheck.visibleText(words().shared("nl", "error.resume_not_found", Map.of()))),
                    "as a code nobody has: " + user.last().text);
            assertEquals(own, conversationOf(user), "the chat goes on with its own conversation");
            assertEquals("welkom", conversations.findById(assisted.id()).orElseThrow().currentStep());
        }
    }

    @Test
    void vergeetAfterConfirmationLeavesNoRowOfTheChat() throws SQLException {
        TelegramUser user = atRole();
        user.tap("a:0");
        String first = conversationOf(user);
        user.say("/opnieuw");
        String second = conversationOf(user);
        assertNotEquals(first, second, "/opnieuw starts the flow anew");
        assertTrue(user.last().text.contains(say("nl", "restarted")));
        user.tap("n");
        ConversationState fromWeb = startConversation.start("cultureel-interview", "nl", Channel.WEB).state();
        user.say("/hervat " + fromWeb.resumeCode());
        user.tap("a:0");
        List<String> ids = List.of(first, second, fromWeb.id());
        String hash = settings.chatIds().hash(user.chatId);
        assertEquals(3, count("select count(*) from telegram_conversation where chat_hash = ?", hash));

        user.say("/vergeet");
        assertEquals(List.of("v:y", "v:n"), user.last().buttonData());
        user.tap("v:n");
        assertTrue(conversations.existsById(first), "nothing is erased without yes");
        assertTrue(user.last().text.contains(say("nl", "forget_cancelled")));

        user.say("/vergeet");
        FakeBotApi.Sent confirm = user.last();
        user.tap(confirm, "v:y");
        assertTrue(user.last().text.contains(say("nl", "forgotten")), user.last().text);
        // the service keeps nothing, and the chat's messages of the last 48 hours are deleted (TelegramForgetDeletesMessagesTest);
        // older ones Telegram no longer lets a bot delete: the reply says they stay until the chat goes
        assertTrue(user.last().text.contains("in Telegram") && user.last().text.contains("verwijder deze chat"), user.last().text);
        assertFalse(confirm.hasButtons());
        for (String id : ids) {
            assertFalse(conversations.existsById(id), "conversation gone");
            assertEquals(0, answers.findByConversationId(id).size(), "answers gone");
        }
        assertEquals(0, count("select count(*) from telegram_chat where chat_hash = ?", hash));
        assertEquals(0, count("select count(*) from telegram_conversation where chat_hash = ?", hash));

        String stale = user.tap(confirm, "v:y");
        assertEquals(List.of(say("nl", "stale_button")), notices(stale), "an old confirmation erases nothing more");
        assertEquals(0, count("select count(*) from telegram_chat where chat_hash = ?", hash));
    }

    @Test
    void deletingAConversationThroughTheApiLeavesNoTelegramRowPointingAtIt() throws SQLException {
        TelegramUser user = atRole();
        String id = conversationOf(user);
        assertEquals(204, new JsonHttp(server.getURL().toString()).delete("/api/conversations/" + id).status());
        assertNull(conversationOf(user), "the chat's current conversation is cleared");
        assertEquals(0, count("select count(*) from telegram_conversation where conversation_id = ?", id));
        user.say("hallo");
        assertTrue(user.last().text.contains(say("nl", "choose_flow")), "the chat offers the flows again");
    }

    @Test
    void commandsAndMessagesItCanNotUseGetAnExplanation() {
        TelegramUser user = user("pl");
        user.say("/bestaatniet");
        assertTrue(user.last().text.contains(say("pl", "unknown_command")));
        assertTrue(user.last().text.contains("/vergeet (/forget) \u2014 " + say("pl", "commands.vergeet")));
        user.say("/terug");
        assertTrue(user.last().text.contains(say("pl", "no_conversation")));
        user.say("/start bestaat-niet");
        assertTrue(user.last().text.contains(TelegramHtmlCheck.visibleText(words().shared("pl", "error.flow_not_found", Map.of()))));
        assertTrue(user.last().text.contains(say("pl", "choose_flow")), "and the flows there are, to tap: " + user.last().text);
        assertFalse(user.last().buttonTexts().isEmpty(), "a button per flow");
        user.say("/start voorbeeld");
        assertTrue(user.last().text.contains("English (en)"), "the example flow has no Polish: " + user.last().text);
        user.say("/help@SamenspraakBot");
        assertTrue(user.last().text.contains(say("pl", "help")));
        assertEquals(List.of(), fake.problems());
    }
}
