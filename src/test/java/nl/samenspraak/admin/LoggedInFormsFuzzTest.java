package nl.samenspraak.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.round.Rounds;
import nl.samenspraak.round.SurveyRound;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.OnPostgres;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded, seeded fuzzing of the pages behind a login, on PostgreSQL: the admin's, the manager's and the intermediair's
 * forms, the intermediair's chat API and the logged-in pages with their ids and query values. The rule is that bad
 * input gets a clear 4xx in the person's language, never a 500; {@code api.FuzzTest} keeps that for the public routes,
 * this test for the rest (an ad-hoc fuzz of these pages found two 500s: a form body with broken percent-encoding and
 * a multipart body with an empty boundary).
 *
 * <p>Each round is one request as an admin, a manager or an intermediair (mostly the one the route is for; sometimes
 * another, no login, a garbage login cookie or one whose session has ended). About half of the ids, field names and
 * values are real (a team, wijk, round, account, conversation or resident link made here, a flow, a valid date), so
 * that requests get past routing, security and the first checks; the rest are hostile (NUL, a lone surrogate, bidi
 * controls, 5,000 characters, numbers too large, impossible dates, bodies that do not decode, broken JSON). No reply
 * may be a 5xx, and no refusal may show a stack trace or a Java exception's name. Failures are printed with the seed
 * and round so they can be replayed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoggedInFormsFuzzTest implements OnPostgres {
    // the suite's seed and size; another seed, or more rounds, for a longer hunt (`-Dfuzz.seed=7 -Dfuzz.rounds=5000`),
    // and to replay a failure printed with its seed
    private static final long SEED = Long.getLong("fuzz.seed", 20261215L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 600);
    private static final String PASSWORD = "a long enough password";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    /** Ids that are not real: control characters, bytes that are not UTF-8, numbers out of range, long strings. */
    private static final String[] IDS = {
            "%00", "1e999", "-1", "0", "99999999999999999999", "9223372036854775807", "x".repeat(300), "%FF", "%C0%AF",
            "%ED%A0%80", "%E2%80%AE", "%20", "..%2F..", "null", "1.5", "a%0Ab", "%D8%A7%D9%84", "ABCDEFGHJKMNPQRS"};

    /** Hostile form and query values, already percent-encoded as a browser would send them. */
    private static final String[] VALUES = {
            "", "%00", "%E2%80%AE", "%ED%A0%80", "x".repeat(5000), "1e999", "-1", "99999999999999999999", "2026-13-45",
            "onbekende-flow", "%FF%FE", "%C0%AF", "+", "%0D%0A", "%3Cscript%3E", "%25", "a%00b", "9223372036854775808",
            "0", "2026-02-30", "%E2%81%A6x%E2%81%A9", "%F0%9F%99%82"};

    /** Field names that no form has, or that belong to another form. */
    private static final String[] UNKNOWN_FIELDS = {"", "%00", "x".repeat(300), "lang", "next", "role%5B%5D", "%ED%A0%80", "flow", "id"};

    /** Form bodies that do not decode, or decode to nothing useful. */
    private static final String[] BROKEN_FORMS = {"%", "%zz", "flow=%", "a=%E", "=&=&=", "&&&", "%%%", "role=%u0041", "%E2%80"};

    /** Hostile JSON values for an answer. */
    private static final String[] JSON_VALUES = {
            "1e999", "-1", "99999999999999999999", "null", "true", "[]", "{}", "\"\"", "\"\\u0000\"", "\"\\ud800\"",
            "\"\\u202eevil\\u202c\"", "\"" + "x".repeat(5000) + "\"", "\"2026-13-45\"", "\"ja\"", "3", "[\"vaak\"]",
            "[[[[]]]]", "\"weet-niet\"", "{\"a\":1}", "[null]", "0.5", "NaN"};

    /** Request bodies for the chat API that are broken JSON or the wrong shape. */
    private static final String[] JSON_BODIES = {
            "", "{", "[]", "null", "{\"step\":", "{\"step\":null}", "{\"step\":1e999,\"value\":1}", "{\"step\":[]}",
            "{\"step\":\"\\u0000\",\"value\":1}", "{\"step\":\"\\ud800\",\"value\":\"\\ud800\"}",
            "{\"step\":\"" + "s".repeat(200) + "\",\"value\":null}", "%", "step=welkom"};

    /** Multipart bodies: the empty boundary gave 500 on the questionnaire upload. */
    private static final String[] MULTIPART_TYPES = {"multipart/form-data; boundary=", "multipart/form-data",
            "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=x"};

    /** What a page that shows a Java failure has in it: an exception's name, a stack frame. */
    private static final Pattern STACK_TRACE = Pattern.compile("Exception|at nl\\.samenspraak|\\tat |\\bat java\\.");

    /** The team forms' text fields, which a NUL still takes to a 500 (see {@link #hostile}). */

    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> DASHBOARD = Set.of("admin", "manager");
    private static final Set<String> INTERMEDIAIR = Set.of("intermediair");
    private static final Set<String> ANYONE = Set.of("admin", "manager", "intermediair");

    private enum Kind { PAGE, FORM, API, MULTIPART }

    /** A route to fuzz: its kind, its path with {placeholders}, who it is for, its real field (or query) names. */
    private record Route(Kind kind, String path, Set<String> fits, List<String> fields) {
        Route(Kind kind, String path, Set<String> fits, String... fields) {
            this(kind, path, fits, List.of(fields));
        }
    }

    /**
     * The routes. Forms that change or delete an account act on spare accounts and the admin's own (which admins may not
     * change here), never on the three logged in; team edits and deletions act on spare teams, member removal on spare
     * members: the fuzz would otherwise lock itself out after a few rounds.
     */
    private static final List<Route> ROUTES = List.of(
            new Route(Kind.FORM, "/admin/accounts", ADMIN, "username", "password", "role"),
            new Route(Kind.FORM, "/admin/accounts/{account}/role", ADMIN, "role"),
            new Route(Kind.FORM, "/admin/accounts/{account}/enabled", ADMIN, "enabled"),
            new Route(Kind.FORM, "/admin/accounts/{account}/password", ADMIN, "password"),
            new Route(Kind.FORM, "/admin/accounts/{account}/delete", ADMIN),
            new Route(Kind.FORM, "/admin/teams", ADMIN, "name", "wijken"),
            new Route(Kind.FORM, "/admin/teams/{spareTeam}", ADMIN, "name", "wijken"),
            new Route(Kind.FORM, "/admin/teams/{team}/code", ADMIN),
            new Route(Kind.FORM, "/admin/teams/{team}/members", ADMIN, "account"),
            new Route(Kind.FORM, "/admin/teams/{team}/members/{account}/remove", ADMIN),
            new Route(Kind.FORM, "/admin/teams/{team}/rounds", ADMIN, "flow", "closes", "invited"),
            new Route(Kind.FORM, "/admin/teams/{team}/delete", ADMIN),
            new Route(Kind.FORM, "/admin/teams/{team}/contact", DASHBOARD,
                    "place", "in", "desk", "address", "walk_in", "phone", "email", "interpreter"),
            new Route(Kind.FORM, "/admin/rounds/{round}/close", ADMIN),
            new Route(Kind.FORM, "/admin/questionnaires/{version}/publish", ADMIN),
            new Route(Kind.MULTIPART, "/admin/questionnaires", ADMIN),
            new Route(Kind.FORM, "/dashboard/teams/{team}/flows/{flow}/start", DASHBOARD),
            new Route(Kind.FORM, "/dashboard/teams/{team}/flows/{flow}/questions/{step}/tags", DASHBOARD,
                    "text", "theme", "period", "wijk", "version", "q", "filter"),
            new Route(Kind.FORM, "/dashboard/teams/{team}/flows/{flow}/questions/{step}/tags/remove", DASHBOARD,
                    "text", "theme", "period", "wijk", "version", "q", "filter"),
            new Route(Kind.FORM, "/intermediair/start", INTERMEDIAIR, "flow", "language", "place"),
            new Route(Kind.FORM, "/intermediair/links", INTERMEDIAIR, "flow", "language", "place"),
            new Route(Kind.FORM, "/intermediair/links/{code}/stop", INTERMEDIAIR),
            new Route(Kind.FORM, "/intermediair/c/{conversation}/label", INTERMEDIAIR, "label"),
            new Route(Kind.FORM, "/intermediair/c/{conversation}/context", INTERMEDIAIR, "wijk", "language"),
            new Route(Kind.FORM, "/intermediair/c/{conversation}/hand-over", INTERMEDIAIR),
            new Route(Kind.FORM, "/intermediair/c/{conversation}/hand-over/delete", INTERMEDIAIR),
            new Route(Kind.FORM, "/intermediair/telegram/link", INTERMEDIAIR),
            new Route(Kind.FORM, "/intermediair/telegram/unlink", INTERMEDIAIR),
            new Route(Kind.FORM, "/account/language", INTERMEDIAIR, "interface"),
            new Route(Kind.FORM, "/logout", ANYONE),
            // twice: answering is most of an intermediair's work
            new Route(Kind.API, "/intermediair/api/conversations/{conversation}/answers", INTERMEDIAIR),
            new Route(Kind.API, "/intermediair/api/conversations/{conversation}/answers", INTERMEDIAIR),
            new Route(Kind.API, "/intermediair/api/conversations/{conversation}/back", INTERMEDIAIR),
            new Route(Kind.PAGE, "/admin/teams", ADMIN, "done"),
            new Route(Kind.PAGE, "/admin/teams/{team}", ADMIN, "done"),
            new Route(Kind.PAGE, "/admin/teams/{team}/qr.png", ADMIN),
            new Route(Kind.PAGE, "/admin/teams/{team}/contact", DASHBOARD, "place", "in", "done"),
            new Route(Kind.PAGE, "/admin/rounds/{round}/sheet", ADMIN),
            new Route(Kind.PAGE, "/admin/rounds/{round}/links.csv", ADMIN),
            new Route(Kind.PAGE, "/admin/accounts", ADMIN, "done"),
            new Route(Kind.PAGE, "/admin/accounts/{account}", ADMIN, "done"),
            new Route(Kind.PAGE, "/admin/questionnaires/{version}", ADMIN),
            new Route(Kind.PAGE, "/admin/questionnaires/flows/{flow}.xlsx", ADMIN),
            new Route(Kind.PAGE, "/admin/audit", ADMIN, "page"),
            new Route(Kind.PAGE, "/dashboard", DASHBOARD),
            new Route(Kind.PAGE, "/dashboard/teams/{team}", DASHBOARD),
            new Route(Kind.PAGE, "/dashboard/teams/{team}/flows/{flow}", DASHBOARD, "wijk", "version", "period"),
            new Route(Kind.PAGE, "/dashboard/teams/{team}/flows/{flow}/export.csv", DASHBOARD, "wijk", "version", "period"),
            new Route(Kind.PAGE, "/dashboard/teams/{team}/flows/{flow}/export.xlsx", DASHBOARD, "wijk", "version", "period"),
            new Route(Kind.PAGE, "/dashboard/teams/{team}/flows/{flow}/export-texts.csv", DASHBOARD, "wijk", "version", "period"),
            new Route(Kind.PAGE, "/dashboard/teams/{team}/flows/{flow}/summary", DASHBOARD, "round"),
            new Route(Kind.PAGE, "/dashboard/teams/{team}/flows/{flow}/compare", DASHBOARD, "round"),
            new Route(Kind.PAGE, "/dashboard/teams/{team}/flows/{flow}/questions/{step}", DASHBOARD,
                    "period", "wijk", "version", "q", "theme"),
            new Route(Kind.PAGE, "/intermediair", INTERMEDIAIR, "done"),
            new Route(Kind.PAGE, "/intermediair/c/{conversation}", INTERMEDIAIR),
            new Route(Kind.PAGE, "/intermediair/c/{conversation}/result.pdf", INTERMEDIAIR),
            new Route(Kind.PAGE, "/intermediair/links/{code}", INTERMEDIAIR),
            new Route(Kind.PAGE, "/intermediair/links/{code}/qr.png", INTERMEDIAIR),
            new Route(Kind.PAGE, "/account", ANYONE, "done"));

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Rounds rounds;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper mapper = new ObjectMapper();

    private PageHttp http;
    private final Map<String, Actor> actors = new TreeMap<>();
    /** Login cookies whose session has ended (a logout): sent now and then as a stale login. */
    private final List<String> endedCookies = new ArrayList<>();
    private Team team;
    /** The real ids the fuzz uses, grown from what its own successful forms make. */
    private final List<String> teamIds = new ArrayList<>();
    private final List<String> spareTeamIds = new ArrayList<>();
    private final List<String> accountIds = new ArrayList<>();
    private final List<String> roundIds = new ArrayList<>();
    private final List<String> conversationIds = new ArrayList<>();
    private final List<String> linkCodes = new ArrayList<>();
    private String place;
    /** The assisted conversation being answered, and the question it is at. */
    private String conversation;
    private JsonNode step;

    /** A logged-in person: their account and current login cookie. */
    private static final class Actor {
        final Account account;
        String cookie;

        Actor(Account account, String cookie) {
            this.account = account;
            this.cookie = cookie;
        }
    }

    record Request(String who, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            String shownPath = path.length() > 140 ? path.substring(0, 140) + "..." : path;
            String flat = body == null ? null : body.replace("\r", "\\r").replace("\n", "\\n");
            String shownBody = flat == null ? "" : " " + (flat.length() > 140 ? flat.substring(0, 140) + "..." : flat);
            return "as " + who + ": " + method + " " + shownPath + (contentType == null ? "" : " [" + contentType + "]") + shownBody;
        }
    }

    record Reply(int status, String body, String location) {
    }

    @BeforeAll
    void peopleTeamsAndAConversation() throws Exception {
        http = new PageHttp(server.getURL().toString());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = teams.create("Fuzzteam " + suffix, List.of("Noord", "Zuid"));
        Team spare = teams.create("Reserveteam " + suffix, List.of("Oost"));
        teamIds.add(Long.toString(team.id()));
        teamIds.add(Long.toString(spare.id()));
        spareTeamIds.add(Long.toString(spare.id()));
        for (Role role : Role.values()) {
            Account account = accounts.create(role.key() + "-" + suffix, PASSWORD, role);
            if (role != Role.ADMIN) {
                teams.addMember(team.id(), account.id());
            }
            actors.put(role.key(), new Actor(account, http.login(account.username(), PASSWORD)));
        }
        accountIds.add(Long.toString(actors.get("admin").account.id())); // admins may not change themselves: refused
        for (Role role : List.of(Role.MANAGER, Role.INTERMEDIAIR)) {
            Account spareAccount = accounts.create("spare-" + role.key() + "-" + suffix, PASSWORD, role);
            teams.addMember(spare.id(), spareAccount.id());
            teams.addMember(team.id(), spareAccount.id());
            accountIds.add(Long.toString(spareAccount.id()));
        }
        rounds.open(team.id(), "wijkanalyse", LocalDate.now().plusDays(30), 2, ZoneId.of("Europe/Amsterdam"));
        refreshRounds();

        // the place as the intermediair's start page offers it, and one assisted conversation and resident link there
        PageHttp.Reply home = http.get("/intermediair?lang=nl", actors.get("intermediair").cookie);
        assertEquals(200, home.status(), home.body());
        Matcher select = Pattern.compile("<select id=\"place-wijkanalyse\" name=\"place\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(home.body());
        assertTrue(select.find(), home.body());
        Matcher option = Pattern.compile("<option value=\"([^\"]*\\|Noord)\"").matcher(select.group(1));
        assertTrue(option.find(), select.group(1));
        place = option.group(1);
        assertEquals(team.id() + "|Noord", place);
        startConversation();
        PageHttp.Reply link = http.post("/intermediair/links?lang=nl", form("flow", "wijkanalyse", "language", "tr",
                "place", place), actors.get("intermediair").cookie);
        assertEquals(303, link.status(), link.body());
        harvest("/intermediair/links", link.location());
    }

    @Test
    void noLoggedInRequestGetsA5xxOrShowsAStackTrace() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            Route route = pick(random, ROUTES);
            boolean plausible = random.nextBoolean();
            String who = who(random, route, plausible);
            Request request = request(random, route, who, plausible);
            Reply reply = send(request, cookie(who, random), random.nextInt(12) == 0, random.nextInt(25) != 0);
            statuses.merge(reply.status(), 1, Integer::sum);
            check(round, request, reply, failures);
            afterwards(request, route, reply);
            if (random.nextInt(3) == 0) {
                advance(round, failures);
            }
        }
        System.out.println(getClass().getSimpleName() + " statuses: " + statuses);
        assertTrue(failures.isEmpty(), failures.size() + " fuzzed requests failed:\n" + String.join("\n", failures));
        // a fuzz that only meets early refusals proves little: the forms must also have been accepted and refused
        assertTrue(statuses.getOrDefault(200, 0) > 0 && statuses.getOrDefault(303, 0) > 0
                && statuses.getOrDefault(422, 0) > 0, "too little got past the first checks: " + statuses);
    }

    private static void check(int round, Request request, Reply reply, List<String> failures) {
        String problem = problem(reply);
        if (problem != null) {
            failures.add("seed " + SEED + " round " + round + ": " + request + " -> " + reply.status() + " " + problem);
        }
    }

    /** What is wrong with a reply, or null: a 5xx, or a refusal that shows a stack trace or a Java exception. */
    private static String problem(Reply reply) {
        if (reply.status() >= 500) {
            return shorten(reply.body(), 0);
        }
        Matcher trace = STACK_TRACE.matcher(reply.body());
        if (reply.status() >= 400 && trace.find()) {
            return "shows a stack trace or exception: ..." + shorten(reply.body(), Math.max(0, trace.start() - 150));
        }
        return null;
    }

    /**
     * The login a request goes with: for a plausible request nearly always one the route is for; else often, or another
     * role, none, garbage or an ended one.
     */
    private String who(Random random, Route route, boolean plausible) {
        int n = random.nextInt(20);
        if (n < (plausible ? 19 : 10)) {
            return pick(random, route.fits().stream().sorted().toList());
        }
        if (n < 17) {
            return pick(random, List.copyOf(actors.keySet()));
        }
        return n == 17 ? "nobody" : n == 18 ? "garbage" : "ended";
    }

    private String cookie(String who, Random random) {
        return switch (who) {
            case "nobody" -> null;
            case "garbage" -> PageHttp.LOGIN_COOKIE + "=" + pick(random, "garbage", "eyJhbGciOiJub25lIn0.e30.", "", "a.b.c", "%00");
            case "ended" -> endedCookies.isEmpty() ? PageHttp.LOGIN_COOKIE + "=x" : pick(random, endedCookies);
            default -> actors.get(who).cookie;
        };
    }

    /**
     * A request to the route. A plausible one has real ids, the form's own fields and at most one hostile value, so that
     * it gets past routing, security and the first checks; the others mix anything.
     */
    private Request request(Random random, Route route, String who, boolean plausible) {
        String path = fill(random, route.path(), plausible);
        return switch (route.kind()) {
            case PAGE -> new Request(who, "GET", path + query(random, route, plausible), null, null);
            case FORM -> new Request(who, "POST", path + (random.nextInt(3) == 0 ? "?lang=" + language(random, plausible) : ""),
                    !plausible && random.nextInt(8) == 0 ? JSON : FORM, formBody(random, route, plausible));
            case API -> new Request(who, "POST", path + "?lang=" + language(random, plausible),
                    !plausible && random.nextInt(8) == 0 ? FORM : JSON,
                    route.path().endsWith("/back") ? pick(random, "", "{}", "[]") : answerBody(random, plausible));
            // a file part that is no spreadsheet ("hello" as a.xlsx) named the Java exception in its refusal until the
            // eighteenth session ("... die gelezen kan worden (IOException)")
            case MULTIPART -> new Request(who, "POST", path, pick(random, MULTIPART_TYPES),
                    pick(random, "", "--\r\n\r\n--", "--x\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nnl\r\n--x--\r\n",
                            "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n"
                                    + "Content-Type: application/octet-stream\r\n\r\nhello\r\n--x--\r\n"));
        };
    }

    /** The path with its {placeholders} real ids (plausible), or each a real or a hostile one. */
    private String fill(Random random, String template, boolean plausible) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            List<String> real = realIds(m.group(1));
            String id = !real.isEmpty() && (plausible || random.nextBoolean()) ? pick(random, real) : pick(random, IDS);
            if (plausible && m.group(1).equals("conversation") && random.nextBoolean()) {
                id = conversation; // the one being answered, so that a plausible answer can be taken
            }
            m.appendReplacement(path, Matcher.quoteReplacement(id));
        }
        m.appendTail(path);
        return path.toString();
    }

    private List<String> realIds(String placeholder) {
        return switch (placeholder) {
            case "team" -> teamIds;
            case "spareTeam" -> spareTeamIds;
            case "account" -> accountIds;
            case "round" -> roundIds;
            case "conversation" -> conversationIds;
            case "code" -> linkCodes;
            case "flow" -> List.of("wijkanalyse", "topiclijst", "werk-jij-diversiteitsproof", "cultureel-interview", "voorbeeld");
            case "step" -> List.of("goed_in_wijk", "wensen", "weet_waar_hulp", "toestemming", "opmerking");
            case "version" -> List.of("0".repeat(64), "f".repeat(64), "0".repeat(12));
            default -> List.of();
        };
    }

    /** Query values: some of the page's own, valid when plausible (but now and then one hostile), else anything. */
    private String query(Random random, Route route, boolean plausible) {
        List<String> parts = new ArrayList<>();
        String spoiled = plausible && random.nextInt(3) == 0 && !route.fields().isEmpty() ? pick(random, route.fields()) : "";
        for (String field : route.fields()) {
            if (random.nextBoolean() || field.equals(spoiled)) {
                parts.add(field + "=" + (field.equals(spoiled) ? hostile(random, field) : plausible ? valid(random, field) : value(random, field)));
            }
        }
        if (!plausible && random.nextInt(4) == 0) {
            parts.add(pick(random, UNKNOWN_FIELDS) + "=" + pick(random, VALUES));
        }
        if (random.nextInt(3) == 0) {
            parts.add("lang=" + language(random, plausible));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** A page language: one the service speaks, or (not plausible) perhaps one it does not, or a hostile one. */
    private static String language(Random random, boolean plausible) {
        return plausible ? pick(random, "nl", "ar", "en", "tr", "pl") : pick(random, "nl", "ar", "xx", "%00", "%ED%A0%80", "");
    }

    /**
     * A form body: when plausible all the form's fields valid, or all but one; else any fields, real or not, with any
     * values; either way now and then a body that does not decode.
     */
    private String formBody(Random random, Route route, boolean plausible) {
        List<String> fields = route.fields();
        if (random.nextInt(plausible ? 8 : 4) == 0) { // plausible too: the right person's real form, sent broken
            return pick(random, BROKEN_FORMS);
        }
        List<String> parts = new ArrayList<>();
        if (plausible && !fields.isEmpty()) {
            String spoiled = random.nextBoolean() ? "" : pick(random, fields);
            for (String field : fields) {
                parts.add(field + "=" + (field.equals(spoiled) ? hostile(random, field) : valid(random, field)));
            }
        } else {
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                String field = !fields.isEmpty() && random.nextInt(5) < 4 ? pick(random, fields) : pick(random, UNKNOWN_FIELDS);
                parts.add(field + "=" + value(random, field));
            }
        }
        if (random.nextInt(3) == 0) {
            parts.add("lang=" + language(random, plausible));
        }
        return String.join("&", parts);
    }

    private String value(Random random, String field) {
        return random.nextBoolean() ? valid(random, field) : hostile(random, field);
    }

    /** A hostile value for the field (a NUL in a team's name or wijken was a 500 on PostgreSQL until Teams.oneLine). */
    private static String hostile(Random random, String field) {
        return pick(random, VALUES);
    }

    /** A value the field's form takes (or one of its boundary cases), percent-encoded. */
    private String valid(Random random, String field) {
        String teamId = Long.toString(team.id());
        return switch (field) {
            case "username" -> pick(random, "fuzz-" + random.nextInt(1_000_000), actors.get("manager").account.username(), "a");
            case "password" -> pick(random, "a+long+enough+password", "kort");
            case "role" -> pick(random, "admin", "manager", "intermediair", "ADMIN");
            case "enabled" -> pick(random, "true", "false");
            case "name" -> pick(random, "Team+" + random.nextInt(1_000_000), "Fuzzteam");
            case "wijken" -> pick(random, "Noord%0D%0AZuid", "Oost", "Noord%0D%0ANoord", "");
            case "account" -> random.nextBoolean() ? pick(random, accountIds)
                    : Long.toString(pick(random, List.copyOf(actors.values())).account.id());
            case "flow" -> pick(random, "wijkanalyse", "wijkanalyse", "wijkanalyse", "topiclijst", "voorbeeld", "cultureel-interview");
            case "closes" -> pick(random, LocalDate.now().plusDays(14).toString(), "2020-01-01");
            case "invited" -> pick(random, "2", "0", "1001");
            case "language", "in", "interface" -> pick(random, "nl", "ar", "tr", "en", "pl", "nl", "xx");
            case "place" -> pick(random, place.replace("|", "%7C"), place.replace("|", "%7C"), teamId + "%7CZuid", teamId,
                    teamId + "%7COost", "Noord");
            case "wijk" -> pick(random, "Noord", "Zuid", "Oost");
            case "label" -> pick(random, "Buurthuis", "");
            case "period" -> pick(random, "2026", "2026-Q2", "2026-05", "2026-Q9");
            case "version" -> pick(random, "1", "0".repeat(12));
            case "round" -> roundIds.isEmpty() ? "1" : pick(random, roundIds);
            case "page" -> pick(random, "1", "2");
            case "done" -> pick(random, "saved", "team_created", "link_stopped");
            case "desk", "address", "walk_in", "interpreter" -> pick(random, "Wijkcentrum+Noord", "Ma-vr+9-17");
            case "phone" -> pick(random, "030-1234567", "%2B31301234567");
            case "email" -> pick(random, "team%40example.nl", "geen-adres");
            case "text", "q", "theme", "filter" -> pick(random, "goed", "spelen", "");
            default -> pick(random, "nl", "1", "ja");
        };
    }

    /**
     * An answer for the chat API: when plausible to the question it is at, with a valid or a hostile value; else to
     * another question or none, or broken JSON.
     */
    private String answerBody(Random random, boolean plausible) {
        if (!plausible && random.nextInt(3) == 0) {
            return pick(random, JSON_BODIES);
        }
        String stepId = plausible ? step.path("id").asText() : pick(random, "welkom", "toestemming", "goed_in_wijk",
                "weet_waar_hulp", "onbekend", "", "\\u0000");
        String value = plausible && random.nextInt(3) == 0 ? validAnswer() : pick(random, JSON_VALUES);
        String textLanguage = random.nextBoolean() ? "" : ",\"textLanguage\":" + pick(random, "\"nl\"", "\"ar\"", "null", "\"xx\"",
                "\"" + "n".repeat(17) + "\"", "\"\\u0000\"", "1", "[]");
        return "{\"step\":\"" + stepId + "\",\"value\":" + value + textLanguage + "}";
    }

    /** After a reply: log in again when a session ended; keep the ids that successful forms made. */
    private void afterwards(Request request, Route route, Reply reply) throws Exception {
        Actor actor = actors.get(request.who());
        if (actor != null && (reply.status() == 401 || (reply.location() != null && reply.location().startsWith("/login")))) {
            endedCookies.add(actor.cookie);
            actor.cookie = http.login(actor.account.username(), PASSWORD);
        }
        if (reply.status() == 303 && reply.location() != null) {
            harvest(route.path(), reply.location());
        }
        if (route.kind() == Kind.API && reply.status() == 200 && request.path().contains("/" + conversation + "/")) {
            step = mapper.readTree(reply.body()).path("step");
        }
    }

    /** Keeps the id a successful form made, as its redirect names it. */
    private void harvest(String path, String location) {
        String made = location.replaceFirst("[?#].*", "");
        if (path.equals("/admin/accounts") && made.startsWith("/admin/accounts/")) {
            accountIds.add(made.substring("/admin/accounts/".length()));
        } else if (path.equals("/admin/teams") && made.startsWith("/admin/teams/")) {
            String id = made.substring("/admin/teams/".length());
            teamIds.add(id);
            spareTeamIds.add(id);
        } else if (path.equals("/intermediair/start") && made.startsWith("/intermediair/c/")) {
            conversationIds.add(made.substring("/intermediair/c/".length()));
        } else if (path.equals("/intermediair/links") && made.startsWith("/intermediair/links/")) {
            linkCodes.add(made.substring("/intermediair/links/".length()));
        } else if (path.endsWith("/rounds")) {
            refreshRounds();
        }
    }

    private void refreshRounds() {
        for (SurveyRound r : rounds.ofTeam(team.id())) {
            if (!roundIds.contains(Long.toString(r.id()))) {
                roundIds.add(Long.toString(r.id()));
            }
        }
    }

    /** Answers the assisted conversation's question validly, so the fuzz meets its later questions and its end. */
    private void advance(int round, List<String> failures) throws Exception {
        if (step == null || step.isMissingNode() || step.isNull()) {
            startConversation();
            return;
        }
        Request answer = new Request("intermediair", "POST", "/intermediair/api/conversations/" + conversation + "/answers?lang=nl",
                JSON, "{\"step\":\"" + step.path("id").asText() + "\",\"value\":" + validAnswer() + "}");
        Reply moved = send(answer, actors.get("intermediair").cookie, false, true);
        check(round, answer, moved, failures);
        if (moved.status() == 200) {
            step = mapper.readTree(moved.body()).path("step");
        } else {
            startConversation();
        }
    }

    /** A valid answer to the current question, as JSON. */
    private String validAnswer() {
        JsonNode options = step.path("options");
        String first = options.isArray() && !options.isEmpty() ? options.get(0).path("value").asText() : "";
        return switch (step.path("type").asText()) {
            case "info" -> "null";
            case "yesno", "choice" -> "\"" + first + "\"";
            case "multi" -> "[\"" + first + "\"]";
            case "scale", "number" -> step.path("min").isNumber() ? step.path("min").asText() : "1";
            case "date" -> "\"2024-03-01\"";
            default -> "\"Goed\"";
        };
    }

    /** Starts an assisted conversation as the intermediair; it is then the one the answers go to. */
    private void startConversation() throws IOException, InterruptedException {
        PageHttp.Reply started = http.post("/intermediair/start?lang=nl", form("flow", "wijkanalyse", "language", "nl",
                "place", place), actors.get("intermediair").cookie);
        assertEquals(303, started.status(), started.body());
        harvest("/intermediair/start", started.location());
        conversation = conversationIds.get(conversationIds.size() - 1);
        step = mapper.readTree("{\"id\":\"welkom\",\"type\":\"info\"}");
    }

    /**
     * Sends the request with the login cookie (null: none); {@code brokenBytes}: the body's last bytes
     * replaced by bytes that are not UTF-8; {@code fromHere}: with the Origin of this site, as a form from its pages.
     */
    private Reply send(Request request, String cookie, boolean brokenBytes, boolean fromHere) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + request.path())).timeout(Duration.ofSeconds(30))
                .header("Accept", request.path().contains("/api/") ? JSON : PageHttp.HTML);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (request.body() == null) {
            b.GET();
        } else {
            if (fromHere) {
                b.header("Origin", http.base());
            }
            byte[] bytes = request.body().getBytes(StandardCharsets.UTF_8);
            if (brokenBytes && bytes.length > 4) {
                bytes[bytes.length - 3] = (byte) 0xC3;
                bytes[bytes.length - 2] = (byte) 0x28;
            }
            b.header("Content-Type", request.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers().firstValue("Location").orElse(null));
    }

    /** Up to 400 characters of {@code body} from {@code from}, on one line. */
    private static String shorten(String body, int from) {
        String part = body.substring(from, Math.min(body.length(), from + 400)).replaceAll("\\s+", " ");
        return from + 400 < body.length() ? part + "..." : part;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
