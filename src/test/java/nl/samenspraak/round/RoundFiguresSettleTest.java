package nl.samenspraak.round;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.support.TeamRounds;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A closed round's figures never change once a manager has seen them. The last conversation finished before the close
 * may be stored a moment after it: a turn under way, or (two instances) one whose clock runs behind, which stores a
 * time before the close for an answer given after it. When the figures appeared at the close, a manager who looked
 * then and again a little later saw 5 and then 6, and the difference was that one person's answers. Now they appear
 * {@code round-figures-after} after the close (5 s here, a minute by default), when nothing can join any more.
 */
@SharedService
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
@Property(name = "samenspraak.dashboard.round-figures-after", value = "5s")
class RoundFiguresSettleTest {
    static final String WERK_JIJ = "werk-jij-diversiteitsproof";
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;
    @Inject
    DataSource dataSource;

    @Test
    void aLateStoredAnswerOfBeforeTheCloseIsInTheFiguresFromTheFirstLookOn() throws Exception {
        DashboardTeam t = DashboardTeam.create(server, accounts, teams, respondents, "Bezinken", PASSWORD, "Noord");
        PageHttp http = t.http;
        Team team = t.team;
        String manager = t.manager;
        TeamRounds rounds = t.rounds;

        long round = rounds.open(team.id(), WERK_JIJ, 6);
        List<String> links = rounds.links(round);
        for (int i = 0; i < 5; i++) {
            respondents.finishStarted(rounds.use(links.get(i)), Map.of("opmerking", "Op tijd " + i));
        }
        String sixth = rounds.use(links.get(5));
        rounds.close(round);
        long closed = System.nanoTime();

        String atTheClose = flowPage(http, team, manager);
        // the sixth answers on an instance whose clock runs 2 s behind: stored after the close, dated before it
        respondents.finishStarted(sixth, Map.of("opmerking", "Net voor de sluiting"));
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement behind = c.prepareStatement("UPDATE conversation SET updated_at = "
                     + "(SELECT closed_at FROM survey_round WHERE id = ?) - INTERVAL '1' SECOND WHERE id = ?")) {
            behind.setLong(1, round);
            behind.setString(2, sixth);
            assertEquals(1, behind.executeUpdate());
        }
        assertTrue(System.nanoTime() - closed < 5_000_000_000L, "still within the wait: the test is too slow to say anything");
        assertFalse(atTheClose.contains("id=\"respondents\""), "no figures at the close: " + atTheClose);
        assertFalse(atTheClose.contains("Op tijd"));
        assertTrue(atTheClose.contains("De cijfers van een ronde verschijnen kort nadat die sloot."), "and says when they come");

        Thread.sleep(Math.max(0, 5_200 - (System.nanoTime() - closed) / 1_000_000));
        String first = flowPage(http, team, manager);
        assertTrue(first.contains("<strong id=\"respondents\">6</strong>"), first);
        assertTrue(first.contains("Net voor de sluiting"), "the answer of before the close counts");
        assertTrue(first.contains("6 van 6 uitgenodigden deden mee"));
        assertEquals(figures(first), figures(flowPage(http, team, manager)), "and nothing changes afterwards");
    }

    private static String flowPage(PageHttp http, Team team, String manager) {
        PageHttp.Reply r = http.get("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "?lang=nl", manager);
        assertEquals(200, r.status());
        return r.body();
    }

    /** The page's figures: what it says between its heading and its foot, without the time it was made. */
    private static String figures(String page) {
        int main = page.indexOf("<main");
        return main < 0 ? page : page.substring(main);
    }
}
