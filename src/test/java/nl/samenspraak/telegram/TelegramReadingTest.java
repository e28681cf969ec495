package nl.samenspraak.telegram;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import nl.samenspraak.i18n.Translations;
import org.slf4j.LoggerFactory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.result.Result;
import nl.samenspraak.conversation.ConversationState.OptionView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person can read on a phone (issue 13, items 2 and 3), through the real library and a fake Bot API on
 * loopback: option texts too long for a button, right-to-left text with commands and codes in it, languages.
 */
@MicronautTest(transactional = false)
class TelegramReadingTest extends TelegramFixture {
    TelegramReadingTest() {
        super("727272:reading-test-token", Map.of("telegram.bot-username", "SamenspraakTestBot"));
    }

    @Test
    void aLongOptionIsReadableInFullAndTheButtonsCarryNumbers() {
        TelegramUser user = user("nl");
        ConversationState state = walkTo(user, "werk-jij-diversiteitsproof", "werkwijze_alternatieven");
        List<OptionView> options = state.step().options();
        String longest = options.stream().map(o -> TelegramHtmlCheck.visibleText(o.label()))
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        assertEquals(102, longest.length(), "the flow's longest Dutch label: " + longest);

        FakeBotApi.Sent question = user.last();
        assertTrue(question.text.contains(longest), "the whole label is in the message: " + question.text);
        for (int i = 0; i < options.size(); i++) {
            assertTrue(question.text.contains((i + 1) + ". " + TelegramHtmlCheck.visibleText(options.get(i).label())), question.text);
        }
        List<String> numbers = question.buttonTexts().subList(0, options.size());
        assertEquals(java.util.stream.IntStream.rangeClosed(1, options.size()).mapToObj(String::valueOf).toList(), numbers);
        int chosen = options.stream().map(o -> TelegramHtmlCheck.visibleText(o.label())).toList().indexOf(longest);
        int mark = user.mark();
        user.tap("a:" + chosen);
        assertEquals("\"" + options.get(chosen).value() + "\"", answers.findByConversationId(state.id()).stream()
                .filter(a -> a.stepId().equals("werkwijze_alternatieven")).findFirst().orElseThrow().answerValue());
        assertTrue(user.textSince(mark).contains(longest), "the echo names the whole answer");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void arabicTextKeepsCommandsCodesAndLatinInTheirOwnOrder() {
        TelegramUser user = user("ar");
        user.say("/start cultureel-interview");
        user.tap("n");
        user.say("/stop");
        String paused = user.last().text;
        String code = TelegramHtmlCheck.withoutDirectionMarks(paused).replaceAll("(?s).*?([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}).*", "$1");
        assertEquals(9, code.length(), paused);
        String lri = String.valueOf(TelegramHtml.LRI);
        String pdi = String.valueOf(TelegramHtml.PDI);
        assertTrue(paused.contains(lri + "/hervat " + code + pdi), "the command and its code read left to right, slash first: " + paused);
        assertTrue(paused.contains(lri + code + pdi), "the code on its own too: " + paused);

        user.say("/help");
        String help = user.last().text;
        assertTrue(help.contains(lri + "/terug" + pdi) && help.contains(lri + "/back" + pdi), help);
        help.lines().filter(l -> !l.isEmpty()).forEach(l -> assertEquals(TelegramHtml.RLM, l.charAt(0), "reads right to left: " + l));
        assertTrue(TelegramHtmlCheck.withoutDirectionMarks(help).contains("/terug (/back) \u2014"), "English names beside the Dutch: " + help);
        user.say("/back");
        assertTrue(TelegramHtmlCheck.withoutDirectionMarks(user.last().text).contains(
                say("ar", "no_conversation")),
                "/back works as /terug: " + user.last().text);
        assertEquals(List.of(), fake.problems());
    }

    /**
     * The bot writes a command and its code in Arabic as "\u2066/hervat KSD5-3U83\u2069": copied back, that was no
     * command (it became a typed answer), "/hervat \u2066KSD5-3U83\u2069" was "not found", and "\u200f/stop" (a mark
     * a right-to-left keyboard puts first) was taken for an answer.
     */
    @Test
    void aCommandAndCodeCopiedFromTheBotsArabicMessageWork() {
        TelegramUser user = user("ar");
        user.say("/start cultureel-interview");
        user.tap("n");
        String id = conversationOf(user);
        user.say("/stop");
        String paused = user.last().text;
        String code = TelegramHtmlCheck.withoutDirectionMarks(paused).replaceAll("(?s).*?([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}).*", "$1");
        String lri = String.valueOf(TelegramHtml.LRI);
        String pdi = String.valueOf(TelegramHtml.PDI);
        assertTrue(paused.contains(lri + "/hervat " + code + pdi), paused);
        assertEquals(null, conversationOf(user), "paused");

        user.say(lri + "/hervat " + code + pdi);
        assertEquals(id, conversationOf(user), "the command as the bot wrote it, pasted back");
        String step = step(user);
        user.say("\u200f/stop");
        assertEquals(null, conversationOf(user), "a mark before the slash: still /stop, not an answer");
        assertFalse(stored(id).containsKey(step), "nothing was answered");
        user.say("/hervat " + lri + code + pdi);
        assertEquals(id, conversationOf(user), "the code as the bot wrote it, pasted after /hervat");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * A number, a code and a date as a phone types them or a copy brings them: Arabic-Indic digits in the isolates of
     * an Arabic text, a code with a non-breaking hyphen (U+2011) or in full-width letters, a date with non-breaking
     * hyphens. Each got "not found" or the question again; the engine and the code rule read them now, for the bot as
     * for the web and the API.
     */
    @Test
    void numbersCodesAndDatesAreReadAsThePersonMeantThem() {
        TelegramUser user = user("nl");
        user.say("/start voorbeeld");
        user.tap("n");
        user.tap("a:0");
        String id = conversationOf(user);
        user.say("\u2067\u0661\u0662\u2069");
        assertEquals("talen", step(user), "twelve years, in Arabic-Indic digits in an isolate: " + user.last().text);
        assertEquals("12", stored(id).get("ervaring_jaren"));

        user.say("/stop");
        String code = TelegramHtmlCheck.withoutDirectionMarks(user.last().text)
                .replaceAll("(?s).*?([2-9A-HJKMNP-Z]{4})-([2-9A-HJKMNP-Z]{4}).*", "$1\u2011$2");
        user.say("/hervat " + code);
        assertEquals(id, conversationOf(user), "a non-breaking hyphen: " + user.last().text);
        user.say("/stop");
        StringBuilder fullWidth = new StringBuilder();
        code.replace("\u2011", "").chars().forEach(c -> fullWidth.append((char) (c - 0x21 + 0xFF01)));
        user.say("/hervat " + fullWidth);
        assertEquals(id, conversationOf(user), "full-width: " + user.last().text);

        user.tap("t:0");
        user.tap("k");
        user.tap("a:1");
        user.tap("a:3");
        user.tap("a:0");
        assertEquals("laatste_gesprek", step(user));
        user.say("1\u20113\u20112024");
        assertEquals("opmerking", step(user), "a date with non-breaking hyphens: " + user.last().text);
        assertEquals("\"2024-03-01\"", stored(id).get("laatste_gesprek"));
        assertEquals(List.of(), fake.problems());
    }

    /**
     * Telegram passes the app's language_code as the app set it: "-" or "_" split into nothing and failed the
     * update (an ArrayIndexOutOfBoundsException, a 500 on the webhook). A code naming no language means Dutch; one
     * naming a language the project lacks gets the language menu, as Persian does.
     */
    @Test
    void anOddLanguageCodeIsDutchOrTheLanguageMenuNeverAFailure() {
        String apology = TelegramHtmlCheck.visibleText(words().shared("nl", "error.internal", Map.of()));
        for (String code : List.of("-", "_", "", " ", "--", "-nl", "_x")) {
            TelegramUser user = user(code);
            user.say("/start");
            assertTrue(user.last().text.contains(say("nl", "choose_flow")), "[" + code + "]: " + user.last().text);
            assertFalse(user.textSince(0).contains(apology), code);
        }
        for (String code : List.of("x-", "x_", "zz-nl", "q".repeat(300))) {
            TelegramUser user = user(code);
            user.say("/start");
            assertTrue(user.last().buttonData().contains("l:nl"), "the language menu for [" + code + "]: " + user.last());
            assertFalse(user.textSince(0).contains(apology), code);
        }
        TelegramUser american = user("EN_us");
        american.say("/start");
        assertTrue(american.last().text.contains(say("en", "choose_flow")), american.last().text);
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aPersianSpeakerIsOfferedTheLanguageMenuFirst() {
        TelegramUser user = user("fa");
        Logger translations = (Logger) LoggerFactory.getLogger(Translations.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        translations.addAppender(warnings);
        try {
            user.say("/start");
        } finally {
            translations.detachAppender(warnings);
        }
        assertEquals(List.of(), warnings.list.stream().map(ILoggingEvent::getFormattedMessage).toList(),
                "no text looked up in a language the project lacks (a warning in the log for every such person)");
        FakeBotApi.Sent menu = user.last();
        assertEquals(java.util.Set.of("l:nl", "l:en", "l:tr", "l:ar", "l:pl"), java.util.Set.copyOf(menu.buttonData()), menu.toString());
        assertTrue(menu.buttonTexts().stream().noneMatch(t -> t.startsWith("\u2713")), "no language is ticked as chosen: " + menu);
        TelegramWords words = words();
        for (String language : List.of("nl", "en", "tr", "ar", "pl")) {
            assertTrue(menu.text.contains(TelegramHtmlCheck.visibleText(words.say(language, "choose_language"))),
                    "asked in " + language + ": " + menu.text);
        }
        user.tap("l:en");
        assertTrue(user.last().text.contains(TelegramHtmlCheck.visibleText(words.say("en", "choose_flow"))), user.last().text);
        assertEquals("en", chat(user).language());
        user.say("/start");
        assertTrue(user.last().text.contains(TelegramHtmlCheck.visibleText(words.say("en", "choose_flow"))), "asked once: " + user.last().text);
    }

    @Test
    void photosStickersAndVoiceGetAFriendlyExplanationAndTheQuestionStays() {
        TelegramUser user = user("tr");
        ConversationState state = walkTo(user, "werk-jij-diversiteitsproof", "kennis_communicatie");
        FakeBotApi.Sent question = user.last();
        TelegramWords words = words();
        for (String kind : List.of("photo", "sticker", "voice")) {
            user.send(kind);
            assertEquals(TelegramHtmlCheck.visibleText(words.say("tr", "not_understood_" + kind)), user.last().text);
        }
        assertTrue(question.hasButtons(), "the question's buttons still work");
        user.say("/start bestaat-niet");
        assertTrue(user.last().hasButtons(), "a wrong /start asks the same question again");
        assertEquals(state.step().id(), state(user).step().id(), "and the conversation goes on where it was");
        assertTrue(user.last().text.contains(TelegramHtmlCheck.visibleText(state.step().text()).lines().findFirst().orElseThrow()),
                user.last().text);
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void inAGroupTheBotPointsToAPrivateChatWithALink() {
        long group = -100_000_000_000L - System.nanoTime() % 1_000_000;
        var update = fake.groupMessage(group, 5_551_234L, "en", "/start");
        fake.enqueue(update);
        fake.awaitConfirmed(update.get("update_id").asLong());
        String reply = fake.lastSentTo(group).text;
        assertTrue(reply.contains(say("en", "private_only")), reply);
        assertTrue(reply.contains("https://t.me/SamenspraakTestBot"), "with the way to a private chat: " + reply);
    }

    /**
     * With privacy mode off the bot gets every message of a group, and answered each with "private chat only": one
     * reply per group message. It answers only its own commands (bare or addressed to it) and a mention of it.
     */
    @Test
    void inAGroupOnlyACommandOrMentionForTheBotGetsAnAnswer() {
        long group = -100_000_000_000L - System.nanoTime() % 1_000_000;
        Map<String, Boolean> answered = new java.util.LinkedHashMap<>();
        for (String text : List.of("Hallo allemaal, wie komt er morgen?", "/start", "/start@SamenspraakTestBot",
                "/help@samenspraaktestbot", "/start@AndereBot", "/ban", "/ban@AndereBot", "Vraag aan @SamenspraakTestBot: hoe werkt dit?",
                "@SamenspraakTestBotje doe eens", "mail me op a@SamenspraakTestBot.nl", "\u200f/stop", "")) {
            int before = fake.sentTo(group).size();
            var update = fake.groupMessage(group, 5_551_234L, "nl", text);
            fake.enqueue(update);
            fake.awaitConfirmed(update.get("update_id").asLong());
            answered.put(text, fake.sentTo(group).size() > before);
        }
        Map<String, Boolean> expected = new java.util.LinkedHashMap<>();
        answered.keySet().forEach(t -> expected.put(t, false));
        List.of("/start", "/start@SamenspraakTestBot", "/help@samenspraaktestbot", "Vraag aan @SamenspraakTestBot: hoe werkt dit?",
                "\u200f/stop").forEach(t -> expected.put(t, true));
        assertEquals(expected, answered);
        fake.sentTo(group).forEach(s -> assertTrue(s.text.contains(say("nl", "private_only")), s.text));
        assertEquals(List.of(), fake.problems());
    }

    /** /resultaat in the middle of a conversation says when the result comes and asks the question again. */
    @Test
    void resultaatInTheMiddleSaysWhenAndAsksTheQuestionAgain() {
        TelegramUser user = user("nl");
        TelegramWords words = words();
        user.say("/start werk-jij-diversiteitsproof");
        List<String> buttons = user.last().buttonTexts();
        int mark = user.mark();
        user.say("/resultaat");
        String said = user.textSince(mark);
        assertTrue(said.contains(TelegramHtmlCheck.visibleText(words.say("nl", "result_not_yet"))), said);
        assertFalse(said.contains(TelegramHtmlCheck.visibleText(words.say("nl", "no_result"))), "not sent away to /start: " + said);
        assertEquals(buttons, user.last().buttonTexts(), "the question to go on with, with its buttons");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void resultaatShowsTheResultAgain() {
        TelegramUser user = user("nl");
        TelegramWords words = words();
        user.say("/resultaat");
        assertTrue(user.last().text.contains(TelegramHtmlCheck.visibleText(words.say("nl", "no_result"))), user.last().text);
        ConversationState state = walkTo(user, "werk-jij-diversiteitsproof", null);
        String done = TelegramHtmlCheck.visibleText(words.say("nl", "done"));
        int mark = user.mark();
        user.say("/result");
        String again = user.textSince(mark);
        assertEquals(1, user.since(mark).size(), "the short result, in one message");
        assertTrue(again.length() <= ConversationView.SHORT_LIMIT, "one phone screen: " + again.length());
        assertTrue(again.contains(done), again);
        state.result().scores().values().forEach(s -> assertTrue(again.contains(TelegramHtmlCheck.visibleText(s.name())), s.name()));
        Result.Tip lastTip = state.result().tips().get(state.result().tips().size() - 1);
        assertFalse(again.contains(TelegramHtmlCheck.visibleText(lastTip.text())), "not every tip in full");
        assertEquals(List.of(words.plain("nl", "more_tips"), words.plain("nl", "as_pdf")), user.last().buttonTexts());

        int more = user.mark();
        user.tap(user.last(), "m");
        String whole = user.textSince(more);
        state.result().tips().forEach(t -> assertTrue(whole.contains(TelegramHtmlCheck.visibleText(t.title())), "Meer tips shows " + t.title()));
        assertTrue(whole.contains(TelegramHtmlCheck.visibleText(lastTip.text())), "every tip in full");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * "Meer tips" tapped twice (the spinner turned a moment, the finger tapped again): the whole result came twice, a
     * long message twice over. It comes once now; the whole result carries the short one's other buttons and is the
     * live message, so the second tap is one on an earlier message and says so.
     */
    @Test
    void meerTipsTappedTwiceSendsTheWholeResultOnce() {
        TelegramUser user = user("nl");
        TelegramWords words = words();
        ConversationState state = walkTo(user, "werk-jij-diversiteitsproof", null);
        user.say("/resultaat");
        FakeBotApi.Sent shortResult = user.last();
        assertEquals(List.of(words.plain("nl", "more_tips"), words.plain("nl", "as_pdf")), shortResult.buttonTexts());
        Result.Tip lastTip = state.result().tips().get(state.result().tips().size() - 1);
        String tip = TelegramHtmlCheck.visibleText(lastTip.text());

        int mark = user.mark();
        String first = user.tap(shortResult, "m");
        String second = user.tap(shortResult, "m");
        String said = user.textSince(mark);
        assertEquals(said.indexOf(tip), said.lastIndexOf(tip), "the whole result once: " + said);
        assertTrue(said.contains(tip), said);
        assertEquals(List.of(""), notices(first));
        assertEquals(List.of(say("nl", "stale_button")), notices(second));
        assertEquals(List.of(words.plain("nl", "as_pdf")), user.last().buttonTexts(), "the PDF from under the whole result");
        assertEquals(List.of(), shortResult.buttonTexts(), "the short result's buttons went to the whole one");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aMultiQuestionWithLongLabelsIsNumberedAndNoneOfTheseUntiksTheOthers() {
        TelegramUser user = user("nl");
        ConversationState state = walkTo(user, "werk-jij-diversiteitsproof", "werkwijze_achtergrond");
        List<OptionView> options = state.step().options();
        FakeBotApi.Sent question = user.last();
        int none = -1;
        for (int i = 0; i < options.size(); i++) {
            assertTrue(question.text.contains((i + 1) + ". " + TelegramHtmlCheck.visibleText(options.get(i).label())), question.text);
            if (options.get(i).exclusive() && !options.get(i).dontKnow()) {
                none = i;
            }
        }
        assertTrue(none >= 0, "the question has a 'none of these'");
        user.tap(question, "t:0");
        user.tap(question, "t:1");
        assertTrue(question.buttonTexts().get(0).startsWith("\u2611") && question.buttonTexts().get(1).startsWith("\u2611"));
        user.tap(question, "t:" + none);
        assertTrue(question.buttonTexts().get(none).startsWith("\u2611"), question.buttonTexts().toString());
        assertTrue(question.buttonTexts().get(0).startsWith("\u2610") && question.buttonTexts().get(1).startsWith("\u2610"),
                "'none of these' unticked the others at once: " + question.buttonTexts());
        user.tap(question, "t:2");
        assertTrue(question.buttonTexts().get(none).startsWith("\u2610"), "and another option unticks it: " + question.buttonTexts());
        assertEquals(List.of(), fake.problems());
    }
}
