package nl.samenspraak.team;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A professional opens a team's join link and does a self-reflection counted under the team, anonymously:
 * no name or e-mail asked, no cookie set, and the stored rows hold the team and nothing about the person.
 */
@SharedService
class JoinLinkTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Teams teams;
    @Inject
    Accounts accounts;
    @Inject
    DataSource dataSource;

    PageHttp http;
    Team team;

    @BeforeEach
    void team() {
        http = new PageHttp(server.getURL().toString());
        team = teams.create(TeamsContract.unique("Wijkteam Oost"), List.of("Oost", "Centrum"));
    }

    @Test
    void theJoinPageOffersTheProfessionalFlowsAndAsksNothingPersonal() {
        PageHttp.Reply page = http.get("/t/" + team.joinCode().toLowerCase() + "?lang=nl", null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<h1>" + team.name() + "</h1>"), page.body());
        assertTrue(page.body().contains("anoniem"), page.body());
        assertTrue(page.body().contains("name=\"flow\" value=\"werk-jij-diversiteitsproof\""), "the professionals' reflection");
        assertFalse(page.body().contains("value=\"voorbeeld\""), "not the demo: its answers would count under the team");
        assertFalse(page.body().contains("value=\"cultureel-interview\""), "a client's interview is not offered");
        assertFalse(page.body().contains("value=\"topiclijst\""), "an organisation's record is not offered");
        assertFalse(page.body().matches("(?s).*<input(?![^>]*type=\"hidden\")[^>]*name=\"(?!lang)[^\"]*\".*"),
                "no field to type anything into: " + page.body());
        assertNull(page.setCookie(PageHttp.LOGIN_COOKIE));
        assertTrue(page.headers().getOrDefault("set-cookie", List.of()).isEmpty(), "no cookie at all");
    }

    @Test
    void startingStoresTheTeamAndNothingThatPointsToThePerson() throws Exception {
        Account admin = accounts.create("admin-" + team.id(), "a long enough password", Role.ADMIN);
        String cookie = http.login(admin.username(), "a long enough password");

        PageHttp.Reply started = http.post("/t/" + team.joinCode(), form("flow", "werk-jij-diversiteitsproof", "lang", "nl"), cookie);
        assertEquals(303, started.status(), started.body());
        assertTrue(started.location().matches("/c/[0-9a-f-]{36}"), started.location());
        assertTrue(started.headers().getOrDefault("set-cookie", List.of()).isEmpty(), "no cookie at all");
        String id = started.location().substring(3);
        JsonHttp api = new JsonHttp(server.getURL().toString());
        assertEquals(200, api.post("/api/conversations/" + id + "/answers", "{\"step\":\"welkom\",\"value\":null}").status());
        assertEquals(200, api.post("/api/conversations/" + id + "/answers", "{\"step\":\"houding_nieuwsgierig\",\"value\":4}").status());

        Map<String, Object> conversation = row("select * from conversation where id = ?", id).get(0);
        assertEquals(Set.of("id", "flow_id", "flow_version", "language", "channel", "status", "current_step", "path",
                "resume_code", "created_at", "updated_at", "version", "team_id", "wijk", "held_by",
                // whether a finished conversation says something, and under which version of its flow's rule (a hash of the flow)
                "says_something", "says_something_rule"), conversation.keySet(),
                "no column for a respondent's account, address or device");
        // held_by names the intermediair who holds an assisted conversation (who may open it), never the respondent;
        // a conversation started through a join link is held by nobody
        assertNull(conversation.get("held_by"));
        assertEquals(team.id(), ((Number) conversation.get("team_id")).longValue());
        assertNull(conversation.get("wijk"));
        assertEquals("web", conversation.get("channel"));
        List<Map<String, Object>> answers = row("select * from answer where conversation_id = ?", id);
        assertEquals(1, answers.size());
        assertEquals(Set.of("id", "conversation_id", "step_id", "answer_value", "language", "created_at", "updated_at", "entered_by"),
                answers.get(0).keySet());
        for (Map<String, Object> r : List.of(conversation, answers.get(0))) {
            for (Object value : r.values()) {
                String text = String.valueOf(value);
                assertFalse(text.contains(admin.username()) || text.contains("127.0.0.1") || text.contains("localhost")
                        || text.contains(cookie.substring(cookie.indexOf('=') + 1)), "personal trace in " + r);
            }
        }
        assertEquals(1, teams.conversations(team.id()));
    }

    @Test
    void onlyAProfessionalFlowStartsAndABadLinkSaysSo() {
        PageHttp.Reply client = http.post("/t/" + team.joinCode(), form("flow", "cultureel-interview", "lang", "nl"), null);
        assertEquals(422, client.status());
        assertTrue(client.body().contains("Kies een van de gesprekken hieronder."), client.body());
        PageHttp.Reply demo = http.post("/t/" + team.joinCode(), form("flow", "voorbeeld", "lang", "nl"), null);
        assertEquals(422, demo.status(), "the demo is not offered, not even by its name");
        assertEquals(0, teams.conversations(team.id()));

        PageHttp.Reply unknown = http.get("/t/ABCDEFGHJKMNPQRS?lang=en", null);
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("This join link does not exist (any more)."), unknown.body());
        teams.renewJoinCode(team.id());
        assertEquals(404, http.get("/t/" + team.joinCode(), null).status(), "a renewed link ends the old one");
        assertEquals(404, http.post("/t/" + team.joinCode(), form("flow", "werk-jij-diversiteitsproof", "lang", "nl"), null).status());
    }

    private List<Map<String, Object>> row(String sql, String id) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(), r.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
