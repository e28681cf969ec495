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
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.PdfText;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.support.TeamRounds;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person still answering when their round closed can finish, but their answers are not in the team's figures
 * (the invitation said they would be): their result says so, in the JSON API as in every channel, and again when
 * they open it later with their code or keep it as a PDF. Who finished in time, and who answered outside any round,
 * are told nothing of the kind.
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
    PageHttp http;
    TeamRounds rounds;
    Team team;

    @BeforeEach
    void fixtures() {
        DashboardTeam t = DashboardTeam.create(server, accounts, teams, respondents, "Laat", PASSWORD, "Noord");
        api = new JsonHttp(server.getURL().toString());
        http = t.http;
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

    /**
     * Days later the person types the code they noted while answering, on the start page or through the API: the
     * result it opens says again that their answers do not count.
     */
    @Test
    void theCodeTheyNotedOpensTheResultWithTheNoticeAgain() {
        Late late = finishedLate();

        JsonNode byCode = api.get("/api/resume/" + late.code()).json();
        assertEquals(late.id(), byCode.get("id").asText());
        assertEquals(NOTICE_NL, byCode.get("result").get("notice").asText(), byCode.toString());
        assertEquals(List.of(), ApiContract.problems("GET", "/api/resume/" + late.code(), 200, "application/json", byCode.toString()));

        PageHttp.Reply resumed = http.get("/resume?lang=nl&code=" + late.code(), null);
        assertEquals(303, resumed.status(), resumed.body());
        assertEquals("/c/" + late.id(), resumed.location());
        PageHttp.Reply page = http.get(resumed.location(), null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<p class=\"result-notice\" role=\"note\">" + NOTICE_NL + "</p>"), page.body());
    }

    /** The PDF a late finisher keeps of their result says it too, as the page does. */
    @Test
    void theResultsPdfSaysItDoesNotCount() {
        Late late = finishedLate();

        HttpResponse<byte[]> pdf = http.download("/c/" + late.id() + "/result.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text = PdfText.of(pdf.body());
        assertTrue(text.contains(PdfText.plain(NOTICE_NL)), text);
    }

    @Test
    void aResultOutsideAnyRoundSaysNothingOfRounds() {
        JsonNode done = ApiWalk.answerUntil(api, WERK_JIJ, "nl", s -> s.get("done").asBoolean());
        assertTrue(done.get("done").asBoolean());
        assertTrue(done.get("result").get("notice").isNull(), done.get("result").toString());
        assertFalse(done.get("result").get("html").asText().contains("gesloten"));
    }

    /** A conversation of a round, its resume code as its chat showed it, finished after the admin closed the round. */
    private record Late(String id, String code) {
    }

    private Late finishedLate() {
        long round = rounds.open(team.id(), WERK_JIJ, 1);
        String id = rounds.use(rounds.links(round).get(0));
        JsonNode answering = ApiWalk.answer(api, id, api.get("/api/conversations/" + id).json());
        String code = answering.get("resumeCode").asText();
        assertFalse(code.isEmpty(), answering.toString());
        rounds.close(round);
        answerAll(id); // what the finishing turn says is aResultFinishedAfterTheAdminClosedTheRoundSaysItDoesNotCount's
        return new Late(id, code);
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
