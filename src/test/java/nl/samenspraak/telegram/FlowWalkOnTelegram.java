package nl.samenspraak.telegram;

import nl.samenspraak.result.Result;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ConversationState.StepView;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.support.FlowWalk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person who walks a flow end to end through the real Telegram library against a fake Bot API on loopback, by
 * tapping and typing only: taps the first option (yes to consent), toggles the fewest options a multi question needs,
 * types a valid text, number or date (after a wrong one first), and gets the result with every tip; and the command
 * menu in every language. {@link TelegramFlowWalkTest} walks every bundled flow, {@link ImportedFlowTelegramWalkTest}
 * the imported form, each with a bot of its own (updates already seen are skipped per bot).
 */
abstract class FlowWalkOnTelegram extends TelegramFixture {
    FlowWalkOnTelegram(String token, Map<String, String> settings) {
        super(token, withHashKey(settings));
    }

    private static Map<String, String> withHashKey(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("telegram.chat-hash-key", "walk-test-key");
        return all;
    }

    /** {@code flowId} walked in {@code language}, checked at every step and in the result. */
    void walk(String flowId, String language) {
        TelegramUser user = user(language);
        user.say("/start");
        FakeBotApi.Sent menu = user.last();
        assertTrue(menu.buttonData().contains("f:" + flowId), "the menu offers " + flowId + ": " + menu);
        List<String> taps = new ArrayList<>();
        taps.add(user.tap(menu, "f:" + flowId));
        assertFalse(user.sent().get(user.sent().indexOf(menu)).hasButtons(), "the menu's buttons went once used");

        String id = conversationOf(user);
        assertNotNull(id, "the chat is in the conversation it started");
        Flow flow = library.flow(flowId).orElseThrow();
        Set<String> triedWrong = new HashSet<>();
        int guard = 0;
        int resultMark = 0;
        ConversationState state = readConversation.state(id).orElseThrow();
        assertEquals(language, state.language());
        String code = state.resumeCode();
        assertEquals(8, code.length(), "an unfinished conversation has a resume code");
        while (!state.done()) {
            assertTrue(++guard < 300, "the walk ends");
            StepView step = state.step();
            FakeBotApi.Sent question = user.last();
            assertTrue(TelegramHtmlCheck.withoutDirectionMarks(question.text)
                    .contains(TelegramHtmlCheck.visibleText(step.text()).lines().findFirst().orElse("")),
                    "the question is asked: " + step.id() + " in " + question);
            resultMark = user.mark();
            switch (step.type()) {
                case "info" -> taps.add(user.tap(question, "n"));
                case "choice", "yesno", "scale" -> {
                    taps.add(user.tap(question, "a:0"));
                    assertFalse(question.hasButtons(), "the answered question's buttons are gone");
                    String echo = TelegramHtmlCheck.visibleText(step.options().get(0).label());
                    assertTrue(user.textSince(resultMark).contains(echo), "the chosen answer is echoed: " + echo);
                }
                case "multi" -> {
                    Step model = flow.requireStep(step.id());
                    int needed = Math.max(1, step.min() == null ? 1 : step.min().intValue());
                    int chosen = 0;
                    for (int i = 0; i < model.options().size() && chosen < needed; i++) {
                        Option o = model.options().get(i);
                        if (!o.dontKnow()) {
                            taps.add(user.tap(question, "t:" + i));
                            assertTrue(question.buttonTexts().get(i).startsWith("\u2611"), "toggled on: " + question.buttonTexts());
                            chosen++;
                        }
                    }
                    taps.add(user.tap(question, "k"));
                    assertFalse(question.hasButtons());
                }
                case "number" -> {
                    if (triedWrong.add("number")) {
                        typeWrong(user, language, "veel", "error.number", step);
                    }
                    user.say(String.valueOf(step.min() != null ? step.min() : step.max() != null ? step.max() : 3));
                }
                case "date" -> {
                    if (triedWrong.add("date")) {
                        typeWrong(user, language, "gisteren", "error.date", step);
                    }
                    user.say("2024-03-01");
                }
                default -> {
                    String typed = "<b>Hallo</b> & \"co\"";
                    int max = step.max() == null ? typed.length() : step.max().intValue();
                    user.say(typed.substring(0, Math.min(max, typed.length())));
                    assertEquals(step.id(), readConversation.state(id).orElseThrow().step().id(), "a typed text waits for Klaar");
                    taps.add(user.tap(user.last(), "k"));
                }
            }
            ConversationState next = readConversation.state(id).orElseThrow();
            if (!next.done() && next.step().id().equals(step.id()) && user.last().buttonData().contains("r")) {
                // the last answer waits for "Controleer je antwoorden": nothing is finished before Afronden
                assertTrue(user.last().text.contains(TelegramHtmlCheck.visibleText(
                        words().say(language, flow.id(), "review_not_yet", Map.of()))), user.last().text);
                taps.add(user.tap(user.last(), "r"));
                next = readConversation.state(id).orElseThrow();
                assertTrue(next.done(), "Afronden finishes " + flowId);
            }
            assertTrue(next.done() || !next.step().id().equals(step.id()), "moved on from " + step.id());
            state = next;
        }

        Result r = state.result();
        boolean structured = r != null && (!r.scores().isEmpty() || !r.tips().isEmpty() || !r.summary().isEmpty());
        if (structured) {
            FakeBotApi.Sent short_ = user.last();
            assertTrue(TelegramHtmlCheck.withoutDirectionMarks(short_.text).length() <= ConversationView.SHORT_LIMIT,
                    "the result fits one phone screen: " + short_.text.length() + " characters");
            taps.add(user.tap(short_, "m")); // Meer tips: the whole result
        }
        String result = user.textSince(resultMark);
        assertFalse(result.contains(code) || result.contains(code.substring(0, 4) + "-" + code.substring(4)),
                "no resume code in a finished result: " + code + " in " + result);
        // a result for the professional in the talk gives whoever answers alone its closing words instead
        boolean forProfessional = Flow.RESULT_FOR_PROFESSIONAL.equals(flow.resultFor());
        String closing = forProfessional
                ? FlowWalk.library().translations().flowMessage(language, flow.id(), "result.closing")
                : words().say(language, flow.id(), "done", Map.of()); // as the flow words it (issue 10: "u" for residents)
        assertTrue(result.contains(TelegramHtmlCheck.visibleText(closing)), result);
        for (Result.Tip tip : r.tips()) {
            assertTrue(result.contains(TelegramHtmlCheck.visibleText(tip.title())), "tip " + tip.id() + " is sent");
        }
        r.scores().values().forEach(s -> assertTrue(result.contains(TelegramHtmlCheck.visibleText(s.name())), s.name()));
        r.summary().forEach(theme -> theme.items().forEach(item -> assertTrue(
                result.contains(TelegramHtmlCheck.visibleText(item.answer())), "the summary shows " + item.answer())));
        if (r.summary().stream().flatMap(t -> t.items().stream()).anyMatch(i -> i.answer().contains("Hallo"))) {
            assertTrue(result.contains("<b>Hallo</b> & \"co\""), "what was typed comes back as typed, not as markup");
        }
        for (String tap : taps) {
            assertEquals(1, fake.calls("answerCallbackQuery").stream()
                    .filter(c -> c.body().path("callback_query_id").asText().equals(tap)).count(), "callback " + tap + " answered once");
        }
        if (language.equals("ar")) {
            for (FakeBotApi.Sent s : user.sent()) {
                s.text.lines().filter(l -> !l.isEmpty()).forEach(l ->
                        assertEquals(TelegramHtml.RLM, l.charAt(0), "every Arabic line reads right to left: " + l));
            }
        }
        assertEquals(List.of(), fake.problems(), "nothing the bot sent was refused");
        assertTrue(answers.findByConversationId(id).size() > 0, "the answers are stored");
    }

    private void typeWrong(TelegramUser user, String language, String typed, String errorKey, StepView step) {
        int mark = user.mark();
        user.say(typed);
        String reply = user.textSince(mark);
        String error = TelegramHtmlCheck.visibleText(words().shared(language, errorKey, Map.of()));
        assertTrue(reply.contains(error), "the validation message in the person's language: " + reply);
        assertTrue(reply.contains(TelegramHtmlCheck.visibleText(step.text()).lines().findFirst().orElse("")),
                "and the same question again: " + reply);
    }

    /** The command menu as registered: the Dutch commands and their English names, described in every language. */
    void commandsAreRegisteredInEveryLanguage() {
        fake.awaitCall(c -> c.method().equals("setmycommands") && !c.body().has("language_code"), "default commands");
        for (String language : List.of("nl", "en", "tr", "ar", "pl")) {
            var call = fake.calls("setMyCommands").stream()
                    .filter(c -> language.equals(c.body().path("language_code").asText())).findFirst().orElseThrow();
            List<String> names = new ArrayList<>();
            call.body().get("commands").forEach(c -> {
                names.add(c.get("command").asText());
                assertFalse(c.get("description").asText().isBlank());
            });
            List<String> expected = new ArrayList<>(TelegramWords.COMMANDS);
            List.of("back", "restart", "pause", "resume", "result", "language", "forget").forEach(expected::add);
            assertEquals(expected, names, "the Dutch commands, then their English names");
            assertEquals(words().plain(language, "commands.vergeet"),
                    call.body().get("commands").get(TelegramWords.COMMANDS.indexOf("vergeet")).get("description").asText());
        }
        assertNotEquals(words().plain("nl", "commands.terug"), words().plain("ar", "commands.terug"));
    }
}
