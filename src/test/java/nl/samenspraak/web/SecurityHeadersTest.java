package nl.samenspraak.web;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of page and reply carries the browser-side defences (issue 9, item 5): a CSP that runs no inline script
 * and lets no site frame the page, nosniff, no Referer to another site (links carry secrets), and no-store wherever a conversation or a
 * figure may stand; hashed assets are kept long.
 */
@SharedService
class SecurityHeadersTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    StaticAssets assets;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyPageAndReplyCarriesTheHeadersAndWhatMayShowAnswersIsNeverStored() {
        PageHttp http = new PageHttp(server.getURL().toString());
        JsonHttp api = new JsonHttp(server.getURL().toString());
        Team team = teams.create(unique("team"), List.of("Noord"));
        Account admin = accounts.create(unique("admin"), PASSWORD, Role.ADMIN);
        Account manager = accounts.create(unique("manager"), PASSWORD, Role.MANAGER);
        Account intermediair = accounts.create(unique("intermediair"), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), manager.id());
        teams.addMember(team.id(), intermediair.id());
        String adminCookie = http.login(admin.username(), PASSWORD);
        String managerCookie = http.login(manager.username(), PASSWORD);
        String intermediairCookie = http.login(intermediair.username(), PASSWORD);
        String id = api.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}").json().get("id").asText();

        record Visit(String path, String cookie, boolean noStore) {
        }
        List<Visit> visits = new ArrayList<>(List.of(
                new Visit("/", null, false), new Visit("/login", null, true), new Visit("/c/" + id, null, true),
                new Visit("/t/" + team.joinCode(), null, false), new Visit("/no-such-page", null, false),
                new Visit("/resume?code=ZZZZZZZZ", null, false), new Visit("/deleted", null, false),
                new Visit("/admin/teams", adminCookie, true), new Visit("/admin/teams/" + team.id(), adminCookie, true),
                new Visit("/admin/accounts", adminCookie, true), new Visit("/account", managerCookie, true),
                new Visit("/dashboard", managerCookie, true), new Visit("/dashboard/teams/" + team.id(), managerCookie, true),
                new Visit("/dashboard/teams/" + team.id() + "/flows/werk-jij-diversiteitsproof", managerCookie, true),
                new Visit("/dashboard/teams/" + team.id() + "/flows/werk-jij-diversiteitsproof/export.csv", managerCookie, true),
                new Visit("/dashboard/teams/" + team.id() + "/flows/werk-jij-diversiteitsproof/export.xlsx", managerCookie, true),
                new Visit("/dashboard/teams/" + team.id() + "/flows/werk-jij-diversiteitsproof/export-texts.csv", managerCookie, true),
                new Visit("/intermediair", intermediairCookie, true),
                new Visit("/api/conversations/" + id, null, true), new Visit("/api/conversations/" + id + "/transcript", null, true),
                new Visit("/api/conversations/no-such-id", null, true), new Visit("/api/resume/ZZZZZZZZ", null, true)));
        for (Visit v : visits) {
            PageHttp.Reply r = http.get(v.path(), v.cookie());
            String where = v.path() + " (" + r.status() + ")";
            assertTrue(r.status() < 500, where);
            String csp = r.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline")
                    && !csp.contains("unsafe-eval") && csp.contains("frame-ancestors 'none'"), where + ": " + csp);
            assertEquals("DENY", r.header("X-Frame-Options"), where);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), where);
            assertEquals("same-origin", r.header("Referrer-Policy"), where);
            assertNull(r.header("Strict-Transport-Security"), where + ": plain HTTP from no trusted proxy gets no HSTS");
            if (v.noStore()) {
                assertEquals("no-store", r.header("Cache-Control"), where);
            }
        }
        // the replies that change a conversation, too
        JsonHttp.Reply answered = api.post("/api/conversations/" + id + "/back", "");
        assertTrue(answered.status() < 500);
        PageHttp.Reply back = http.send(http.request("/api/conversations/" + id + "/back").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals("no-store", back.header("Cache-Control"));
        assertTrue(back.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }

    @Test
    void hashedAssetsAndVersionedLibrariesAreKeptForAYearAndStillCarryTheHeaders() {
        PageHttp http = new PageHttp(server.getURL().toString());
        for (String path : List.of(assets.paths().get("chatJs"), assets.paths().get("appCss"),
                "/webjars/chart.js/4.4.1/dist/chart.umd.js")) {
            PageHttp.Reply r = http.get(path, null, "*/*");
            assertEquals(200, r.status(), path);
            assertTrue(r.header("Cache-Control").contains("max-age=31536000"), path + ": " + r.header("Cache-Control"));
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
        }
    }

    /**
     * Only a file that is there is kept for a year: a refusal under /webjars/ (no such file, a wrong method) is a page
     * in the person's language like any other, and no cache may keep it. Until the probe of the public surface a
     * 404 there was "public, max-age=31536000, immutable".
     */
    @Test
    void aRefusalUnderTheLibrariesIsNotKept() {
        PageHttp http = new PageHttp(server.getURL().toString());
        // a folder's address too, with or without its slash: it answered 200 with nothing, kept for a year (two
        // security probes); and a file's address with a slash after it, which answered the whole file under a 404
        for (String path : List.of("/webjars/no-such-library/1.0/x.js", "/webjars/chart.js/4.4.1/dist/no-such-file.js",
                "/webjars/chart.js/4.4.1/", "/webjars/chart.js/4.4.1/dist/", "/static/", "/webjars/chart.js",
                "/webjars/chart.js/4.4.1", "/webjars/chart.js/4.4.1/dist", "/webjars/chart.js/4.4.1/dist/chart.umd.js/",
                "/static/app.css/",
                // the same, the slash or a blank percent-encoded (the second probe), or an empty folder name
                "/webjars/chart.js/4.4.1%2F", "/webjars/chart.js%2F4.4.1", "/webjars/chart.js/4.4.1/dist%20",
                "/static/app.css%2F", "/webjars/chart.js/4.4.1/dist/chart.umd.js%2F", "/static//app.css")) {
            PageHttp.Reply r = http.get(path, null);
            assertEquals(404, r.status(), path);
            assertEquals("no-store", r.header("Cache-Control"), path);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
            assertTrue(r.header("Content-Type").startsWith("text/html"), path + ": the page of an address not there, "
                    + r.header("Content-Type"));
            assertFalse(r.body().contains("Chart.js") || r.body().contains("--"), path + ": no file's content under the 404");
        }
    }

    @Test
    void aForwardedProtoFromAnUntrustedPeerGetsNoHsts() {
        PageHttp http = new PageHttp(server.getURL().toString());
        PageHttp.Reply r = http.send(http.request("/login").header("X-Forwarded-Proto", "https").GET());
        assertFalse(r.headers().containsKey("strict-transport-security"), r.headers().toString());
    }
}
