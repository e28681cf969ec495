package nl.samenspraak.security;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.support.PageHttp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small ones of issue 9 (item 10): odd input gets a clear 4xx or a safe redirect, never a 500. */
@SharedService
class OddRequestsTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;

    @Test
    void aLoginWhoseNextHasASpaceOrOtherOddCharactersGoesToTheStartPageNotA500() {
        PageHttp http = new PageHttp(server.getURL().toString());
        Account admin = accounts.create("admin-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.ADMIN);
        for (String next : List.of("/admin/a b", "/admin/%zz", "/admin/\"<x>", "/a|b", "/^`{}")) {
            PageHttp.Reply page = http.get("/login?next=" + PageHttp.encodePath(next), null);
            assertEquals(200, page.status(), next);
            PageHttp.Reply r = http.post("/login", form("username", admin.username(), "password", PASSWORD, "next", next), null);
            assertEquals(303, r.status(), next + ": " + r.body());
            assertEquals("/admin/teams?lang=nl", r.location(), next);
            PageHttp.Reply wrong = http.post("/login", form("username", "nobody-" + UUID.randomUUID(), "password", PASSWORD, "next", next), null);
            assertEquals(401, wrong.status(), next);
        }
    }

    @Test
    void aFormEncodedPostToAJsonRouteIs415InTheClientsLanguage() {
        PageHttp http = new PageHttp(server.getURL().toString());
        Account intermediair = accounts.create("im-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        String cookie = http.login(intermediair.username(), PASSWORD);
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Origin", http.base()))) {
            PageHttp.Reply r = http.post("/intermediair/api/conversations/" + UUID.randomUUID() + "/answers",
                    form("step", "x", "value", "y"), cookie, headers);
            assertEquals(415, r.status(), headers + ": " + r.body());
            assertTrue(r.body().contains("\"error\""), r.body());
        }
        PageHttp.Reply api = http.post("/api/conversations", form("flow", "voorbeeld", "language", "nl"), null, Map.of());
        assertEquals(415, api.status(), api.body());
    }

    /**
     * A request to the intermediair's chat API from another site is refused as that API says things, in JSON, in the
     * client's language: until the probe of the public surface it was the HTML page a form gets, also to a client
     * that accepts only JSON.
     */
    @Test
    void aCrossSiteRequestToAJsonRouteIsRefusedInJson() {
        PageHttp http = new PageHttp(server.getURL().toString());
        String at = "/intermediair/api/conversations/" + UUID.randomUUID();
        for (java.net.http.HttpRequest.Builder request : List.of(http.request(at).DELETE(),
                http.request(at + "/answers").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"step\":\"x\",\"value\":null}")))) {
            // no Origin, no Referer: a script that says nothing of where it runs (another site's Origin meets
            // the framework's guard of a server on localhost first, an empty 403)
            PageHttp.Reply r = http.send(request.header("Accept", "application/json").header("Accept-Language", "en"));
            assertEquals(403, r.status(), r.body());
            assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
            assertEquals("This form did not come from this site, so it was not carried out. Open the page again and try once more.",
                    new nl.samenspraak.support.JsonHttp.Reply(r.status(), r.body()).json().get("error").asText());
        }
        // a page's form is refused with a page, as before
        PageHttp.Reply page = http.post("/logout", form("lang", "nl"), null, Map.of());
        assertEquals(403, page.status());
        assertTrue(page.body().startsWith("<!doctype html>"), page.body());
    }

    @Test
    void aFormatAnAddressDoesNotGiveIs406InTheClientsLanguageNotA405ThatOnlyAllowsHead() {
        PageHttp http = new PageHttp(server.getURL().toString());
        for (String accept : List.of("image/png", "text/html")) {
            PageHttp.Reply r = http.send(http.request("/api/flows").header("Accept", accept).header("Accept-Language", "ar").GET());
            assertEquals(406, r.status(), accept + ": " + r.body());
            assertEquals(null, r.header("Allow"), accept);
            assertTrue(r.body().contains("لا يمكن لهذا العنوان أن يجيب بالصيغة التي تطلبها"), r.body());
        }
        PageHttp.Reply page = http.send(http.request("/").header("Accept", "image/png").GET());
        assertEquals(406, page.status(), page.body());
        assertTrue(page.body().contains("Dit adres kan niet antwoorden in het formaat dat je vraagt."), page.body());
        // the public pages too: a format they do not give was "log in first" (401) on these, found by the outage probe
        for (String path : List.of("/login", "/deleted", "/i/ABCDEFGHJKMN", "/h/abcdefghijklmnopqrstuv",
                "/r/ABCDEFGHJKMNPQRS")) {
            PageHttp.Reply r = http.send(http.request(path).header("Accept", "application/json").header("Accept-Language", "ar").GET());
            assertEquals(406, r.status(), path + ": " + r.body());
            assertTrue(r.body().contains("لا يمكن لهذا العنوان أن يجيب بالصيغة التي تطلبها"), path + ": " + r.body());
        }
        // an address that also takes DELETE: it was 405 "Allow: HEAD, DELETE" (the privacy probe of December 2026)
        for (String path : List.of("/api/conversations/abc", "/api/resume/ABCDEFGH")) {
            for (String accept : List.of("application/pdf", "image/png", "application/xml")) {
                PageHttp.Reply r = http.send(http.request(path).header("Accept", accept).header("Accept-Language", "ar").GET());
                assertEquals(406, r.status(), path + " " + accept + ": " + r.body());
                assertEquals(null, r.header("Allow"), path + " " + accept);
            }
        }
        // a method the address does not take is still 405, and says which it does take
        PageHttp.Reply delete = http.send(http.request("/api/flows").DELETE());
        assertEquals(405, delete.status(), delete.body());
        assertTrue(delete.header("Allow").contains("GET"), delete.header("Allow"));
        assertEquals(200, http.send(http.request("/api/flows").header("Accept", "application/json").GET()).status());
    }

    /**
     * A logged-in page asked for a format it does not give (a script with {@code Accept: application/json}) is 406 for
     * the role it is for, as the public pages are. It was 403 "Dit mag jouw account niet." to the admin on their own
     * admin page: no route gives JSON there, and a request that matches no route was refused before the router could
     * say why. Another role still meets 403, and someone not logged in 401, as for every logged-in address.
     */
    @Test
    void aLoggedInPageAskedForAFormatItDoesNotGiveIs406ForItsOwnRole() {
        PageHttp http = new PageHttp(server.getURL().toString());
        Map<Role, String> cookies = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Account account = accounts.create(role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, role);
            cookies.put(role, http.login(account.username(), PASSWORD));
        }
        Map<String, List<Role>> pages = Map.of("/admin/teams", List.of(Role.ADMIN), "/admin/accounts", List.of(Role.ADMIN),
                "/dashboard", List.of(Role.ADMIN, Role.MANAGER), "/intermediair", List.of(Role.INTERMEDIAIR),
                "/account", List.of(Role.values()));
        pages.forEach((path, roles) -> {
            for (Role role : Role.values()) {
                PageHttp.Reply r = http.send(http.request(path).header("Accept", "application/json")
                        .header("Accept-Language", "ar").header("Cookie", cookies.get(role)).GET());
                if (roles.contains(role)) {
                    assertEquals(406, r.status(), role + " " + path + ": " + r.body());
                    assertTrue(r.body().contains("لا يمكن لهذا العنوان أن يجيب بالصيغة التي تطلبها"), path + ": " + r.body());
                } else {
                    assertEquals(403, r.status(), role + " " + path + ": " + r.body());
                }
            }
            PageHttp.Reply anonymous = http.send(http.request(path).header("Accept", "application/json").GET());
            assertEquals(401, anonymous.status(), path + ": " + anonymous.body());
        });
        PageHttp.Reply unknown = http.get("/admin/nothing-here", cookies.get(Role.ADMIN));
        assertEquals(404, unknown.status(), "an address the admin's area does not have: " + unknown.body());
    }

    @Test
    void theBrowsersSecFetchSiteDecidesWhereAFormCameFrom() {
        PageHttp http = new PageHttp(server.getURL().toString());
        Account admin = accounts.create("admin-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.ADMIN);
        PageHttp.Reply ours = http.post("/login", form("username", admin.username(), "password", PASSWORD), null,
                Map.of("Sec-Fetch-Site", "same-origin"));
        assertEquals(303, ours.status(), "a form of our own page, though neither Origin nor Referer says so");
        PageHttp.Reply theirs = http.post("/login", form("username", admin.username(), "password", PASSWORD), null,
                Map.of("Origin", http.base(), "Sec-Fetch-Site", "cross-site"));
        assertEquals(403, theirs.status(), "another site's form, even with a copied Origin");
    }
}
