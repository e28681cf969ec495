package nl.samenspraak.telegram;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A team's Telegram deep link fits Telegram's start parameter (1-64 of A-Z a-z 0-9 _ -) and reads back. */
class TelegramLinksTest {
    static final String CODE = "K7PM2QXDABCDEFGH";

    @Test
    void everyBundledFlowMakesALinkTelegramTakesWithAnyTeamCode() {
        TelegramLinks links = new TelegramLinks("SamenspraakBot");
        for (Flow flow : FlowWalk.library().flows()) {
            String url = links.teamLink(flow.id(), CODE).orElseThrow(() -> new AssertionError(flow.id()));
            String parameter = url.substring("https://t.me/SamenspraakBot?start=".length());
            assertTrue(url.startsWith("https://t.me/SamenspraakBot?start="), url);
            assertTrue(parameter.length() <= 64, parameter);
            assertTrue(parameter.matches("[A-Za-z0-9_-]+"), parameter);
            assertEquals(new TelegramLinks.Start(flow.id(), CODE), TelegramLinks.Start.parse(parameter));
        }
    }

    @Test
    void noBotUsernameNoLinks() {
        assertFalse(new TelegramLinks("").enabled());
        assertEquals(Optional.empty(), new TelegramLinks("  ").teamLink("voorbeeld", CODE));
        assertEquals(Optional.empty(), new TelegramLinks("not a bot!").teamLink("voorbeeld", CODE), "not a Telegram username");
        assertEquals(Optional.of("https://t.me/SamenspraakBot?start=voorbeeld_" + CODE),
                new TelegramLinks("@SamenspraakBot").teamLink("voorbeeld", CODE), "an @ in front is fine");
    }

    @Test
    void aParameterTelegramWouldRefuseIsNotMade() {
        TelegramLinks links = new TelegramLinks("SamenspraakBot");
        assertEquals(Optional.empty(), links.teamLink("f".repeat(48), CODE), "65 characters");
        assertTrue(links.teamLink("f".repeat(47), CODE).isPresent(), "64 characters");
        assertEquals(Optional.empty(), links.teamLink("voorbeeld", "AB CD"));
    }

    @Test
    void aPlainFlowIdHasNoTeam() {
        assertNull(TelegramLinks.Start.parse("werk-jij-diversiteitsproof").teamCode());
        assertEquals("werk-jij-diversiteitsproof", TelegramLinks.Start.parse("werk-jij-diversiteitsproof").flowId());
    }
}
