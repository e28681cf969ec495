package nl.samenspraak.admin;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a bot username (TELEGRAM_BOT_USERNAME) a team's page shows no Telegram links (see TelegramTeamLinkTest for with). */
@SharedService
class TeamPageWithoutBotTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;

    @Test
    void noTelegramLinksWithoutABotUsername() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Team zonder bot " + suffix, List.of());
        Account admin = accounts.create("admin-" + suffix, "a long enough password", Role.ADMIN);
        PageHttp http = new PageHttp(server.getURL().toString());
        PageHttp.Reply page = http.get("/admin/teams/" + team.id() + "?lang=nl", http.login(admin.username(), "a long enough password"));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("/t/" + team.joinCode()), "the join link is there");
        assertFalse(page.body().contains("t.me/"), page.body());
        assertFalse(page.body().contains("telegram-title"));
    }
}
