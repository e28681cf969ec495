package nl.samenspraak.round;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.api.ApiContract;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.ApiWalk;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.support.TeamRounds;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person still answering when their round closed can finish, but their answers are not in the team's figures
 * (the invitation said they would be): their result says so, in the JSON API as in every channel. Who finished in
 * time, and who answered outside any round, are told nothing of the kind.
 */
@SharedService
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
class LateFinishTest {
    static final String WERK_JIJ = "werk-jij-diversiteitsproof";
    static final String NOTICE_NL = "Deze ronde was al gesloten toen je klaar was. Je antwoorden tellen daarom niet mee "
            + "in de cijfers van het team. Wat hieronder staat, is wel voor jou.";
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;

    JsonHttp api;
    TeamRounds rounds;
    Team team;

    @BeforeEach
    void fixtures() {
        DashboardTeam t = DashboardTeam.create(server, accounts, teams, respondents, "Laat", PASSWORD, "Noord");
        api = new JsonHttp(server.getURL().toString());
        team = t.team;
        rounds = t.rounds;
    }

    @Test
    void aResultFinishedAfterTheAdminClosedTheRoundSaysItDoesNotCount() {
        long round = rounds.open(team.id(), WERK_JIJ, 2);
        List<String> links = rounds.links(round);
        String inTime = rounds.use(links.get(0));
        String late = rounds.use(links.get(1));
        JsonNode first = ApiWalk.answer(api, late, api.get("/api/conversations/" + late).json());
        assertFalse(first.get("done").asBoolean(), "still answering when the round closes");
        JsonNode onTime = answerAll(inTime);
        rounds.close(round);
        JsonNode afterClose = answerAll(late);

        assertEquals(NOTICE_NL, afterClose.get("result").get("notice").asText(), afterClose.toString());
        assertTrue(afterClose.get("result").get("html").asText().contains(NOTICE_NL), "the result itself says it");
        assertTrue(onTime.get("result").get("notice").isNull(), onTime.get("result").toString());
        assertFalse(onTime.get("result").get("html").asText().contains("gesloten"));
        // opened again later: still says it
        JsonNode again = api.get("/api/conversations/" + late).json();
        assertEquals(NOTICE_NL, again.get("result").get("notice").asText());
        assertEquals(List.of(), ApiContract.problems("GET", "/api/conversations/" + late, 200, "application/json", again.toString()));
    }

    @Test
    void aResultOutsideAnyRoundSaysNothingOfRounds() {
        JsonNode done = ApiWalk.answerUntil(api, WERK_JIJ, "nl", s -> s.get("done").asBoolean());
        assertTrue(done.get("done").asBoolean());
        assertTrue(done.get("result").get("notice").isNull(), done.get("result").toString());
        assertFalse(done.get("result").get("html").asText().contains("gesloten"));
    }

    private JsonNode answerAll(String id) {
        JsonNode state = api.get("/api/conversations/" + id).json();
        for (int turn = 0; turn < 80 && !state.get("done").asBoolean(); turn++) {
            state = ApiWalk.answer(api, id, state);
        }
        assertTrue(state.get("done").asBoolean(), state.toString());
        return state;
    }
}
