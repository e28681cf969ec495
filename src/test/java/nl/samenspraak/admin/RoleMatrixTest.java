package nl.samenspraak.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route that needs a login, for every kind of visitor: anonymous (a page: to the login page; anything
 * else: 401), each role (403 where the role does not fit), and the role that fits (let through). A test
 * checks that this list names every such route the server has, so a new route cannot be forgotten here.
 */
@SharedService
class RoleMatrixTest {
    static final String PASSWORD = "a long enough password";
    static final Set<String> ANY_LOGIN = Set.of("admin", "manager", "intermediair");
    static final Set<String> ADMIN = Set.of("admin");
    static final Set<String> DASHBOARD = Set.of("admin", "manager");
    static final Set<String> INTERMEDIAIR = Set.of("intermediair");

    record Route(String method, String path, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/admin", ADMIN),
            new Route("GET", "/admin/teams", ADMIN),
            new Route("POST", "/admin/teams", ADMIN),
            new Route("GET", "/admin/teams/{id}", ADMIN),
            new Route("POST", "/admin/teams/{id}", ADMIN),
            new Route("POST", "/admin/teams/{id}/code", ADMIN),
            new Route("POST", "/admin/teams/{id}/members", ADMIN),
            new Route("POST", "/admin/teams/{id}/members/{accountId}/remove", ADMIN),
            new Route("POST", "/admin/teams/{id}/delete", ADMIN),
            new Route("GET", "/admin/teams/{id}/qr.png", ADMIN),
            new Route("POST", "/admin/teams/{id}/rounds", ADMIN),
            new Route("GET", "/admin/rounds/{roundId}/sheet", ADMIN),
            new Route("GET", "/admin/rounds/{roundId}/links.csv", ADMIN),
            new Route("POST", "/admin/rounds/{roundId}/close", ADMIN),
            new Route("GET", "/admin/accounts", ADMIN),
            new Route("GET", "/admin/audit", ADMIN),
            new Route("GET", "/admin/questionnaires", ADMIN),
            new Route("POST", "/admin/questionnaires", ADMIN),
            new Route("GET", "/admin/questionnaires/{version}", ADMIN),
            new Route("POST", "/admin/questionnaires/{version}/publish", ADMIN),
            new Route("GET", "/admin/questionnaires/flows/{flowId}.xlsx", ADMIN),
            new Route("POST", "/admin/accounts", ADMIN),
            new Route("GET", "/admin/accounts/{id}", ADMIN),
            new Route("POST", "/admin/accounts/{id}/role", ADMIN),
            new Route("POST", "/admin/accounts/{id}/enabled", ADMIN),
            new Route("POST", "/admin/accounts/{id}/password", ADMIN),
            new Route("POST", "/admin/accounts/{id}/delete", ADMIN),
            // the manager dashboard (issue 6): managers and admins, never intermediairs
            // a team's contact details for residents: admins and the team's own managers
            new Route("GET", "/admin/teams/{id}/contact", DASHBOARD),
            new Route("POST", "/admin/teams/{id}/contact", DASHBOARD),
            new Route("GET", "/dashboard", DASHBOARD),
            new Route("GET", "/dashboard/teams/{id}", DASHBOARD),
            new Route("GET", "/dashboard/teams/{id}/flows/{flowId}", DASHBOARD),
            new Route("GET", "/dashboard/teams/{id}/flows/{flowId}/export.csv", DASHBOARD),
            new Route("GET", "/dashboard/teams/{id}/flows/{flowId}/export.xlsx", DASHBOARD),
            new Route("GET", "/dashboard/teams/{id}/flows/{flowId}/export-texts.csv", DASHBOARD),
            new Route("POST", "/dashboard/teams/{id}/flows/{flowId}/start", DASHBOARD),
            // the manager's summary of a round, the team report and the actions agreed after a round
            new Route("GET", "/dashboard/teams/{id}/flows/{flowId}/summary", DASHBOARD),
            new Route("GET", "/dashboard/teams/{id}/flows/{flowId}/report.pdf", DASHBOARD),
            new Route("POST", "/dashboard/teams/{id}/flows/{flowId}/rounds/{roundId}/actions", DASHBOARD),
            new Route("POST", "/dashboard/teams/{id}/flows/{flowId}/rounds/{roundId}/actions/{actionId}", DASHBOARD),
            new Route("POST", "/dashboard/teams/{id}/flows/{flowId}/rounds/{roundId}/actions/{actionId}/delete", DASHBOARD),
            // compare, and drill down to a question with its free texts and their themes
            new Route("GET", "/dashboard/teams/{id}/flows/{flowId}/compare", DASHBOARD),
            new Route("GET", "/dashboard/teams/{id}/flows/{flowId}/questions/{stepId}", DASHBOARD),
            new Route("POST", "/dashboard/teams/{id}/flows/{flowId}/questions/{stepId}/tags", DASHBOARD),
            new Route("POST", "/dashboard/teams/{id}/flows/{flowId}/questions/{stepId}/tags/remove", DASHBOARD),
            new Route("GET", "/account", ANY_LOGIN),
            new Route("POST", "/account/password", ANY_LOGIN),
            new Route("POST", "/logout", ANY_LOGIN),
            new Route("GET", "/intermediair", INTERMEDIAIR),
            new Route("POST", "/intermediair/start", INTERMEDIAIR),
            new Route("GET", "/intermediair/c/{id}", INTERMEDIAIR),
            new Route("POST", "/intermediair/api/conversations/{id}/answers", INTERMEDIAIR),
            new Route("POST", "/intermediair/api/conversations/{id}/back", INTERMEDIAIR),
            new Route("DELETE", "/intermediair/api/conversations/{id}", INTERMEDIAIR),
            new Route("POST", "/intermediair/links", INTERMEDIAIR),
            new Route("GET", "/intermediair/links/{code}", INTERMEDIAIR),
            new Route("GET", "/intermediair/links/{code}/qr.png", INTERMEDIAIR),
            new Route("POST", "/intermediair/links/{code}/stop", INTERMEDIAIR),
            // issue 14: wijk and language mid-way, the resident's PDF, handing the result over
            new Route("POST", "/intermediair/c/{id}/context", INTERMEDIAIR),
            new Route("GET", "/intermediair/c/{id}/result.pdf", INTERMEDIAIR),
            new Route("POST", "/intermediair/c/{id}/hand-over", INTERMEDIAIR),
            new Route("POST", "/intermediair/c/{id}/hand-over/delete", INTERMEDIAIR),
            // the intermediair's own label on a conversation, a voice answer's audio, their own page language
            new Route("POST", "/intermediair/c/{id}/label", INTERMEDIAIR),
            // deleting a finished conversation from its line once its answers are no longer shown to them
            new Route("POST", "/intermediair/c/{id}/delete", INTERMEDIAIR),
            new Route("POST", "/intermediair/telegram/link", INTERMEDIAIR),
            new Route("POST", "/intermediair/telegram/unlink", INTERMEDIAIR),
            new Route("GET", "/intermediair/c/{id}/voice/{step}", INTERMEDIAIR),
            new Route("POST", "/account/language", INTERMEDIAIR));

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Router router;

    PageHttp http;
    Team team;
    Account someone;
    private static Account someoneOnce;
    /** One client for the 300-odd cases, its connections kept open, instead of a new client and connection per case. */
    private static PageHttp httpOnce;

    @BeforeEach
    void fixtures() {
        if (httpOnce == null) {
            httpOnce = new PageHttp(server.getURL().toString());
        }
        http = httpOnce;
        team = teams.create("Matrix " + suffix(), List.of("Oost"));
        if (someoneOnce == null) { // the account admin routes act on; made once, its password hash is slow
            someoneOnce = accounts.create("someone-" + suffix(), PASSWORD, Role.INTERMEDIAIR);
        }
        someone = someoneOnce;
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Stream<Arguments> routesAndRoles() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(route, role));
            }
        }
        return cases.stream();
    }

    static Stream<Route> routes() {
        return ROUTES.stream();
    }

    private String path(Route route) {
        String id = route.path().startsWith("/admin/accounts/") ? "" + someone.id() : "" + team.id();
        return route.path().replace("{id}", id).replace("{accountId}", "" + someone.id()).replace("{code}", "ABCDEFGHJKMNPQRS")
                .replace("{roundId}", "0").replace("{actionId}", "0").replace("{stepId}", "opmerking").replace("{step}", "opmerking").replace("{version}", "0".repeat(64))
                .replace("{flowId}", route.path().endsWith("/start") ? "topiclijst" : "werk-jij-diversiteitsproof");
    }

    private PageHttp.Reply call(Route route, String cookie, String accept) {
        String path = path(route);
        if (route.method().equals("GET")) {
            return http.get(path, cookie, accept);
        }
        if (route.method().equals("DELETE")) {
            return http.send(http.request(path).header("Accept", accept).header("Origin", http.base())
                    .header("Cookie", cookie == null ? "none=1" : cookie).DELETE());
        }
        boolean json = path.contains("/api/");
        return http.send(http.request(path).header("Accept", accept).header("Origin", http.base())
                .header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded")
                .header("Cookie", cookie == null ? "none=1" : cookie)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json ? "{\"step\":\"welkom\",\"value\":null}"
                        : "lang=nl&account=" + someone.id())));
    }

    @ParameterizedTest(name = "{0} without a login, as a page: to the login page")
    @MethodSource("routes")
    void anonymousPagesGoToTheLoginPage(Route route) {
        PageHttp.Reply r = call(route, null, PageHttp.HTML);
        assertEquals(303, r.status(), r.body());
        assertTrue(r.location().contains("/login"), r.location());
        if (route.method().equals("GET")) {
            assertTrue(r.location().endsWith("/login?next=" + PageHttp.encodePath(path(route))), r.location());
        }
    }

    @ParameterizedTest(name = "{0} without a login, as JSON: 401")
    @MethodSource("routes")
    void anonymousJsonGets401(Route route) {
        PageHttp.Reply r = call(route, null, "application/json");
        assertEquals(401, r.status(), r.body());
        assertEquals("{\"code\":\"unauthorized\",\"error\":\"Log eerst in.\"}", r.body());
    }

    /**
     * One logged-in visitor per role for the whole matrix: a login costs a deliberately slow password hash, and
     * 120 of them made this the slowest class of the suite. A visitor's session ends only where the matrix calls
     * {@code /logout} as that role; the next case logs in again.
     */
    private static final Map<Role, Visitor> VISITORS = new EnumMap<>(Role.class);

    private record Visitor(Account account, String cookie) {
    }

    private Visitor visitor(Role role) {
        return VISITORS.computeIfAbsent(role, r -> {
            Account account = accounts.create(r.key() + "-" + suffix(), PASSWORD, r);
            return new Visitor(account, http.login(account.username(), PASSWORD));
        });
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("routesAndRoles")
    void eachRoleGetsInOnlyWhereItFits(Route route, Role role) {
        Visitor visitor = visitor(role);
        if (role == Role.MANAGER) {
            teams.addMember(team.id(), visitor.account().id()); // a manager's dashboard shows their own teams (others: 403, DashboardPagesTest)
        }
        String cookie = visitor.cookie();
        PageHttp.Reply r = call(route, cookie, PageHttp.HTML);
        if (route.path().equals("/logout")) {
            VISITORS.remove(role);
        }
        if (route.roles().contains(role.key())) {
            assertNotEquals(401, r.status(), r.body());
            assertNotEquals(403, r.status(), r.body());
            assertFalse(r.location() != null && r.location().contains("/login?next"), r.location());
            assertTrue(r.status() < 500, r.status() + " " + r.body());
        } else if (route.path().contains("/api/")) {
            // a JSON route answers JSON, also to a browser's Accept: it is no page (as /api/** says)
            assertEquals(403, r.status(), r.body());
            assertEquals("{\"code\":\"forbidden\",\"error\":\"Dit mag jouw account niet.\"}", r.body());
        } else {
            assertEquals(403, r.status(), r.body());
            assertTrue(r.body().contains("Deze pagina is niet voor jouw rol."), r.body());
            assertEquals(403, call(route, cookie, "application/json").status());
        }
    }

    @Test
    void theListNamesEveryRouteThatNeedsALogin() {
        Set<String> served = router.uriRoutes().filter(r -> !r.getHttpMethodName().equals("HEAD")).map(RoleMatrixTest::name)
                .filter(r -> r.contains(" /admin") || r.contains(" /account") || r.contains(" /logout") || r.contains(" /dashboard")
                        || r.contains(" /intermediair"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = ROUTES.stream().map(Route::toString).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(listed, served);
    }

    private static String name(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString();
    }

    @ParameterizedTest(name = "{0} stays public")
    @ValueSource(strings = {"/", "/?lang=ar", "/login", "/api/flows", "/api/ping", "/static/app.css",
            "/openapi/samenspraak-0.1.0.yml", "/resume?code=ABCD-2345", "/r/ABCDEFGHJKMNPQRS", "/h/no-such-token-at-all"})
    void publicRoutesNeedNoLogin(String path) {
        PageHttp.Reply r = http.get(path, null);
        assertTrue(r.status() == 200 || r.status() == 404, path + ": " + r.status());
        assertTrue(r.location() == null || !r.location().contains("/login"), path + " -> " + r.location());
    }

    @Test
    void anUnknownAddressIsNotFoundOnceLoggedIn() {
        Account fresh = accounts.create("fresh-" + suffix(), PASSWORD, Role.INTERMEDIAIR); // someone may be disabled by now
        String cookie = http.login(fresh.username(), PASSWORD);
        assertEquals(404, http.get("/admin/nowhere", cookie).status());
        assertEquals(404, http.get("/nowhere", cookie).status());
        assertEquals(404, http.get("/c/00000000-0000-0000-0000-000000000000", null).status(), "a chat link stays public");
        assertEquals(404, http.get("/t/NOSUCHCODE", null).status(), "a join link stays public");
        assertEquals(404, http.get("/r/NOSUCHCODE", null).status(), "a resident link stays public");
    }
}
