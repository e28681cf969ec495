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
}
