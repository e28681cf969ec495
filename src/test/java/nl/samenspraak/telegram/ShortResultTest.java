package nl.samenspraak.telegram;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.support.FlowWalk;
import nl.samenspraak.support.MiddlingResident;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short result a Telegram chat gets at the end (the whole one is behind a button). A resident's says where to go
 * when someone is not safe right after "Klaar", as the whole result, the web page and the PDF do: it stood only behind
 * "Meer tips", in every language (the Telegram probe of December 2026). And "Meer tips" is offered only where there
 * are tips: with none it opened the summary alone.
 */
class ShortResultTest {
    private final ConversationView view = new ConversationView(new TelegramWords(FlowWalk.library(), new TextRenderer()));

    private static ConversationState resident(String language, Map<String, Object> other) {
        return MiddlingResident.walk(language, other).state();
    }

    private static List<String> buttons(Reply reply) {
        return reply.keyboard().getKeyboard().stream().flatMap(List::stream).map(InlineKeyboardButton::getText).toList();
    }

    @Test
    void aResidentsShortResultSaysWhereToGoWhenSomeoneIsNotSafeRightAfterDone() {
        for (String language : List.of("nl", "ar", "tr", "pl", "en")) {
            ConversationState state = resident(language, Map.of("bang_gevolgen", "ja"));
            String text = TelegramHtmlCheck.visibleText(view.shortResult(state, "", true, false).html());
            String done = TelegramHtmlCheck.visibleText(FlowWalk.library().translations().flowMessage(language, "wijkanalyse", "telegram.done"));
            String safety = TelegramHtmlCheck.visibleText(state.result().safety());
            assertTrue(text.startsWith(done + "\n\n" + safety), language + ": " + text);
            assertTrue(text.contains("112"), language);
        }
    }

    @Test
    void withoutTipsTheButtonOffersTheWholeResultNotMoreTips() {
        ConversationState none = resident("nl", Map.of());
        assertEquals(List.of(), none.result().tips());
        assertEquals(List.of("Het hele resultaat", "Als PDF"), buttons(view.shortResult(none, "", true, false)));
        ConversationState some = resident("nl", Map.of("bang_gevolgen", "ja"));
        assertEquals(List.of("Meer tips", "Als PDF"), buttons(view.shortResult(some, "", true, false)));
    }
}
