package nl.samenspraak.system;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.questionnaire.PublishedRows;
import nl.samenspraak.questionnaire.Questionnaires;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.InstancesOnOneDatabase;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.PostgresDatabase;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one PostgreSQL database, as {@link TwoInstancesTest}: what a person, a manager or an outsider sees
 * listed on one instance right after a publish (or a withdrawal) on the other. Each instance here looks at what is
 * published for every list ({@code look-at-most-every: 0s}); that lists within a second share one look is
 * {@code questionnaire.SharedLookTest}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesListsTest {
    private static final String PASSWORD = "a long enough password";

    private InstancesOnOneDatabase instances;
    private PostgresDatabase database;
    private EmbeddedServer a;
    private EmbeddedServer b;

    @BeforeAll
    void startTwoInstances() {
        instances = new InstancesOnOneDatabase();
        database = instances.database();
        a = start();
        b = start();
    }

    private EmbeddedServer start() {
        return instances.start(Map.of(
                // no look of its own every while: only what a request asks for, or a publish on the instance itself
                "samenspraak.questionnaires.refresh", "1h",
                "samenspraak.questionnaires.look-at-most-every", "0s",
                // a team's figures from every finished conversation, so that a test need not close a survey round first
                "samenspraak.dashboard.rounds-only", "false",
                "samenspraak.jwt-secret", "two instances share one secret, as README says they must"));
    }

    @AfterAll
    void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    private void publishedOnA(String flowId, String version, java.util.function.UnaryOperator<String> edit) throws Exception {
        PublishedRows.publish(database, flowId, version, edit);
        a.getApplicationContext().getBean(Questionnaires.class).refresh(); // as a publish on A's admin page does
    }

    @Test
    void aQuestionnaireJustPublishedOnOneInstanceIsListedByTheOther() throws Exception {
        JsonHttp onB = new JsonHttp(b.getURL().toString());
        PageHttp pagesOnB = new PageHttp(b.getURL().toString());
        assertFalse(onB.get("/api/flows?lang=nl").body().contains("\"aanbod\""), "not published yet");

        publishedOnA("aanbod", "1".repeat(64), flow -> flow);

        assertTrue(onB.get("/api/flows?lang=nl").body().contains("\"id\":\"aanbod\""),
                "GET /api/flows on B lists it at once: " + onB.get("/api/flows?lang=nl").body());
        assertTrue(pagesOnB.get("/?lang=nl", null).body().contains("aanbod"), "and B's start page");
    }

    @Test
    void aQuestionnaireWithdrawnOnOneInstanceIsNoLongerListedByTheOther() throws Exception {
        JsonHttp onB = new JsonHttp(b.getURL().toString());
        publishedOnA("weg", "2".repeat(64), flow -> flow);
        assertTrue(onB.get("/api/flows?lang=nl").body().contains("\"id\":\"weg\""));

        try (Connection c = PublishedRows.connection(database);
             PreparedStatement s = c.prepareStatement("UPDATE questionnaire SET published_at = NULL WHERE flow_id = 'weg'")) {
            s.executeUpdate();
        }
        a.getApplicationContext().getBean(Questionnaires.class).refresh();

        assertFalse(onB.get("/api/flows?lang=nl").body().contains("\"id\":\"weg\""),
                "B no longer lists what is no longer published: " + onB.get("/api/flows?lang=nl").body());
    }

    @Test
    void aManagersDashboardOnTheOtherInstanceShowsAQuestionnaireJustPublished() throws Exception {
        Teams teams = b.getApplicationContext().getBean(Teams.class);
        Team team = teams.create("Wijkteam " + UUID.randomUUID().toString().substring(0, 8), List.of("Lombok"));
        Account manager = b.getApplicationContext().getBean(Accounts.class)
                .create("manager-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.MANAGER);
        teams.addMember(team.id(), manager.id());
        PageHttp pagesOnB = new PageHttp(b.getURL().toString());
        String login = pagesOnB.login(manager.username(), PASSWORD);
        assertFalse(pagesOnB.get("/dashboard/teams/" + team.id() + "?lang=nl", login).body().contains("/flows/stand"));

        publishedOnA("stand", "3".repeat(64), flow -> flow.replace("audience: professional", "audience: professional\ndashboard: anonymous"));

        PageHttp.Reply page = pagesOnB.get("/dashboard/teams/" + team.id() + "?lang=nl", login);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("/flows/stand"), "the team's page on B has the new questionnaire: " + page.body());
    }

    @Test
    void aFlowIdThatCannotBeOneIsNotLookedForButAWellFormedOneIs() throws Exception {
        JsonHttp onB = new JsonHttp(b.getURL().toString());
        Questionnaires onBsSide = b.getApplicationContext().getBean(Questionnaires.class);
        // published, and no instance has looked since: whether B looks shows in whether it then serves it
        PublishedRows.publish(database, "stil", "4".repeat(64), flow -> flow);

        for (String notAnId : new String[]{"../stil", "Stil", "stil!", "x".repeat(65), "1stil"}) {
            JsonHttp.Reply start = onB.post("/api/conversations", "{\"flow\":\"" + notAnId + "\",\"language\":\"nl\"}");
            assertEquals(404, start.status(), notAnId + ": " + start.body());
        }
        assertFalse(onBsSide.isPublished("stil"), "no flow id asked for could be one: B did not read the database");

        assertEquals(201, onB.post("/api/conversations", "{\"flow\":\"stil\",\"language\":\"nl\"}").status(),
                "a well-formed id B does not serve is looked for, so the flow published a moment ago starts");
    }

    @Test
    void anIntermediairsStartFormOnTheOtherInstanceOffersAQuestionnaireJustPublished() throws Exception {
        Teams teams = b.getApplicationContext().getBean(Teams.class);
        Team team = teams.create("Wijkteam " + UUID.randomUUID().toString().substring(0, 8), List.of("Lunetten"));
        Account intermediair = b.getApplicationContext().getBean(Accounts.class)
                .create("inter-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());
        PageHttp pagesOnB = new PageHttp(b.getURL().toString());
        String login = pagesOnB.login(intermediair.username(), PASSWORD);
        assertFalse(pagesOnB.get("/intermediair?lang=nl", login).body().contains("name=\"flow\" value=\"gesprek\""));

        publishedOnAFrom("wijkanalyse", "gesprek", "9".repeat(64), flow -> flow);

        String page = pagesOnB.get("/intermediair?lang=nl", login).body();
        assertTrue(page.contains("name=\"flow\" value=\"gesprek\""), "B's 'Nieuw gesprek' offers it: " + page);
    }

    /**
     * A manager opening a flow's figures on B right after A published a version with a
     * higher minimum group size saw the figures of 10 people that A already hid (fewer than 20).
     */
    @Test
    void aFlowsFiguresOnTheDashboardAreUnderTheMinimumGroupSizeJustPublished() throws Exception {
        publishedOnAFrom("wijkanalyse", "telling", "7".repeat(64), flow -> flow);
        b.getApplicationContext().getBean(Questionnaires.class).refresh();
        Teams teams = b.getApplicationContext().getBean(Teams.class);
        Team team = teams.create("Wijkteam " + UUID.randomUUID().toString().substring(0, 8), List.of("Oost"));
        Account manager = b.getApplicationContext().getBean(Accounts.class)
                .create("manager-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.MANAGER);
        teams.addMember(team.id(), manager.id());
        Respondents respondents = b.getApplicationContext().getBean(Respondents.class);
        for (int i = 0; i < 10; i++) {
            respondents.finish("telling", "nl", new nl.samenspraak.conversation.Origin(team.id(), "Oost"), Map.of("toestemming", "ja"));
        }
        PageHttp pagesOnB = new PageHttp(b.getURL().toString());
        String login = pagesOnB.login(manager.username(), PASSWORD);
        String path = "/dashboard/teams/" + team.id() + "/flows/telling?lang=nl";
        String before = pagesOnB.get(path, login).body();
        assertFalse(before.contains("mensen hebben dit gesprek in dit team afgerond"), "10 finished: figures shown: " + before);

        publishedOnAFrom("wijkanalyse", "telling", "8".repeat(64), flow -> flow.replace("minimumGroupSize: 10", "minimumGroupSize: 20"));

        PageHttp.Reply page = pagesOnB.get(path, login);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Minder dan 20 mensen hebben dit gesprek in dit team afgerond"),
                "B hides them under the k just published, as A does: " + page.body());
    }

    private void publishedOnAFrom(String base, String flowId, String version, java.util.function.UnaryOperator<String> edit) throws Exception {
        PublishedRows.publishFrom(database, base, flowId, version, edit);
        a.getApplicationContext().getBean(Questionnaires.class).refresh(); // as a publish on A's admin page does
    }

}
