package nl.samenspraak.system;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.InstancesOnOneDatabase;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one PostgreSQL database set to different minimum group sizes, as during a rolling deploy that
 * raises k or with one instance misconfigured: a manager behind the load balancer sees on either what the stricter
 * hides, hidden. Else one page showing a team's figures beside the other's "fewer than 10" told that between 5 and 9
 * took part; an instance started with the smaller k while the larger runs (a rolling deploy that lowers k) hides it
 * from its first page. Once the instance with the larger k has stopped, and its word has aged, the smaller applies again.
 */
class TwoInstancesMinimumGroupSizeTest {
    private static final String FLOW = "werk-jij-diversiteitsproof";
    private static final String PASSWORD = "a long enough password";
    /** Short here, so that the stopped instance's word ages within the test; 30 s in production. */
    private static final int HEARD_WITHIN_SECONDS = 9;

    private final InstancesOnOneDatabase instances = new InstancesOnOneDatabase();

    @AfterEach
    void stop() {
        instances.close();
    }

    private EmbeddedServer start(int k) {
        return instances.start(settings(k));
    }

    private static Map<String, Object> settings(int k) {
        return Map.of(
                "samenspraak.dashboard.minimum-group-size", k,
                "samenspraak.dashboard.minimum-group-size-heard-within", HEARD_WITHIN_SECONDS + "s",
                // as in production (the tests' default is false): the figures of a closed round, and its team report
                "samenspraak.dashboard.rounds-only", true,
                "samenspraak.questionnaires.refresh", "1h",
                "samenspraak.jwt-secret", "two instances share one secret, as README says they must");
    }

    /** What a manager of the team is shown on one instance. */
    private record Seen(int export, int report, String teamCount) {
    }

    private static Seen seen(EmbeddedServer server, DashboardTeam fixture) {
        PageHttp http = new PageHttp(server.getURL().toString());
        int export = http.get(fixture.flow(FLOW, "/export.csv?lang=nl"), fixture.manager).status();
        int report = http.get(fixture.flow(FLOW, "/report.pdf?lang=nl"), fixture.manager).status();
        String team = http.get("/dashboard/teams/" + fixture.team.id() + "?lang=nl", fixture.manager).body();
        return new Seen(export, report, count(team, "/flows/" + FLOW + "?"));
    }

    /** The count on the card {@code after} names: the team page's per flow. */
    private static String count(String page, String after) {
        Matcher card = Pattern.compile(Pattern.quote(after) + ".*?<dd class=\"count\">([^<]*)</dd>", Pattern.DOTALL).matcher(page);
        assertTrue(card.find(), page);
        return card.group(1).strip();
    }

    @Test
    void anInstanceWithASmallerKHidesWhatTheOtherHidesUntilThatOneHasGone() throws InterruptedException {
        EmbeddedServer a = start(5);
        DashboardTeam fixture = DashboardTeam.create(a, a.getApplicationContext().getBean(Accounts.class),
                a.getApplicationContext().getBean(Teams.class), a.getApplicationContext().getBean(Respondents.class),
                "Wijkteam", PASSWORD, "Lombok");
        fixture.rounds.run(fixture.team.id(), FLOW, 8, 7, i -> Map.of());
        Seen shown = new Seen(200, 200, "7");
        assertEquals(shown, seen(a, fixture), "seven who took part: figures under k = 5");

        EmbeddedServer b = start(10);
        long bStarted = System.nanoTime();
        Seen hidden = new Seen(409, 404, "nog geen gesloten ronde van minstens 10");
        assertEquals(hidden, seen(b, fixture), "seven are fewer than B's k = 10");
        // A's pages read what the instances said at most once a second: B's k holds there within a second of B's
        // start (README), the one window this allows; past it, every page of A's applies it
        Thread.sleep(Math.max(0, 1_100 - (System.nanoTime() - bStarted) / 1_000_000));
        assertEquals(hidden, seen(a, fixture), "A hides them too: beside B's page its figures would tell 5 to 9");
        assertEquals(hidden, seen(instances.start(settings(5)), fixture),
                "an instance started with 5 while B runs (a rolling deploy that lowers k) hides them from its first page");

        long stopped = System.nanoTime(); // (B said its k at most a third of the time before)
        instances.stop(b);
        PageHttp onA = new PageHttp(a.getURL().toString());
        long hiddenAfterStop = -1;
        while (System.nanoTime() - stopped < 40_000_000_000L) {
            long asked = System.nanoTime();
            if (onA.get(fixture.flow(FLOW, "/export.csv?lang=nl"), fixture.manager).status() == 200) {
                break;
            }
            hiddenAfterStop = asked - stopped;
            Thread.sleep(200);
        }
        assertTrue(hiddenAfterStop >= HEARD_WITHIN_SECONDS / 3 * 1_000_000_000L,
                "B's k held after its stop, until its word had aged (" + hiddenAfterStop / 1_000_000 + " ms)");
        assertEquals(shown, seen(a, fixture), "once B has stopped and its k = 10 has aged, A applies its own 5 again");
    }
}
