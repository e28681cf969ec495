package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.DeleteConversation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Typed answers as people type them (issue 13, item 1), through the real library and a fake Bot API on
 * loopback: an answer in two quick messages, a text Telegram cut in two, edits of a message.
 */
@MicronautTest(transactional = false)
class TelegramTypingTest extends TelegramFixture {
    @Inject
    DeleteConversation deleteConversation;

    TelegramTypingTest() {
        super("717171:typing-test-token");
    }

    /** The stored answers by step, as text (they are kept as JSON). */
    private Map<String, String> stored(TelegramUser user) {
        Map<String, String> byStep = new java.util.HashMap<>();
        answers.findByConversationId(conversationOf(user)).forEach(a -> byStep.put(a.stepId(), text(a.answerValue())));
        return byStep;
    }

    private static String text(String json) {
        try {
            return json == null ? null : FakeBotApi.JSON.readTree(json).asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * An Arabic professional's phone at "kennis_migratie", the same conversation resumed by its code on a tablet, which
     * answers that question: the phone still shows it, the conversation asks "houding_eigen_kader".
     */
    private TelegramUser fallenBehind() {
        TelegramUser phone = user("ar");
        phone.say("/start werk-jij-diversiteitsproof");
        phone.tap("n");
        phone.tap("a:2");
        assertEquals("kennis_migratie", step(phone));
        TelegramUser tablet = user("ar");
        tablet.say("/hervat " + readConversation.state(conversationOf(phone)).orElseThrow().resumeCode());
        tablet.tap("a:1");
        assertEquals("houding_eigen_kader", step(tablet));
        return phone;
    }

    /** A Turkish parent in the cultural interview at "leefwereld", the first of its open questions. */
    private TelegramUser atOpenQuestion() {
        TelegramUser user = toTheInterviewsOpenQuestion(user("tr"));
        assertEquals("leefwereld", step(user));
        return user;
    }

    @Test
    void twoQuickMessagesAreOneAnswerAndNeverTheNextQuestionsAnswer() {
        TelegramUser user = atOpenQuestion();
        assertTrue(user.last().text.contains(say("tr", "type_text_max", Map.of("max", 2000))),
                "the limit is said before anything is typed: " + user.last().text);
        ObjectNode first = user.message("Çocuğum okulda iyi gidiyor.");
        ObjectNode second = user.message("Öğretmeni de bizi sık sık arıyor.");
        fake.enqueue(first, second);
        fake.awaitConfirmed(second.get("update_id").asLong());

        assertEquals("leefwereld", step(user), "nothing is filed before Klaar");
        assertFalse(stored(user).containsKey("leefwereld"));
        assertFalse(stored(user).containsKey("in_nederland_sinds"), "the follow-up is not the next question's answer");
        FakeBotApi.Sent echo = user.last();
        assertTrue(echo.text.contains("Çocuğum okulda iyi gidiyor.\nÖğretmeni de bizi sık sık arıyor."), echo.text);
        assertEquals(List.of("k", "w"), echo.buttonData());

        int third = user.say("Bazen zor oluyor.");
        user.edit(third, "Bazen çok zor oluyor.");
        assertTrue(user.last().text.contains("Bazen çok zor oluyor."), "an edited part replaces what it said: " + user.last().text);
        user.tap("k");

        assertEquals("Çocuğum okulda iyi gidiyor.\nÖğretmeni de bizi sık sık arıyor.\nBazen çok zor oluyor.",
                stored(user).get("leefwereld"));
        assertEquals("in_nederland_sinds", step(user));
        assertTrue(user.last().text.contains("Öğretmeni de bizi"), "the answer is echoed with the next question");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aTextTelegramSplitIsJoinedBackAndItsTailIsNeverTheAnswer() {
        TelegramUser user = atOpenQuestion();
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 5000; i++) {
            words.append("kelime").append(i % 10).append(' ');
        }
        String text = words.substring(0, 5000).strip();
        int cut = text.lastIndexOf(' ', 4096);
        ObjectNode head = user.message(text.substring(0, cut));
        ObjectNode tail = user.message(text.substring(cut + 1));
        fake.enqueue(head, tail);
        fake.awaitConfirmed(tail.get("update_id").asLong());

        assertEquals("leefwereld", step(user));
        assertTrue(stored(user).isEmpty() || !stored(user).containsKey("leefwereld"), "the 904-character tail is not taken as the answer");
        String echo = user.last().text;
        assertTrue(echo.contains(say("tr", "draft_so_far", Map.of("length", text.length()))), "counted as one text: " + echo);
        assertTrue(echo.contains(say("tr", "draft_too_long", Map.of("length", text.length(), "max", 2000))),
                "the limit is said before Klaar: " + echo);

        user.tap("k");
        assertEquals("leefwereld", step(user), "refused as a whole");
        assertFalse(stored(user).containsKey("leefwereld"));
        user.tap("w");
        String shorter = text.substring(0, 1900).strip();
        user.say(shorter);
        user.tap("k");
        assertEquals(shorter, stored(user).get("leefwereld"));
        assertEquals(List.of(), fake.problems(), "no message over Telegram's limit was sent");
    }

    /**
     * "3" and "4" typed quickly at a scale question (the second a correction, say): the second came in before the
     * next question was asked, and was stored as its answer, unseen. Now it is refused with a word and the way to change
     * the answer before (/terug), the question asked again; typed after the question, an answer counts.
     */
    @Test
    void aMessageTypedBeforeTheQuestionIsNotItsAnswer() {
        TelegramUser user = user("nl");
        user.say("/start werk-jij-diversiteitsproof");
        user.tap("n");
        assertEquals("houding_nieuwsgierig", step(user));
        ObjectNode first = user.message("3");
        ObjectNode second = user.message("4");
        fake.enqueue(first, second);
        fake.awaitConfirmed(second.get("update_id").asLong());
        assertEquals("kennis_migratie", step(user), "the next question waits for its answer");
        assertEquals("3", stored(user).get("houding_nieuwsgierig"));
        assertFalse(stored(user).containsKey("kennis_migratie"), "nothing the person did not see was answered: " + stored(user));
        FakeBotApi.Sent last = user.last();
        assertTrue(last.text.contains(say("nl", "typed_before_question")), "says why: " + last.text);
        // the second was a correction as often as not: the way to change the answer just given is in the same words
        assertTrue(last.text.contains("Een eerder antwoord veranderen kan met /terug."), "and how to change it: " + last.text);
        assertTrue(last.hasButtons(), "and asks the question again: " + last);
        user.say("4");
        assertEquals("4", stored(user).get("kennis_migratie"));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * The same two messages while the next question is still on its way (Telegram away for sending here; with two
     * instances, the other one still sending it): "4" was stored as the answer to the question nobody had seen yet,
     * as long as its number was not known (the Telegram probe of December 2026). It counts as typed before it.
     */
    @Test
    void aMessageTypedWhileTheQuestionIsStillOnItsWayIsNotItsAnswer() throws Exception {
        TelegramUser user = user("nl");
        user.say("/start werk-jij-diversiteitsproof");
        user.tap("n");
        assertEquals("houding_nieuwsgierig", step(user));
        fake.downForSending();
        ObjectNode first = user.message("3");
        fake.enqueue(first);
        fake.awaitConfirmed(first.get("update_id").asLong());
        ObjectNode second = user.message("4");
        fake.enqueue(second);
        fake.awaitConfirmed(second.get("update_id").asLong());
        assertEquals("3", stored(user).get("houding_nieuwsgierig"));
        assertFalse(stored(user).containsKey("kennis_migratie"), "the question still on its way was not answered: " + stored(user));
        String refused = say("nl", "typed_before_question");
        fake.recover();
        fake.await(() -> user.sent().stream().anyMatch(m -> m.text.contains(refused)), 60, "the refusal, once Telegram is back");
        // and the bot has noted what Telegram took (the question's number): the person sees it, then answers
        awaitNothingWaitsToGo(user.chatId);
        user.say("4");
        assertEquals("4", stored(user).get("kennis_migratie"), "typed after it, an answer counts");
    }

    /**
     * "Klaar" on an open question and, a moment later, one more line meant for it ("En het buurthuis ook."), sent
     * before the next open question appeared: it began the next question's answer, which the resident had not read.
     * Now it is refused with a word, as before any other question; the next question's answer is what comes after it.
     */
    @Test
    void aLineSentRightAfterKlaarIsNotTheStartOfTheNextOpenAnswer() {
        TelegramUser user = user("nl");
        user.say("/start wijkanalyse");
        user.tap("n");
        user.tap("a:0");
        for (int i = 0; i < 30 && !"goed_in_wijk".equals(step(user)); i++) {
            user.tap("s");
        }
        assertEquals("goed_in_wijk", step(user));
        user.say("De school helpt.");
        FakeBotApi.Sent echo = user.lastWithButtons();
        ObjectNode klaar = user.tapUpdate(echo, "k");
        ObjectNode more = user.message("En het buurthuis ook.");
        fake.enqueue(klaar, more);
        fake.awaitConfirmed(more.get("update_id").asLong());

        assertEquals("De school helpt.", stored(user).get("goed_in_wijk"));
        assertEquals("beter_in_wijk", step(user));
        FakeBotApi.Sent last = user.last();
        assertTrue(last.text.contains(TelegramHtmlCheck.visibleText(words().say("nl", "wijkanalyse", "typed_before_question", Map.of()))),
                "says why: " + last.text);
        user.say("Meer uitleg op school.");
        user.tap("k");
        assertEquals("Meer uitleg op school.", stored(user).get("beter_in_wijk"), "not begun with the line meant before");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * Emoji count as one character each, as the question's limit counts them: 1,001 of them under a limit of 2,000
     * were called "2002 characters", too long, and "Klaar" then took them.
     */
    @Test
    void emojiCountAsOneCharacterEachAndAreNotCalledTooLong() {
        TelegramUser user = atOpenQuestion();
        String emoji = "\uD83D\uDE42".repeat(1_001);
        user.say("  " + emoji + " ");
        String echo = TelegramHtmlCheck.withoutDirectionMarks(user.last().text);
        assertTrue(echo.contains(say("tr", "draft_so_far", Map.of("length", 1_001))), "counted as typed: " + echo);
        assertFalse(echo.contains(say("tr", "draft_too_long", Map.of("max", 2_000, "length", 2_002)).substring(0, 10)),
                "not called too long: " + echo);
        user.tap("k");
        assertEquals(emoji, stored(user).get("leefwereld"));
    }

    /**
     * Fifteen pasted messages of some 4,000 characters, with the newlines and quotes that JSON escapes: without a
     * bound on the draft the fifteenth took the chat's row past its column, failed (and failed again on every retry,
     * with an apology each time), and so did every further message until "Wissen". A part that would not fit is left
     * out and the person told to tap Klaar or Wissen; both still work.
     */
    @Test
    void manyLongPastedMessagesNeverOverflowTheDraftAndWissenStillWorks() {
        TelegramUser user = atOpenQuestion();
        StringBuilder line = new StringBuilder();
        while (line.length() < 3_990) {
            line.append("Zij zei: \"wij wachten\".\n");
        }
        String apology = TelegramHtmlCheck.visibleText(words().shared("tr", "error.internal", Map.of()));
        int mark = user.mark();
        for (int i = 0; i < 15; i++) {
            user.say("deel" + i + " " + line);
        }
        String said = user.textSince(mark);
        assertFalse(said.contains(apology), "no message failed");
        assertEquals(List.of(), fake.problems());
        FakeBotApi.Sent echo = user.last();
        assertTrue(echo.text.contains(say("tr", "draft_full")), "the person hears the text is too long: " + echo.text);
        assertEquals(List.of("k", "w"), echo.buttonData(), "with Klaar and Wissen");
        String draft = chat(user).draft();
        assertTrue(draft.length() <= DraftRoom.of(2000), "the draft stays within its room: " + draft.length());
        assertTrue(draft.contains("deel0") && !draft.contains("deel14"), "what came first is kept, the rest left out");
        assertEquals("leefwereld", step(user));

        user.tap("k");
        assertEquals("leefwereld", step(user), "Klaar has it checked: too long for the question");
        assertFalse(user.textSince(mark).contains(apology));
        user.tap("w");
        assertEquals(null, chat(user).draft(), "Wissen starts again");
        user.say("Kısa bir cevap.");
        user.tap("k");
        assertEquals("Kısa bir cevap.", stored(user).get("leefwereld"));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * Six messages sent at once came out "deel4|deel2|deel5|deel0|deel1|deel3": the order they arrived in, not the
     * order they were sent in (Telegram's split of a long text can arrive over parallel webhook connections).
     */
    @Test
    void partsArrivingOutOfOrderAreJoinedInTheOrderTheyWereSent() {
        TelegramUser user = atOpenQuestion();
        List<ObjectNode> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(user.message("deel" + i));
        }
        List<Long> updateIds = sent.stream().map(u -> u.get("update_id").asLong()).toList();
        int[] arrival = {4, 2, 5, 0, 1, 3};
        ObjectNode[] arriving = new ObjectNode[arrival.length];
        for (int i = 0; i < arrival.length; i++) {
            // the i-th to arrive is the message sent as arrival[i]; update ids count arrivals
            arriving[i] = sent.get(arrival[i]).put("update_id", updateIds.get(i));
        }
        fake.enqueue(arriving);
        fake.awaitConfirmed(updateIds.get(updateIds.size() - 1));

        assertTrue(user.last().text.contains("deel0\ndeel1\ndeel2\ndeel3\ndeel4\ndeel5"), user.last().text);
        user.tap("k");
        assertEquals("deel0\ndeel1\ndeel2\ndeel3\ndeel4\ndeel5", stored(user).get("leefwereld"));
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void anEditOfTheLastTextAnswerReplacesItAndAnOlderOneGetsANote() {
        TelegramUser user = atOpenQuestion();
        int leefwereld = user.say("Wij wonen hier sinds 2010.");
        user.tap("k");
        assertEquals("in_nederland_sinds", step(user));

        user.edit(leefwereld, "Wij wonen hier sinds 2012.");
        assertEquals("Wij wonen hier sinds 2012.", stored(user).get("leefwereld"), "the answer is replaced");
        assertEquals("in_nederland_sinds", step(user), "and the person is at the same next question");
        assertTrue(user.last().text.contains(say("tr", "answer_edited", Map.of("answer", "Wij wonen hier sinds 2012."))),
                user.last().text);

        user.tap("a:4");
        assertEquals("dorp_of_stad", step(user), "a choice: where the parent lived is not asked");
        user.tap("a:0");
        user.tap("a:0");
        assertEquals("familie", step(user), "the next open question");
        int mark = user.mark();
        user.edit(leefwereld, "Wij wonen hier sinds 2015.");
        assertEquals("Wij wonen hier sinds 2012.", stored(user).get("leefwereld"), "an older answer is not changed by an edit");
        assertEquals("familie", step(user));
        String note = user.textSince(mark);
        assertTrue(note.contains(say("tr", "edit_too_late", Map.of())) && note.contains("/terug"), note);
        assertEquals(List.of(), fake.problems());
    }

    /**
     * Switching language while an answer is being typed: the text stayed in the chat's row, but the person saw only
     * the question again, without what they had typed and without Klaar and Wissen (the language menu had taken the
     * echo's buttons off). Now the question comes with the text so far and its buttons, in the language just chosen.
     */
    @Test
    void switchingLanguageWhileTypingShowsTheTextSoFarWithKlaarInTheNewLanguage() {
        TelegramUser user = atOpenQuestion();
        user.say("Çocuğum okulda iyi gidiyor.");
        user.say("/taal");
        user.tap("l:en");

        FakeBotApi.Sent shown = user.last();
        assertTrue(shown.text.contains("Çocuğum okulda iyi gidiyor."), "what was typed is shown: " + shown.text);
        String english = TelegramHtmlCheck.visibleText(words().say(state(user), "draft_hint"));
        assertEquals("en", state(user).language());
        assertTrue(shown.text.contains(english), "with how to finish it, in English: " + shown.text);
        assertEquals(List.of("k", "w"), shown.buttonData());
        assertEquals(List.of(words().plain(state(user), "multi_done"), words().plain(state(user), "draft_wipe")), shown.buttonTexts());

        user.say("Sometimes it is hard.");
        user.tap("k");
        assertEquals("Çocuğum okulda iyi gidiyor.\nSometimes it is hard.", stored(user).get("leefwereld"));
        assertEquals("in_nederland_sinds", step(user));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * An edit of the last text answer that its question refuses (here: longer than its 2,000 characters) went one
     * question back and left the person there with the refusal. Now it is refused where the person is, with the
     * question's own message, and the answer stays the one given before: nothing says it was changed.
     */
    @Test
    void anEditTheQuestionRefusesLeavesTheAnswerAndThePlaceAsTheyWere() {
        TelegramUser user = atOpenQuestion();
        int leefwereld = user.say("Wij wonen hier sinds 2010.");
        user.tap("k");
        assertEquals("in_nederland_sinds", step(user));

        int mark = user.mark();
        user.edit(leefwereld, "Wij wonen hier al heel lang. ".repeat(90).strip());
        assertEquals("in_nederland_sinds", step(user), "the person stays at the question they were at");
        assertEquals("Wij wonen hier sinds 2010.", stored(user).get("leefwereld"), "the answer stays the valid one");
        String said = user.textSince(mark);
        int length = "Wij wonen hier al heel lang. ".repeat(90).strip().length();
        String refusal = TelegramHtmlCheck.visibleText(words().shared("tr", "cultureel-interview", "error.text_too_long",
                Map.of("max", 2000, "length", length)));
        assertTrue(said.contains(refusal), "the question's own message: " + said);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words().say("tr", "cultureel-interview", "edit_refused", Map.of()))), "and that nothing changed: " + said);
        assertFalse(said.contains(TelegramHtmlCheck.visibleText(words().say("tr", "cultureel-interview", "answer_edited",
                Map.of("answer", "")).strip())), "never that it was changed: " + said);
        assertTrue(user.last().hasButtons(), "the current question is asked again, its buttons live: " + user.last().text);

        user.tap("a:4");
        assertEquals("dorp_of_stad", step(user), "and it is answered as usual");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * A person's typed words are theirs: forgetting the conversation by its code (the web's "Wis mijn antwoorden",
     * which takes a Telegram code too) or by retention leaves none of them in the chat's row, neither the last text
     * answer (kept for edits) nor a text still being typed; nor does a chat keep the words of a conversation it left.
     */
    @Test
    void forgettingAConversationLeavesNoneOfItsTypedWordsInTheChat() throws java.sql.SQLException {
        TelegramUser answered = atOpenQuestion();
        answered.say("Wij zijn gevlucht uit Aleppo, Kerkstraat 12.");
        answered.tap("k");
        assertEquals("in_nederland_sinds", step(answered), "the text is answered; the chat keeps it for an edit");
        TelegramUser typing = atOpenQuestion();
        typing.say("Ons verhaal over de vlucht, naam Yusuf.");
        assertEquals("leefwereld", step(typing), "still being typed, not yet sent with Klaar");
        assertEquals(2, wordsKeptInChats("Aleppo", "Yusuf"), "both are kept while the conversations go on");

        TelegramUser movedOn = atOpenQuestion();
        movedOn.say("Mijn broer woont in Gaziantep.");
        movedOn.tap("k");
        String left = conversationOf(movedOn);
        movedOn.say("/start wijkanalyse");
        assertTrue(!conversationOf(movedOn).equals(left), "a new conversation: " + movedOn.last());
        assertEquals(0, wordsKeptInChats("Gaziantep"), "a chat keeps no words of a conversation it left");

        assertTrue(deleteConversation.deleteOwn(conversationOf(answered)));
        assertTrue(deleteConversation.deleteOwn(conversationOf(typing)));
        assertEquals(0, wordsKeptInChats("Aleppo", "Yusuf"), "forgotten means forgotten, in the chat's row too");
        for (TelegramUser chat : List.of(answered, typing)) {
            assertFalse(Set.of("in_nederland_sinds", "leefwereld").contains(chat(chat).liveStep()),
                    "nor which question the buttons answered: a step id names the flow the person took");
        }
        int mark = answered.mark();
        answered.say("Nog iets");
        String gone = TelegramHtmlCheck.visibleText(words().shared("tr", "error.conversation_not_found", Map.of()));
        assertTrue(answered.textSince(mark).contains(TelegramHtmlCheck.withoutDirectionMarks(gone)),
                "a message after it still hears the conversation is gone: " + answered.textSince(mark));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * One conversation answered in two chats at once (a phone and a tablet, by its code): the chat that fell behind
     * still shows the question it was at. "٣" typed there was stored under the question the other chat had moved on
     * to, one this chat never showed; now the person hears that question is no longer the one to answer, and sees
     * the one that is. Typed after that, an answer counts.
     */
    @Test
    void anAnswerTypedInAChatThatFellBehindIsNotTheNextQuestionsAnswer() {
        TelegramUser phone = fallenBehind();

        int mark = phone.mark();
        phone.say("٣");
        assertEquals("2", stored(phone).get("kennis_migratie"), "the answer given on the tablet stays");
        assertFalse(stored(phone).containsKey("houding_eigen_kader"), "the phone never showed that question");
        String reply = phone.textSince(mark);
        String notCurrent = TelegramHtmlCheck.visibleText(words().shared("ar", "werk-jij-diversiteitsproof", "error.not_current", Map.of()));
        assertTrue(reply.contains(TelegramHtmlCheck.withoutDirectionMarks(notCurrent)), reply);
        assertEquals("houding_eigen_kader", chat(phone).liveStep(), "the question to answer now is on the phone's screen");

        phone.say("٤");
        assertEquals("4", stored(phone).get("houding_eigen_kader"));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * As above, with a tap: the phone's live buttons are those of the question the tablet answered meanwhile. A tap on
     * one is not an answer to the question the tablet moved on to (the phone never showed it), nor a change of the
     * tablet's answer; the person is told it was already answered and sees the question to answer now, whose buttons
     * then count.
     */
    @Test
    void aTapInAChatThatFellBehindIsNotTheNextQuestionsAnswer() {
        TelegramUser phone = fallenBehind();

        String tap = phone.tap("a:3");
        assertEquals(List.of(say("ar", "stale_button")), notices(tap));
        assertEquals("2", stored(phone).get("kennis_migratie"), "the answer given on the tablet stays");
        assertFalse(stored(phone).containsKey("houding_eigen_kader"), "the phone never showed that question");
        assertEquals("houding_eigen_kader", chat(phone).liveStep(), "the question to answer now is on the phone's screen");

        phone.tap("a:4");
        assertEquals("5", stored(phone).get("houding_eigen_kader"), "its buttons count");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * An Arabic professional swipes back to the first question, already answered, and replies "٥" to it, to change
     * that answer. The reply was stored as the answer to the question on screen, a 5 they never gave there; now it is
     * not taken, the person hears why and how an earlier answer changes, and the question on screen comes again. A
     * reply to that question itself is its answer.
     */
    @Test
    void aReplyToAnEarlierQuestionIsNotTheAnswerToTheOneOnScreen() {
        TelegramUser user = user("ar");
        user.say("/start werk-jij-diversiteitsproof");
        user.tap("n");
        int first = user.lastWithButtons().messageId;
        user.tap("a:2");
        assertEquals("kennis_migratie", step(user));

        int mark = user.mark();
        user.replyTo(first, "٥");
        assertFalse(stored(user).containsKey("kennis_migratie"), "not an answer to the question on screen");
        assertEquals("3", stored(user).get("houding_nieuwsgierig"), "and not a change of the earlier one either");
        String said = user.textSince(mark);
        String why = TelegramHtmlCheck.withoutDirectionMarks(say("ar", "reply_to_earlier"));
        assertTrue(said.contains(why), said);
        assertEquals("kennis_migratie", step(user));

        user.replyTo(user.lastWithButtons().messageId, "٢");
        assertEquals("2", stored(user).get("kennis_migratie"), "a reply to the question on screen answers it");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * A Dutch parent types two messages of an open answer and pauses before "Klaar": the pause said "your answers are
     * saved", and the text was dropped with the chat's leaving the conversation. Now it says that text was not saved,
     * which is so: going on asks the question again, with nothing typed. Beginning another conversation says so too.
     */
    @Test
    void aPauseWhileTypingSaysTheTextNotYetSentWasNotSaved() {
        TelegramUser user = toTheInterviewsOpenQuestion(user("nl"));
        user.say("Mijn zoon gaat graag naar school.");
        user.say("Zijn juf belt ons vaak.");
        String id = conversationOf(user);
        int mark = user.mark();
        user.say("/stop");
        String said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words().say("nl", "cultureel-interview", "paused_draft_not_saved", Map.of()))), said);
        assertTrue(answers.findByConversationId(id).stream().noneMatch(a -> a.stepId().equals("leefwereld")), "and it was not");

        user.say("/hervat");
        assertEquals("leefwereld", step(user), "going on asks that question again");
        assertFalse(user.last().text.contains("Zijn juf"), "with nothing typed: " + user.last().text);

        user.say("Wij wonen hier sinds 2015.");
        mark = user.mark();
        user.say("/start wijkanalyse");
        said = user.textSince(mark);
        assertTrue(said.contains(say("nl", "previous_paused")), said);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words().say("nl", "cultureel-interview", "paused_draft_not_saved", Map.of()))),
                "another conversation begun pauses this one the same way: " + said);
    }

    /**
     * A message that never became an answer (typed, then /stop: not saved, as the bot said), edited after /hervat: the
     * note said "Het antwoord van toen blijft zoals het was", telling the person an answer from then was kept, so they
     * might not answer the open question again. It says the edit changes nothing and the open question stays open.
     */
    @Test
    void anEditOfAMessageThatNeverBecameAnAnswerDoesNotSayAnAnswerWasKept() {
        TelegramUser user = toTheInterviewsOpenQuestion(user("nl"));
        int draft = user.say("Mijn zoon gaat graag naar school.");
        String id = conversationOf(user);
        user.say("/stop");
        user.say("/hervat");
        assertEquals("leefwereld", step(user));
        int mark = user.mark();
        user.edit(draft, "Mijn zoon gaat heel graag naar school.");
        String said = user.textSince(mark);
        assertTrue(said.contains("blijft open") && said.contains("/terug"), said);
        assertFalse(said.contains("antwoord van toen"), "no answer was kept from that message: " + said);
        assertTrue(answers.findByConversationId(id).stream().noneMatch(a -> a.stepId().equals("leefwereld")), "nor stored now");
        assertEquals("leefwereld", step(user), "the question is still open");
    }

    /** /terug while a text is being typed says that text was not saved, as /stop does (it went without a word). */
    @Test
    void goingBackWhileTypingSaysTheTextNotYetSentWasNotSaved() {
        TelegramUser user = toTheInterviewsOpenQuestion(user("nl"));
        user.say("Mijn zoon gaat graag naar school.");
        int mark = user.mark();
        user.say("/terug");
        String said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words().say("nl", "cultureel-interview", "back_draft_not_saved", Map.of()))), said);
        user.tap("s");
        mark = user.mark();
        user.say("/terug");
        assertFalse(user.textSince(mark).contains(TelegramHtmlCheck.visibleText(words().say("nl", "back_draft_not_saved"))),
                "nothing typed: nothing said about it");
    }

    /**
     * As above, at an open question, where the messages are gathered until "Klaar": the text the phone typed for the
     * question the tablet answered meanwhile is not gathered for the one the phone never showed (where "Klaar" would
     * have sent it); the person hears that question is no longer the one to answer, and sees the one that is.
     */
    @Test
    void aTextTypedInAChatThatFellBehindIsNotGatheredForTheNextQuestion() {
        TelegramUser phone = user("nl");
        phone.say("/start cultureel-interview");
        phone.tap("n");
        phone.tap("a:0");
        phone.tap("s");
        phone.tap("a:0"); // an interpreter is needed: which language, typed
        assertEquals("tolk_taal", step(phone));
        String conversation = conversationOf(phone);
        TelegramUser tablet = user("nl");
        tablet.say("/hervat " + readConversation.state(conversation).orElseThrow().resumeCode());
        tablet.say("Tigrinya");
        tablet.tap("k");
        assertEquals("leefwereld", step(tablet), "an open question again");

        int mark = phone.mark();
        phone.say("Mijn zoon gaat graag naar school.");
        String reply = phone.textSince(mark);
        String next = "leefwereld";
        String notCurrent = TelegramHtmlCheck.visibleText(words().shared("nl", "cultureel-interview", "error.not_current", Map.of()));
        assertTrue(reply.contains(notCurrent), reply);
        assertFalse(reply.contains("Mijn zoon"), "nothing was gathered to send with Klaar: " + reply);
        assertNull(chat(phone).draft(), "nothing is held for a question the phone never showed");
        assertEquals(next, chat(phone).liveStep(), "the question to answer now is on the phone's screen");
        assertTrue(answers.findByConversationId(conversation).stream().noneMatch(a -> a.stepId().equals(next)));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * A forwarded message is someone else's words: "3" forwarded at a scale question was stored as the person's own
     * answer, and a forwarded text was gathered for an open question as theirs. Neither is taken now: the person hears
     * a forwarded message is no answer and to type or tap their own, in their language, with the question again; what
     * they typed themselves before stays, and their own answer then counts.
     */
    @Test
    void aForwardedMessageIsNotTakenAsTheAnswer() {
        TelegramUser scale = user("tr");
        scale.say("/start werk-jij-diversiteitsproof");
        scale.tap("n");
        scale.tap("a:2");
        assertEquals("kennis_migratie", step(scale));
        int mark = scale.mark();
        scale.forward("3");
        assertEquals("kennis_migratie", step(scale), "the forwarded number answered nothing");
        assertFalse(stored(scale).containsKey("kennis_migratie"));
        String said = scale.textSince(mark);
        assertTrue(said.contains(say("tr", "forwarded_not_answer")), said);
        scale.say("3");
        assertEquals("3", stored(scale).get("kennis_migratie"), "the person's own answer counts");

        TelegramUser open = toTheInterviewsOpenQuestion(user("nl"));
        open.say("Mijn zoon gaat graag naar school.");
        mark = open.mark();
        open.forward("Groetjes van oma, tot zondag!");
        said = open.textSince(mark);
        assertTrue(said.contains(say("nl", "forwarded_not_answer")), said);
        assertTrue(said.contains("Mijn zoon gaat graag naar school."), "what was typed so far stays, with Klaar: " + said);
        assertFalse(said.contains("Groetjes van oma"), said);
        assertFalse(chat(open).draft().contains("Groetjes"), "nothing of the forwarded words is kept");
        open.tap("k");
        assertEquals("Mijn zoon gaat graag naar school.", stored(open).get("leefwereld"));
        assertEquals(List.of(), fake.problems());
    }

    /** A Dutch or Arabic parent in the cultural interview at "talen", its question with several answers. */
    private TelegramUser atLanguages(String language) {
        TelegramUser user = user(language);
        user.say("/start cultureel-interview");
        user.tap("n");
        user.tap("a:0"); // consent: ja
        assertEquals("talen", step(user));
        return user;
    }

    /** The stored answer to {@code step} as its JSON, spaces left out. */
    private String storedJson(TelegramUser user, String step) {
        return answers.findByConversationId(conversationOf(user)).stream().filter(a -> a.stepId().equals(step))
                .findFirst().map(a -> a.answerValue().replace(" ", "")).orElse(null);
    }

    /**
     * A list typed at a question with several answers is read loosely ("Berbers en Turks" names "Berbers (Tamazight)";
     * Arabic's "والأمازيغية" its و joined on), and the bot went on to the next question without a word of what it
     * stored: a person whose words named another option than they meant never learnt it. Now the next question comes
     * with the answer as stored, by the options' labels, as a tap's answer does: in the conversation's words (the
     * resident's "u", the Arabic plural), in one message, right to left in Arabic.
     */
    @Test
    void aTypedListIsEchoedByTheOptionsItWasStoredAs() {
        for (String language : List.of("nl", "ar")) {
            TelegramUser user = atLanguages(language);
            int mark = user.mark();
            user.say("nl".equals(language) ? "Berbers en Turks" : "العربية والأمازيغية");
            assertEquals("tolk_nodig", step(user), language);
            assertEquals("nl".equals(language) ? "[\"turks\",\"berbers\"]" : "[\"arabisch\",\"berbers\"]", storedJson(user, "talen"));
            List<FakeBotApi.Sent> said = user.since(mark);
            assertEquals(1, said.size(), "one message, the echo above the next question: " + user.textSince(mark));
            String labels = "nl".equals(language) ? "Turks, Berbers (Tamazight)" : "العربية، الأمازيغية";
            String echo = TelegramHtmlCheck.visibleText(words().say(language, "cultureel-interview", "chosen", Map.of("answer", labels)));
            String text = TelegramHtmlCheck.withoutDirectionMarks(said.get(0).text);
            assertTrue(text.contains(echo), "the answer as stored, in the flow's words: " + text);
            assertTrue(text.indexOf(echo) < text.indexOf(TelegramHtmlCheck.visibleText(state(user).step().text())),
                    "above the next question: " + text);
            if ("ar".equals(language)) {
                assertTrue(said.get(0).text.startsWith(String.valueOf(TelegramHtml.RLM)), "the echo line reads right to left: " + said.get(0).text);
            }
        }
        assertEquals(List.of(), fake.problems());
    }

    /**
     * "Berbers" and then "en Turks", two messages in a row at the languages question: the first answers it (a button
     * question takes one message), so only Berbers is stored, and the second is no answer to the next question. The
     * person could not tell: the bot said nothing of what it kept. Now it says "Berbers (Tamazight)" was stored, so
     * they know to go back for Turks.
     */
    @Test
    void twoMessagesInARowAtAListQuestionSayWhatTheFirstStored() {
        TelegramUser user = atLanguages("nl");
        int mark = user.mark();
        ObjectNode first = user.message("Berbers");
        ObjectNode second = user.message("en Turks");
        fake.enqueue(first, second);
        fake.awaitConfirmed(second.get("update_id").asLong());

        assertEquals("[\"berbers\"]", storedJson(user, "talen"));
        assertEquals("tolk_nodig", step(user), "the second message answered nothing");
        assertNull(storedJson(user, "tolk_nodig"));
        String said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words().say("nl", "cultureel-interview", "chosen",
                Map.of("answer", "Berbers (Tamazight)")))), "what the first message stored is said: " + said);
        assertEquals(List.of(), fake.problems());
    }

    /**
     * An edit of a typed list, the question after it not answered yet: it got the note that an edit changes nothing,
     * and the person did not learn what had been kept. Now the edit replaces the answer, as an edit of the last text
     * answer does, and the bot says what is stored now by the options' labels; a list the question refuses changes
     * nothing, and says so.
     */
    @Test
    void anEditOfATypedListReplacesItAndSaysWhatIsStoredNow() {
        TelegramUser user = atLanguages("nl");
        int typed = user.say("Berbers en Turks");
        assertEquals("tolk_nodig", step(user));

        int mark = user.mark();
        user.edit(typed, "Berbers, Turks en Arabisch");
        assertEquals("[\"turks\",\"arabisch\",\"berbers\"]", storedJson(user, "talen"), "the answer is replaced");
        assertEquals("tolk_nodig", step(user), "and the person is at the same next question");
        String said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words().say("nl", "cultureel-interview", "answer_edited",
                Map.of("answer", "Turks, Arabisch, Berbers (Tamazight)")))), "the answer as stored now: " + said);

        mark = user.mark();
        user.edit(typed, "Berbers en Frans");
        assertEquals("[\"turks\",\"arabisch\",\"berbers\"]", storedJson(user, "talen"), "a refused edit changes nothing");
        said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(
                words().say("nl", "cultureel-interview", "edit_refused", Map.of()))), said);
        // the languages question's why ("... staat niet tussen de antwoorden hieronder") stood above the interpreter
        // question's Ja and Nee: it is left out where another question is below (the Telegram probe of December 2026)
        assertFalse(said.contains("\"Frans\"") || said.contains("hieronder"), said);
        assertEquals("tolk_nodig", step(user));
        assertEquals(List.of(), fake.problems());
    }

    /** Until no reply to the chat waits in the outbox any more (each sent one noted with its Telegram number). */
    private void awaitNothingWaitsToGo(long chatId) throws Exception {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            try (java.sql.Connection c = connection();
                 java.sql.PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM telegram_outbox WHERE sent_at IS NULL AND chat_id = ?")) {
                s.setLong(1, chatId);
                try (java.sql.ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        return;
                    }
                }
            }
            assertTrue(System.nanoTime() < until, "the replies to the chat noted as sent");
            Thread.sleep(50);
        }
    }

    /** How many chat rows hold any of these words in any column. */
    private long wordsKeptInChats(String... words) throws java.sql.SQLException {
        StringBuilder where = new StringBuilder();
        for (String word : words) {
            for (String column : List.of("draft", "last_text", "pending", "selection", "live_step", "language")) {
                where.append(where.isEmpty() ? "" : " OR ").append(column).append(" LIKE '%").append(word).append("%'");
            }
        }
        return count("SELECT COUNT(*) FROM telegram_chat WHERE " + where);
    }
}
