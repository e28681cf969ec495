package nl.samenspraak.intermediair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.AssistedStart;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "My conversations" on the intermediair's home page: each intermediair sees the conversations they hold
 * themselves, never a team colleague's, with flow, wijk, the resident's language and a "Verder" link to the
 * two-language layout; a finished one moves from "not finished" to "finished"; no answer shows.
 */
@SharedService
class MyConversationsPageTest {
    static final String PASSWORD = "a long enough password";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    nl.samenspraak.conversation.ConversationSettings conversationSettings;
    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;

    PageHttp http;
    Team team;
    String anna;
    String bram;

    @BeforeEach
    void twoIntermediairsOfOneTeam() {
        http = new PageHttp(server.getURL().toString());
        team = teams.create("Wijkteam Oost " + suffix(), List.of("Kanaleneiland", "Hoograven"));
        anna = login(team);
        bram = login(team);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String login(Team t) {
        Account a = accounts.create("inter-" + suffix(), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(t.id(), a.id());
        return http.login(a.username(), PASSWORD);
    }

    private String start(String cookie, String language, String wijk) {
        return AssistedStart.start(http, cookie, "wijkanalyse", language, team.id() + "|" + wijk, "nl").id();
    }

    private JsonNode answer(String cookie, String id, String step, String value) throws Exception {
        PageHttp.Reply r = http.send(http.request("/intermediair/api/conversations/" + id + "/answers?lang=nl")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Origin", http.base()).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":\"" + step + "\",\"value\":" + value + "}")));
        assertEquals(200, r.status(), r.body());
        return JSON.readTree(r.body());
    }

    /** The part of the home page between "Nog niet klaar" and "Klaar" (or the new-conversation heading). */
    private static String section(String page, String headingId) {
        int from = page.indexOf("id=\"" + headingId + "\"");
        if (from < 0) {
            return "";
        }
        int to = page.indexOf("</ul>", from);
        return page.substring(from, to);
    }

    @Test
    void eachSeesOnlyTheirOwnAndAFinishedOneMovesToFinished() throws Exception {
        String annas = start(anna, "tr", "Hoograven");
        String brams = start(bram, "ar", "Kanaleneiland");

        String annaPage = http.get("/intermediair?lang=nl", anna).body();
        assertTrue(annaPage.contains("<h2 id=\"mine-title\">Mijn gesprekken</h2>"), annaPage);
        String unfinished = section(annaPage, "mine-unfinished");
        assertTrue(unfinished.contains("Nog niet klaar (1)"), unfinished);
        assertTrue(unfinished.contains("data-id=\"" + annas + "\""), unfinished);
        assertTrue(unfinished.contains("href=\"/intermediair/c/" + annas + "?lang=nl\""), "Verder opens the two-language layout");
        assertTrue(unfinished.contains(">Verder</a>"));
        assertTrue(unfinished.contains("<bdi>Hoograven</bdi> · <bdi lang=\"tr\">Türkçe</bdi>"), unfinished);
        assertTrue(unfinished.contains("Laatst gewijzigd <time datetime=\""), unfinished);
        // the time in the zone conversations live in (as the hand-over's "until"), not the server's (often UTC)
        Matcher changed = Pattern.compile("<time datetime=\"([^\"]+)\">([^<]+)</time>").matcher(unfinished);
        assertTrue(changed.find(), unfinished);
        assertEquals(nl.samenspraak.i18n.Moments.dayAndTime(java.time.Instant.parse(changed.group(1)), conversationSettings.zone(), "nl"),
                changed.group(2));
        assertFalse(annaPage.contains(brams), "a colleague of the same team sees nothing of Bram's conversation");
        assertFalse(annaPage.contains("id=\"mine-finished\""), "nothing finished yet");

        String bramPage = http.get("/intermediair?lang=nl", bram).body();
        assertTrue(bramPage.contains("data-id=\"" + brams + "\""));
        assertTrue(bramPage.contains("<bdi>Kanaleneiland</bdi> · <bdi lang=\"ar\">العربية</bdi>"), bramPage);
        assertFalse(bramPage.contains(annas), "nor Bram anything of Anna's");

        answer(anna, annas, "welkom", "null");
        JsonNode state = answer(anna, annas, "toestemming", "\"ja\"");
        for (int i = 0; i < 60 && !state.get("done").asBoolean(); i++) {
            state = answer(anna, annas, state.at("/step/id").asText(), "null");
        }
        assertTrue(state.get("done").asBoolean(), state.toString());

        String after = http.get("/intermediair?lang=nl", anna).body();
        assertFalse(after.contains("id=\"mine-unfinished\""), "no longer among the unfinished");
        String finished = section(after, "mine-finished");
        assertTrue(finished.contains("Klaar (1)"), after);
        assertTrue(finished.contains("data-id=\"" + annas + "\""), finished);
        assertFalse(finished.contains(">Verder<"), "a finished one has no Verder");
        assertTrue(finished.contains("href=\"/intermediair/c/" + annas + "?lang=nl\" aria-describedby=\"mine-title-" + annas + "\">Resultaat<"),
                "but its result, to read, print or hand over again: " + finished);
        assertTrue(section(http.get("/intermediair?lang=nl", bram).body(), "mine-unfinished").contains(brams),
                "Bram's stays unfinished");
    }

    @Test
    void theListSpeaksTheIntermediairsLanguage() {
        start(anna, "pl", "Hoograven");
        String english = http.get("/intermediair?lang=en", anna).body();
        assertTrue(english.contains("My conversations"), english);
        assertTrue(english.contains("Not finished yet (1)"));
        assertTrue(english.contains(">Continue</a>"));
        String arabic = http.get("/intermediair?lang=ar", anna).body();
        assertTrue(arabic.contains("محادثاتي"), arabic);
        assertTrue(arabic.contains("<bdi lang=\"pl\">Polski</bdi>"), arabic);
    }

    @Test
    void noConversationsYetSaysSo() {
        String page = http.get("/intermediair?lang=nl", login(team)).body();
        assertTrue(page.contains("Je hebt nog geen gesprekken."), page);
        assertFalse(page.contains("mine-item"));
    }
}
