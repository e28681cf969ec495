package nl.samenspraak.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.FileAccepts;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.support.TeamRounds;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The admin's files (a round's invitation links as CSV, a team's join QR code, a flow as XLSForm) go to a client that
 * asks for them by their type, as to a browser, to {@code *}{@code /*} and to none: the CSV and the XLSForm answered a
 * spreadsheet tool or {@code curl -H 'Accept: text/csv'} with 406, as if the address gave no file. Where there is none
 * (a round, team or flow that is not there, another role) the page says why, labelled as a page. A range that covers the
 * file's type ({@code text/*}, {@code application/*}) asks for it too; a client that does not take it ({@code q=0}, or
 * only a page) gets 406, not the file.
 */
@SharedService
class AdminFilesTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;

    PageHttp http;
    Team team;
    String admin;
    String manager;

    @BeforeEach
    void admin() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        http = new PageHttp(server.getURL().toString());
        team = teams.create("Bestanden " + suffix, List.of());
        admin = http.login(accounts.create("files-admin-" + suffix, PASSWORD, Role.ADMIN).username(), PASSWORD);
        manager = http.login(accounts.create("files-manager-" + suffix, PASSWORD, Role.MANAGER).username(), PASSWORD);
    }

    private static Function<HttpRequest.Builder, HttpRequest.Builder> as(String cookie) {
        return r -> r.header("Cookie", cookie);
    }

    @Test
    void aRoundsLinksAreACsvToEveryClient() {
        long round = new TeamRounds(http, respondents, admin).open(team.id(), "werk-jij-diversiteitsproof", 3);
        FileAccepts.CSV.assertFile(http, "/admin/rounds/" + round + "/links.csv", as(admin));
        FileAccepts.CSV.assertNotAcceptable(http, "/admin/rounds/" + round + "/links.csv?lang=nl", as(admin), "Dit adres kan niet antwoorden in het formaat dat je vraagt.");
        FileAccepts.CSV.assertError(http, "/admin/rounds/999999999/links.csv?lang=nl", as(admin), 404, "Deze pagina bestaat niet");
        FileAccepts.CSV.assertError(http, "/admin/rounds/" + round + "/links.csv?lang=nl", as(manager), 403, "Deze pagina is niet voor jouw rol.");
    }

    @Test
    void aTeamsQrCodeIsAPngToEveryClient() {
        FileAccepts.PNG.assertFile(http, "/admin/teams/" + team.id() + "/qr.png", as(admin));
        FileAccepts.PNG.assertNotAcceptable(http, "/admin/teams/" + team.id() + "/qr.png?lang=nl", as(admin), "Dit adres kan niet antwoorden in het formaat dat je vraagt.");
        FileAccepts.PNG.assertError(http, "/admin/teams/999999999/qr.png?lang=nl", as(admin), 404, "Deze pagina bestaat niet");
        FileAccepts.PNG.assertError(http, "/admin/teams/" + team.id() + "/qr.png", r -> as(manager).apply(r).header("Accept-Language", "en"),
                403, "This page is not for your role.");
    }

    @Test
    void aFlowIsAnXlsFormToEveryClient() {
        FileAccepts.XLSX.assertFile(http, "/admin/questionnaires/flows/wijkanalyse.xlsx", as(admin));
        FileAccepts.XLSX.assertNotAcceptable(http, "/admin/questionnaires/flows/wijkanalyse.xlsx?lang=nl", as(admin), "Dit adres kan niet antwoorden in het formaat dat je vraagt.");
        FileAccepts.XLSX.assertError(http, "/admin/questionnaires/flows/nope.xlsx?lang=nl", as(admin), 404, "Deze pagina bestaat niet");
        FileAccepts.XLSX.assertError(http, "/admin/questionnaires/flows/wijkanalyse.xlsx?lang=nl", as(manager), 403, "Deze pagina is niet voor jouw rol.");
        // the address's language, as the 404 page reads it
        FileAccepts.XLSX.assertError(http, "/admin/questionnaires/flows/wijkanalyse.xlsx?lang=en", as(manager), 403, "This page is not for your role.");
    }
}
