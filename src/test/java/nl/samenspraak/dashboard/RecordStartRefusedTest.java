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
 * the talk has as a link to the page in it, and leads back (422), where they got a line of plain text. Its own
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

    @Test
    void aTalkInAnotherLanguageThanThePageIsRefusedWithAPageInTheManagersLanguage() throws Exception {
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            PublishedRows.publishFrom(c, "topiclijst", FLOW, "a".repeat(64), Instant.now().minusSeconds(60),
                    yaml -> yaml.replace("languages: [nl, en, tr, ar, pl]", "languages: [nl]"), List.of("nl"));
        }
        questionnaires.refresh();
        PageHttp http = new PageHttp(server.getURL().toString());
        Team team = teams.create("Voortgang", List.of());
        Account account = accounts.create("manager-voortgang", PASSWORD, Role.MANAGER);
        teams.addMember(team.id(), account.id());
        String manager = http.login(account.username(), PASSWORD);
        String page = "/dashboard/teams/" + team.id() + "/flows/" + FLOW;

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
