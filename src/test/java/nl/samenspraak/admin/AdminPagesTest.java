package nl.samenspraak.admin;

import io.micronaut.runtime.server.EmbeddedServer;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An admin manages teams and accounts through the pages, as a browser would post the forms. */
@SharedService
class AdminPagesTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;

    PageHttp http;
    Account admin;
    String cookie;

    @BeforeEach
    void logIn() {
        http = new PageHttp(server.getURL().toString());
        admin = accounts.create("admin-" + suffix(), PASSWORD, Role.ADMIN);
        cookie = http.login(admin.username(), PASSWORD);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createsATeamAndAManagerAndPutsTheManagerInTheTeam() {
        String name = "Wijkteam Oost " + suffix();
        PageHttp.Reply created = http.post("/admin/teams", form("lang", "en", "name", name, "wijken", "Oost\r\nCentrum\r\n"), cookie);
        assertEquals(303, created.status(), created.body());
        assertTrue(created.location().matches("/admin/teams/\\d+\\?lang=en&done=team_created"), created.location());
        Team team = teams.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        assertEquals(List.of("Oost", "Centrum"), teams.wijken(team.id()));

        PageHttp.Reply page = http.get(created.location(), cookie);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("The team has been created."), page.body());
        assertTrue(page.body().contains("value=\"" + server.getURL() + "/t/" + team.joinCode() + "\""), page.body());
        assertTrue(page.body().contains("src=\"/admin/teams/" + team.id() + "/qr.png\""), page.body());

        String username = "manager-" + suffix();
        PageHttp.Reply account = http.post("/admin/accounts",
                form("lang", "en", "username", username, "role", "manager", "password", PASSWORD), cookie);
        assertEquals(303, account.status(), account.body());
        Account manager = accounts.byUsername(username).orElseThrow();
        assertTrue(manager.is(Role.MANAGER));

        PageHttp.Reply added = http.post("/admin/teams/" + team.id() + "/members", form("lang", "en", "account", "" + manager.id()), cookie);
        assertEquals(303, added.status(), added.body());
        assertEquals(List.of(team.id()), teams.teamIdsOf(manager.id()));
        assertTrue(http.get("/admin/teams/" + team.id() + "?lang=en", cookie).body().contains(">" + username + "</a> · Manager"));
        assertTrue(http.get("/admin/accounts/" + manager.id() + "?lang=en", cookie).body().contains(">" + name + "</a>"));

        String managerCookie = http.login(username, PASSWORD);
        assertEquals(403, http.get("/admin/teams", managerCookie).status(), "a manager is no admin");
    }

    @Test
    void aRefusedFormComesBackWithTheReasonAndWhatWasTyped() {
        PageHttp.Reply blank = http.post("/admin/teams", form("lang", "en", "name", " ", "wijken", "Oost"), cookie);
        assertEquals(422, blank.status());
        assertTrue(blank.body().contains("Give the team a name."), blank.body());
        assertFalse(blank.body().contains("at most 100 characters"), "a blank name is not one too long: " + blank.body());
        assertTrue(blank.body().contains(">Oost</textarea>"), blank.body());

        PageHttp.Reply weak = http.post("/admin/accounts", form("lang", "en", "username", "anna-" + suffix(), "role", "intermediair",
                "password", "short"), cookie);
        assertEquals(422, weak.status());
        assertTrue(weak.body().contains("A password has at least 12 characters."), weak.body());
        assertTrue(weak.body().contains("<option value=\"intermediair\" selected>"), weak.body());
    }

    @Test
    void disablingOrANewPasswordEndsThePersonsSessionAndAnAdminCannotLockThemselvesOut() {
        Account manager = accounts.create("manager-" + suffix(), PASSWORD, Role.MANAGER);
        String managerCookie = http.login(manager.username(), PASSWORD);
        assertEquals(200, http.get("/account", managerCookie).status());

        assertEquals(303, http.post("/admin/accounts/" + manager.id() + "/enabled", form("enabled", "false"), cookie).status());
        assertEquals(303, http.get("/account", managerCookie).status(), "logged out at once");
        assertEquals(401, http.post("/login", form("username", manager.username(), "password", PASSWORD), null).status());
        assertEquals(303, http.post("/admin/accounts/" + manager.id() + "/enabled", form("enabled", "true"), cookie).status());
        String again = http.login(manager.username(), PASSWORD);
        assertEquals(303, http.post("/admin/accounts/" + manager.id() + "/password",
                form("password", "a new long password"), cookie).status());
        assertEquals(303, http.get("/account", again).status(), "a new password ends the session");
        http.login(manager.username(), "a new long password");

        PageHttp.Reply self = http.post("/admin/accounts/" + admin.id() + "/enabled", form("lang", "en", "enabled", "false"), cookie);
        assertEquals(422, self.status());
        assertTrue(self.body().contains("You cannot disable or delete your own account here"), self.body());
        assertEquals(422, http.post("/admin/accounts/" + admin.id() + "/delete", form("lang", "en"), cookie).status());
        assertEquals(200, http.get("/admin/teams", cookie).status(), "still logged in");

        assertEquals(303, http.post("/admin/accounts/" + manager.id() + "/delete", form("lang", "en"), cookie).status());
        assertTrue(accounts.find(manager.id()).isEmpty());
    }

    @Test
    void aTeamWithoutConversationsCanBeDeletedAndANewLinkReplacesTheOld() {
        Team team = teams.create("Tijdelijk " + suffix(), List.of());
        assertEquals(303, http.post("/admin/teams/" + team.id() + "/code", form("lang", "en"), cookie).status());
        assertFalse(teams.find(team.id()).orElseThrow().joinCode().equals(team.joinCode()));
        assertEquals(303, http.post("/admin/teams/" + team.id() + "/delete", form("lang", "en"), cookie).status());
        assertTrue(teams.find(team.id()).isEmpty());
        assertEquals(404, http.get("/admin/teams/" + team.id(), cookie).status());
    }

    @Test
    void aFormFromAnotherSiteIsRefusedBeforeAnythingChanges() {
        String name = "Van elders " + suffix();
        Map<String, String> team = form("name", name, "wijken", "");
        assertEquals(403, http.post("/admin/teams", team, cookie, Map.of()).status(), "no Origin, no Referer");
        PageHttp.Reply otherPort = http.post("/admin/teams", team, cookie, Map.of("Origin", "http://localhost:1"));
        assertEquals(403, otherPort.status(), "another site on the same machine");
        assertTrue(otherPort.body().contains("Dit formulier kwam niet van deze site"), otherPort.body());
        // (Micronaut itself already refuses other sites' requests to a server on localhost, without a page)
        assertEquals(403, http.post("/admin/teams", team, cookie, Map.of("Origin", "https://evil.example")).status());
        assertEquals(403, http.post("/admin/teams", team, cookie, Map.of("Origin", "null")).status());
        assertEquals(403, http.post("/logout", form("lang", "nl"), cookie, Map.of("Referer", "https://evil.example/page")).status());
        assertEquals(403, http.post("/login", form("username", admin.username(), "password", PASSWORD), null,
                Map.of("Origin", "https://evil.example")).status(), "no login from another site either");
        assertEquals(403, http.post("/login/", form("username", admin.username(), "password", PASSWORD), null,
                Map.of("Referer", "https://evil.example/page")).status(), "nor at /login/, which the router takes for /login");
        assertTrue(teams.all().stream().noneMatch(t -> t.name().equals(name)));
        assertEquals(200, http.get("/admin/teams", cookie).status(), "and the session is still there");

        assertEquals(303, http.post("/admin/teams", team, cookie, Map.of("Referer", http.base() + "/admin/teams")).status(),
                "a Referer of this site is enough when a browser leaves Origin out");
    }
}
