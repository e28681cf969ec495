package nl.samenspraak.intermediair;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.round.Rounds;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With team figures from rounds only, what an intermediair enters while no round of the team takes it counts in no
 * figure: their start page says so beside the conversation, before they begin. They learnt it afterwards, from
 * "buiten een ronde" in their list, while the resident's consent had said the managers would see the figures (the
 * intermediair probe). With a round running, nothing is said.
 */
@SharedService
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
class NoOpenRoundNoticeTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Rounds rounds;

    @Test
    void theStartPageSaysWhenNoRoundWouldCountWhatIsEntered() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Oost " + suffix, List.of("Transwijk"));
        Account intermediair = accounts.create("intermediair-" + suffix, "a long enough password", Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());
        PageHttp http = new PageHttp(server.getURL().toString());
        String cookie = http.login(intermediair.username(), "a long enough password");

        String page = http.get("/intermediair?lang=nl", cookie).body();
        assertTrue(page.contains("<p class=\"hint no-round\" id=\"no-round-wijkanalyse\">Nu loopt er geen ronde voor dit gesprek bij "
                + "Wijkteam Oost " + suffix + ": wat je nu samen invult"), page);
        assertFalse(page.contains("id=\"no-round-cultureel-interview\""), "a flow counted in no figure anyway says nothing");

        rounds.open(team.id(), "wijkanalyse", LocalDate.now().plusDays(30), 0, ZoneId.of("Europe/Amsterdam"));
        PageHttp.Reply again = http.get("/intermediair?lang=nl", cookie);
        assertEquals(200, again.status());
        String running = again.body();
        assertFalse(running.contains("id=\"no-round-wijkanalyse\""), "a round that takes it: nothing to say");
    }
}
