package nl.samenspraak.telegram;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationRecord;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A team's join code in Telegram: the admin's team page shows the deep links (a bot username is configured),
 * and opening one ({@code /start <flow>_<code>}) starts that flow counted under the team, anonymously.
 */
@MicronautTest(transactional = false)
class TelegramTeamLinkTest extends TelegramFixture {
    static final String PASSWORD = "a long enough password";

    @Inject
    ConversationRepository conversations;
    @Inject
    Teams teams;
    @Inject
    Accounts accounts;
    @Inject
    EmbeddedServer server;

    TelegramTeamLinkTest() {
        super("777001:team-link-test-token", Map.of("telegram.bot-username", "SamenspraakTestBot"));
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private ConversationRecord recordOf(TelegramUser user) {
        return conversations.findById(conversationOf(user)).orElseThrow();
    }

    /** The deep links on the admin's page of {@code team}, by flow. */
    private Map<String, String> linksOnTheTeamPage(Team team) {
        Account admin = accounts.create("admin-" + suffix(), PASSWORD, Role.ADMIN);
        PageHttp http = new PageHttp(server.getURL().toString());
        PageHttp.Reply page = http.get("/admin/teams/" + team.id() + "?lang=nl", http.login(admin.username(), PASSWORD));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<h2 id=\"telegram-title\">Telegram-links</h2>"), page.body());
        Matcher m = Pattern.compile("<input id=\"telegram-([a-z-]+)\" class=\"code-field\" readonly value=\"([^\"]+)\">").matcher(page.body());
        Map<String, String> links = new java.util.TreeMap<>();
        while (m.find()) {
            links.put(m.group(1), m.group(2));
        }
        return links;
    }

    @Test
    void theTeamPageShowsTheDeepLinksAndOneStartsTheFlowCountedUnderTheTeam() {
        Team team = teams.create("Wijkteam Telegram " + suffix(), List.of("Oost"));
        Map<String, String> links = linksOnTheTeamPage(team);
        assertEquals(Map.of(
                "werk-jij-diversiteitsproof", "https://t.me/SamenspraakTestBot?start=werk-jij-diversiteitsproof_" + team.joinCode()),
                links, "one link per flow for professionals, none for the demo");

        TelegramUser user = user("nl");
        String parameter = links.get("werk-jij-diversiteitsproof").substring(links.get("werk-jij-diversiteitsproof").indexOf("start=") + 6);
        int mark = user.mark();
        user.say("/start " + parameter);
        assertTrue(user.textSince(mark).contains("Je antwoorden tellen anoniem mee voor " + team.name() + "."), user.textSince(mark));
        ConversationRecord c = recordOf(user);
        assertEquals("werk-jij-diversiteitsproof", c.flowId());
        assertEquals(team.id(), c.teamId());
        assertNull(c.wijk());
        assertEquals("telegram", c.channel());
        assertEquals(1, teams.conversations(team.id()));

        user.tap("n");
        user.say("/opnieuw");
        ConversationRecord again = recordOf(user);
        assertNotEquals(c.id(), again.id());
        assertEquals(team.id(), again.teamId(), "starting again keeps the team");
        assertEquals(fake.problems(), List.of());
    }

    @Test
    void aRenewedCodeOrAFlowNotForProfessionalsStartsNothing() {
        Team team = teams.create("Wijkteam Telegram " + suffix(), List.of());
        String old = team.joinCode();
        teams.renewJoinCode(team.id());

        TelegramUser user = user("en");
        int mark = user.mark();
        user.say("/start voorbeeld_" + old);
        assertTrue(user.textSince(mark).contains("This team link does not work (any more)."), user.textSince(mark));
        assertTrue(user.last().hasButtons(), "the menu of flows follows");
        assertNull(chats.findById(settings.chatIds().hash(user.chatId)).orElseThrow().conversationId());

        Team renewed = teams.find(team.id()).orElseThrow();
        mark = user.mark();
        user.say("/start wijkanalyse_" + renewed.joinCode());
        assertTrue(user.textSince(mark).contains("A team link only starts a conversation for professionals."), user.textSince(mark));
        assertEquals(0, teams.conversations(team.id()));

        mark = user.mark();
        user.say("/start voorbeeld_" + renewed.joinCode());
        assertTrue(user.textSince(mark).contains("A team link only starts a conversation for professionals."), "nor the demo: " + user.textSince(mark));
        assertEquals(0, teams.conversations(team.id()));

        user.say("/start werk-jij-diversiteitsproof_" + renewed.joinCode().toLowerCase());
        assertEquals(team.id(), recordOf(user).teamId(), "the code in any case, as on the web");
        assertEquals(fake.problems(), List.of());
    }

    @Test
    void aPlainDeepLinkStillStartsAFlowWithoutATeam() {
        TelegramUser user = user("nl");
        user.say("/start voorbeeld");
        ConversationRecord c = recordOf(user);
        assertEquals("voorbeeld", c.flowId());
        assertNull(c.teamId());
    }

    /**
     * A person whose phone speaks a language the project lacks (Persian) opens a team's link: the flow starts counted
     * under the team, and the language menu for everyone follows; the language they choose is the conversation's.
     * Before, the menu came instead, and after the choice the team's link was gone.
     */
    @Test
    void aTeamLinkOpenedOnAPhoneInALanguageTheProjectLacksStillCountsUnderTheTeam() {
        Team team = teams.create("Wijkteam Perzisch " + suffix(), List.of());
        TelegramUser user = user("fa");
        user.say("/start werk-jij-diversiteitsproof_" + team.joinCode());
        assertEquals(team.id(), recordOf(user).teamId(), "counted under the team");
        assertTrue(user.last().buttonData().contains("l:en"), "the language menu follows: " + user.last());
        String started = conversationOf(user);
        user.tap(user.last(), "l:en");
        assertEquals(started, conversationOf(user), "the same conversation goes on");
        assertEquals("en", state(user).language());
        assertEquals(team.id(), recordOf(user).teamId());
        assertEquals(List.of(), fake.problems());
    }
}
