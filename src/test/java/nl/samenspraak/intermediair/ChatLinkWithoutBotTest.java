package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without a Telegram bot set up (no token, no bot name) there is nothing to link a chat to: "Mijn gesprekken" offers
 * no "Koppel Telegram" and asking for a link anyway is "not found", never a link that leads nowhere.
 */
@SharedService
class ChatLinkWithoutBotTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;

    @Test
    void thePageOffersNoLinkAndNoneIsMade() {
        PageHttp http = new PageHttp(server.getURL().toString());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Oost " + suffix, List.of());
        Account me = accounts.create("intermediair-" + suffix, "a long enough password", Role.INTERMEDIAIR);
        teams.addMember(team.id(), me.id());
        String cookie = http.login(me.username(), "a long enough password");

        PageHttp.Reply page = http.get("/intermediair?lang=nl", cookie);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("id=\"mine-title\""), "it is the Mijn gesprekken page");
        assertFalse(page.body().contains("/intermediair/telegram/link"), "no link offered");
        assertFalse(page.body().contains("Koppel Telegram"));
        PageHttp.Reply made = http.post("/intermediair/telegram/link", form("lang", "nl"), cookie);
        assertEquals(404, made.status());
        assertFalse(made.body().contains("t.me"));
    }
}
