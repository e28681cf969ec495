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
