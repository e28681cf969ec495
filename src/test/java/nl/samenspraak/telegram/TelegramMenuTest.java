package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot's list of flows follows the web's start page: with examples of the format switched off (the service's
 * default) it lists no {@code voorbeeld}, which it did while the start page hid it.
 */
@MicronautTest(transactional = false)
class TelegramMenuTest extends TelegramFixture {
    TelegramMenuTest() {
        super("737373:menu-test-token", Map.of("samenspraak.web.show-demo-flows", "false"));
    }

    @Test
    void theMenuOffersWhatTheStartPageOffersAndNoExample() {
        TelegramUser user = user("nl");
        user.say("/start");
        List<String> offered = user.last().buttonTexts();
        String werkJij = library.translations().flowText("nl", "werk-jij-diversiteitsproof", "title");
        String voorbeeld = library.translations().flowText("nl", "voorbeeld", "title");
        assertTrue(offered.stream().anyMatch(b -> b.contains(werkJij)), "the self-reflection is offered: " + offered);
        assertFalse(offered.stream().anyMatch(b -> b.contains(voorbeeld)), "the example is not: " + offered);
    }

    /**
     * The menu lists the flows as the start page does, under its headings: the professionals' reflection first, then
     * the residents' and clients' talks, its buttons in that order. It listed them in one run, a resident's
     * neighbourhood analysis among a professional's reflections. Dutch and Arabic.
     */
    @Test
    void theFlowsComeUnderTheStartPagesHeadingsInItsOrder() {
        for (String language : List.of("nl", "ar")) {
            TelegramUser user = user(language);
            user.say("/start");
            FakeBotApi.Sent menu = user.last();
            String text = TelegramHtmlCheck.withoutDirectionMarks(menu.text);
            int professionals = text.indexOf(visible(library.translations().message(language, "web.for_professionals")));
            int residents = text.indexOf(visible(library.translations().message(language, "web.for_residents")));
            int werkJij = text.indexOf(title(language, "werk-jij-diversiteitsproof"));
            int wijk = text.indexOf(title(language, "wijkanalyse"));
            int interview = text.indexOf(title(language, "cultureel-interview"));
            assertTrue(professionals >= 0 && professionals < werkJij && werkJij < residents && residents < wijk && residents < interview,
                    language + ": " + text);
            List<String> buttons = menu.buttonTexts();
            int werkJijButton = place(buttons, title(language, "werk-jij-diversiteitsproof"));
            assertTrue(werkJijButton >= 0 && werkJijButton < place(buttons, title(language, "wijkanalyse"))
                    && werkJijButton < place(buttons, title(language, "cultureel-interview")), language + ": " + buttons);
        }
    }

    private static String visible(String html) {
        return TelegramHtmlCheck.visibleText(html);
    }

    private String title(String language, String flow) {
        return visible(library.translations().flowText(language, flow, "title"));
    }

    /** Where the button for a title is: its number and the title's start ("2 · Uw mening over..."), or the title. */
    private static int place(List<String> buttons, String title) {
        for (int i = 0; i < buttons.size(); i++) {
            String label = buttons.get(i).replaceFirst("^\\d+ \u00b7 ", "").replace("\u2026", "");
            if (title.startsWith(label.strip())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A title longer than a phone's button shows (Telegram cuts it at its end): the menu numbers the flows, each
     * button its number and the title's start, and the message gives every title in full. In every language.
     */
    @Test
    void longTitlesAreNumberedAndGivenInFullAbove() {
        for (String language : List.of("nl", "en", "tr", "ar", "pl")) {
            TelegramUser user = user(language);
            user.say("/start");
            FakeBotApi.Sent menu = user.last();
            for (String button : menu.buttonTexts()) {
                assertTrue(button.length() <= 34, language + ": " + button);
            }
            String wijk = TelegramHtmlCheck.visibleText(library.translations().flowText(language, "wijkanalyse", "title"));
            assertTrue(TelegramHtmlCheck.withoutDirectionMarks(menu.text).contains(wijk), language + ": in full in the message: " + menu.text);
            assertTrue(menu.buttonTexts().stream().allMatch(b -> b.matches("\\d+ \u00b7 .+")), language + ": numbered " + menu.buttonTexts());
        }
    }
}
