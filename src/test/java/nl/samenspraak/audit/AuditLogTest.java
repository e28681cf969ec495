package nl.samenspraak.audit;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log (issue 9, item 9): logins (in and failed), exports and admin changes are stored with time, account
 * and client, and the admin reads them on /admin/audit; no answer ever appears there.
 */
@SharedService
class AuditLogTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;
    @Inject
    AuditLog audit;

    @Test
    void loginsExportsAndAdminChangesAreLoggedAndTheAdminReadsThemWithoutAnswers() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PageHttp http = new PageHttp(server.getURL().toString());
        Account admin = accounts.create("admin-" + suffix, PASSWORD, Role.ADMIN);
        Account manager = accounts.create("manager-" + suffix, PASSWORD, Role.MANAGER);
        Team team = teams.create("Audit team " + suffix, List.of("Noord"));
        teams.addMember(team.id(), manager.id());
        String secret = "Geheim antwoord " + suffix;
        for (int i = 0; i < 5; i++) {
            respondents.finish("werk-jij-diversiteitsproof", "nl", Origin.team(team.id()), Map.of("opmerking", secret));
        }

        assertEquals(401, http.post("/login", form("username", manager.username(), "password", "wrong password"), null).status());
        // a password typed into the name box by mistake: the failure is logged, the typed text is not
        assertEquals(401, http.post("/login", form("username", "MyS3cretPassw0rd", "password", ""), null).status());
        String managerCookie = http.login(manager.username(), PASSWORD);
        PageHttp.Reply export = http.get("/dashboard/teams/" + team.id() + "/flows/werk-jij-diversiteitsproof/export.csv",
                managerCookie, "*/*");
        assertEquals(200, export.status());
        assertFalse(export.body().contains(secret), "the rows hold no free text");
        PageHttp.Reply texts = http.get("/dashboard/teams/" + team.id() + "/flows/werk-jij-diversiteitsproof/export-texts.csv",
                managerCookie, "*/*");
        assertEquals(200, texts.status());
        assertTrue(texts.body().contains(secret), "the texts' export itself does carry the free text");
        String adminCookie = http.login(admin.username(), PASSWORD);
        PageHttp.Reply created = http.post("/admin/teams", form("name", "New team " + suffix, "wijken", "Zuid"), adminCookie);
        assertEquals(303, created.status(), created.body());

        // deleting a team that has conversations is refused, and says one began there: the attempt leaves a trace
        assertEquals(409, http.post("/admin/teams/" + team.id() + "/delete", form("lang", "en"), adminCookie).status());

        List<AuditLog.Entry> events = audit.latest(50);
        assertTrue(events.stream().anyMatch(e -> e.kind().equals("admin_refused") && e.account().equals(admin.username())
                && e.detail().equals("POST /admin/teams/" + team.id() + "/delete")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.kind().equals("login_failed") && e.account().equals(manager.username())
                && e.client().equals("127.0.0.1")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.kind().equals("login_ok") && e.account().equals(manager.username())));
        assertTrue(events.stream().anyMatch(e -> e.kind().equals("export") && e.account().equals(manager.username())
                && e.detail().contains("/teams/" + team.id() + "/flows/werk-jij-diversiteitsproof/export.csv")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.kind().equals("export") && e.account().equals(manager.username())
                && e.detail().contains("/teams/" + team.id() + "/flows/werk-jij-diversiteitsproof/export-texts.csv")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.kind().equals("admin_change") && e.account().equals(admin.username())
                && e.detail().equals("POST /admin/teams")), events.toString());

        PageHttp.Reply page = http.get("/admin/audit?lang=en", adminCookie);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Login failed") && page.body().contains("Export") && page.body().contains("Change by an admin")
                        && page.body().contains("Refused to an admin"),
                page.body());
        assertTrue(page.body().contains(manager.username()));
        assertFalse(page.body().contains(secret), "no answer in the audit log");
        assertFalse(page.body().contains("wrong password"), "nor a typed password");
        assertFalse(page.body().toLowerCase(java.util.Locale.ROOT).contains("mys3cretpassw0rd"),
                "nor a name no account has (it may be a password typed in the wrong box)");
        assertTrue(events.stream().filter(e -> e.kind().equals("login_failed")).count() >= 2, events.toString());
        assertEquals(403, http.get("/admin/audit", managerCookie).status(), "only for the admin");
    }

    /** The router takes /login/ for /login: a login there is a login, and in the log like any other. */
    @Test
    void aLoginAtTheAddressWithATrailingSlashIsLoggedToo() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PageHttp http = new PageHttp(server.getURL().toString());
        Account manager = accounts.create("slash-" + suffix, PASSWORD, Role.MANAGER);

        assertEquals(401, http.post("/login/", form("username", manager.username(), "password", "wrong password"), null).status());
        assertEquals(303, http.post("/login/", form("username", manager.username(), "password", PASSWORD), null).status());

        List<AuditLog.Entry> mine = audit.latest(50).stream().filter(e -> manager.username().equals(e.account())).toList();
        assertTrue(mine.stream().anyMatch(e -> e.kind().equals("login_failed")), mine.toString());
        assertTrue(mine.stream().anyMatch(e -> e.kind().equals("login_ok") && e.detail().equals("POST /login")), mine.toString());
    }
}
