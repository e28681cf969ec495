package nl.samenspraak.dashboard;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.questionnaire.PublishedRows;
import nl.samenspraak.questionnaire.Questionnaires;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record questionnaire uploaded in Dutch alone, started from its dashboard page in English or Arabic: a talk starts
 * in the page's language, so it cannot. The manager gets a page in their language that says so, names the language
 * the talk has as a link to the page in it, and leads back (422), where they got a line of plain text; the page itself
 * offers no start in such a language, but links to the languages the talk has. Its own
 * database: what it publishes would be served to every other test of the suite.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:record-start-refused;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RecordStartRefusedTest {
    private static final String FLOW = "voortgang-nl";
    private static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Questionnaires questionnaires;
    @Inject
    DataSource dataSource;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;

    private static boolean published;

    /** The Dutch-only record questionnaire, published once for both tests (they share the database). */
    private void publishDutchOnly() throws Exception {
        synchronized (RecordStartRefusedTest.class) {
            if (!published) {
                try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
                    PublishedRows.publishFrom(c, "topiclijst", FLOW, "a".repeat(64), Instant.now().minusSeconds(60),
                            yaml -> yaml.replace("languages: [nl, en, tr, ar, pl]", "languages: [nl]"), List.of("nl"));
                }
                published = true;
            }
        }
        questionnaires.refresh();
    }

    /** A manager of a new team ({@code name}, also the account's), logged in: their cookie and the flow's page. */
    private String[] managerOfNewTeam(PageHttp http, String name) {
        Team team = teams.create(name, List.of());
        Account account = accounts.create("manager-" + name.toLowerCase(java.util.Locale.ROOT), PASSWORD, Role.MANAGER);
        teams.addMember(team.id(), account.id());
        return new String[]{http.login(account.username(), PASSWORD), "/dashboard/teams/" + team.id() + "/flows/" + FLOW};
    }

    /**
     * The page a manager sees before pressing anything: in a language the talk lacks, no start button (it led to
     * the refusal) but the languages it has as links to the page in each, in the manager's language; in Dutch the
     * button as before.
     */
    @Test
    void thePageOffersNoStartInALanguageTheTalkLacksButLinksToTheLanguagesItHas() throws Exception {
        publishDutchOnly();
        PageHttp http = new PageHttp(server.getURL().toString());
        String[] seen = managerOfNewTeam(http, "Taalpagina");
        String manager = seen[0];
        String page = seen[1];
        String startButton = "action=\"" + page + "/start\"";

        PageHttp.Reply english = http.get(page + "?lang=en", manager);
        assertEquals(200, english.status(), english.body());
        assertFalse(english.body().contains(startButton), english.body());
        assertFalse(english.body().contains("Start a new progress talk for this team"), english.body());
        assertTrue(english.body().contains("This talk can only be started in <a href=\""
                + page + "?lang=nl\" lang=\"nl\" dir=\"auto\">Nederlands</a>."), english.body());

        PageHttp.Reply arabic = http.get(page + "?lang=ar", manager);
        assertEquals(200, arabic.status(), arabic.body());
        assertTrue(arabic.body().contains("<html lang=\"ar\" dir=\"rtl\""), arabic.body());
        assertFalse(arabic.body().contains(startButton), arabic.body());
        assertTrue(arabic.body().contains("لا يمكن بدء هذه المحادثة إلا باللغات: <a href=\""
                + page + "?lang=nl\" lang=\"nl\" dir=\"auto\">Nederlands</a>"), arabic.body());

        PageHttp.Reply dutch = http.get(page + "?lang=nl", manager);
        assertEquals(200, dutch.status(), dutch.body());
        assertTrue(dutch.body().contains(startButton), dutch.body());
        assertTrue(dutch.body().contains("Nieuw voortgangsgesprek voor dit team beginnen"), dutch.body());
        assertFalse(dutch.body().contains("start-elsewhere"), dutch.body());
    }

    @Test
    void aTalkInAnotherLanguageThanThePageIsRefusedWithAPageInTheManagersLanguage() throws Exception {
        publishDutchOnly();
        PageHttp http = new PageHttp(server.getURL().toString());
        String[] seen = managerOfNewTeam(http, "Voortgang");
        String manager = seen[0];
        String page = seen[1];

        PageHttp.Reply english = http.post(page + "/start", PageHttp.form("lang", "en"), manager);
        assertEquals(422, english.status(), english.body());
        assertTrue(english.header("Content-Type").startsWith("text/html"), english.header("Content-Type"));
        assertTrue(english.body().contains("<html lang=\"en\""), english.body());
        assertTrue(english.body().contains("cannot start in this language: the talk is only available in <a href=\""
                + page + "?lang=nl\" lang=\"nl\" dir=\"auto\">Nederlands</a>."), english.body());
        assertTrue(english.body().contains("href=\"" + page + "?lang=en\""), "the way back: " + english.body());
        assertFalse(english.body().matches("(?s).*(Exception|\\bat nl\\.|nl\\.samenspraak|error\\.|\\$languages).*"),
                english.body());

        PageHttp.Reply arabic = http.post(page + "/start", PageHttp.form("lang", "ar"), manager);
        assertEquals(422, arabic.status(), arabic.body());
        assertTrue(arabic.header("Content-Type").startsWith("text/html"), arabic.header("Content-Type"));
        assertTrue(arabic.body().contains("<html lang=\"ar\" dir=\"rtl\""), arabic.body());
        assertTrue(arabic.body().contains("لا يمكن بدء"), arabic.body());

        // in the language it has, it starts
        PageHttp.Reply dutch = http.post(page + "/start", PageHttp.form("lang", "nl"), manager);
        assertEquals(303, dutch.status(), dutch.body());
        assertTrue(dutch.location().startsWith("/c/"), dutch.location());
    }
}
