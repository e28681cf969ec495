package nl.samenspraak.telegram;

import nl.samenspraak.result.Result;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ConversationState.OptionView;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationViewTest {
    private final ConversationView view = new ConversationView(new TelegramWords(FlowWalk.library(), new TextRenderer()));

    private static ConversationState asking(String type, boolean optional, List<OptionView> options) {
        boolean scale = "scale".equals(type);
        return new ConversationState("id", "voorbeeld", "nl", "ltr", "K7PM2QXD", false,
                new ConversationState.StepView("s", type, "Vraag &amp; zo?", options, 1, 5, optional, null, null,
                        scale ? "nooit" : null, scale ? "altijd" : null),
                new ConversationState.ProgressView(2, 8), null);
    }

    private static List<List<String>> rows(InlineKeyboardMarkup markup) {
        return markup.getKeyboard().stream().map(r -> r.stream().map(InlineKeyboardButton::getText).toList()).toList();
    }

    @Test
    void aScaleIsOneRowOfNumbersWithItsEndsExplained() {
        Reply reply = view.question(asking("scale", true, List.of(new OptionView("1", "1"), new OptionView("2", "2"),
                new OptionView("3", "3"), new OptionView("4", "4"), new OptionView("5", "5"),
                new OptionView("weet-niet", "Weet ik niet", true, false))), "", Set.of());
        assertEquals(List.of(List.of("1", "2", "3", "4", "5"), List.of("Weet ik niet"), List.of("Overslaan")), rows(reply.keyboard()));
        String text = TelegramHtmlCheck.visibleText(reply.html());
        assertTrue(text.contains("Vraag & zo?"), text);
        assertTrue(text.contains("1 = nooit · 5 = altijd"), text);
        assertTrue(text.contains("Vraag 3 van ongeveer 8"), text);
        assertEquals("s", reply.step());
    }

    @Test
    void typedQuestionsHaveNoButtonsUnlessTheyMayBeSkipped() {
        assertNull(view.question(asking("number", false, List.of()), "", Set.of()).keyboard());
        assertEquals(List.of(List.of("Overslaan")), rows(view.question(asking("date", true, List.of()), "", Set.of()).keyboard()));
        assertTrue(TelegramHtmlCheck.visibleText(view.question(asking("number", false, List.of()), "", Set.of()).html())
                .contains("Typ een getal van 1 tot en met 5."));
    }

    @Test
    void aMultiQuestionShowsWhatIsTicked() {
        ConversationState state = asking("multi", false, List.of(new OptionView("a", "A &amp; B"), new OptionView("b", "C")));
        Reply reply = view.question(state, "", Set.of(1));
        assertEquals(List.of(List.of("\u2610 A & B"), List.of("\u2611 C"), List.of("Klaar")), rows(reply.keyboard()));
        // each names its option by its place in the list the buttons were made for (Callback.mark), "Klaar" too
        String list = Callback.mark(state.step());
        assertEquals(List.of("t:0@" + list, "t:1@" + list, "k@" + list), reply.keyboard().getKeyboard().stream()
                .flatMap(r -> r.stream().map(InlineKeyboardButton::getCallbackData)).toList());
    }

    @Test
    void aMultiAnswerIsEchoedAsTheReadersLanguageListsIt() {
        List<OptionView> options = List.of(new OptionView("a", "العمل"), new OptionView("b", "الأسرة"));
        ConversationState arabic = new ConversationState("id", "voorbeeld", "ar", "rtl", "K7PM2QXD", false,
                new ConversationState.StepView("s", "multi", "سؤال", options, 1, 5, false, null, null, null, null),
                new ConversationState.ProgressView(2, 8), null);
        assertEquals("العمل، الأسرة", view.answerLabel(arabic, List.of("a", "b")));
        assertEquals("A &amp; B, C", view.answerLabel(asking("multi", false, List.of(new OptionView("a", "A &amp; B"),
                new OptionView("b", "C"))), List.of("a", "b")));
    }

    @Test
    void aDeclinedConversationEndsWithItsMessageAndNoScores() {
        String message = "Je hebt geen toestemming gegeven. Er is geen antwoord van je bewaard. Bedankt voor je tijd.";
        ConversationState declined = new ConversationState("id", "wijkanalyse", "nl", "ltr", "K7PM2QXD", true, null,
                new ConversationState.ProgressView(0, 0), new Result(Map.of(), List.of(), List.of(),
                "<section class=\"result\">\n  <p class=\"result-message\">" + message + "</p>\n</section>"));
        Reply reply = view.result(declined, "<i>Jouw antwoord: Nee</i>");
        assertEquals("Jouw antwoord: Nee\n\n" + message, TelegramHtmlCheck.visibleText(reply.html()));
        assertNull(reply.keyboard());
        assertFalse(reply.html().contains("K7PM"), "no code to come back to: nothing was kept");
    }

    @Test
    void aFinishedResultCarriesNoResumeCodeSoAForwardedOneOpensNothing() {
        ConversationState done = new ConversationState("id", "voorbeeld", "nl", "ltr", "K7PM2QXD", true, null,
                new ConversationState.ProgressView(8, 8), new Result(Map.of("kennis", new Result.Score(40, "Gemiddeld", "Kennis")), List.of(), List.of(),
                "<section class=\"result\"><p>Uitkomst</p></section>"));
        Reply reply = view.result(done, "");
        assertFalse(reply.html().contains("K7PM"), reply.html());
    }
}
