package nl.samenspraak.intermediair;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.AnswerRecord;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.storage.ConversationRecord;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.FileAccepts;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.QrReader;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intermediair shows a QR code; the resident opens it on their own phone and answers in their own language,
 * counted under the intermediair's team and wijk, as themselves, with nothing that points to either of them.
 */
@SharedService
class ResidentLinkTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ConversationRepository conversations;
    @Inject
    AnswerRepository answers;
    @Inject
    DataSource dataSource;

    PageHttp http;
    Team team;
    Account intermediair;
    String cookie;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @BeforeEach
    void intermediair() {
        http = new PageHttp(server.getURL().toString());
        team = teams.create("Buurtteam " + suffix(), List.of("Kanaleneiland", "Lombok"));
        intermediair = accounts.create("inter-" + suffix(), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());
        cookie = http.login(intermediair.username(), PASSWORD);
    }

    /** Makes a link for wijkanalyse in Turkish in Lombok; returns its code. */
    private String makeLink() {
        PageHttp.Reply made = http.post("/intermediair/links", form("flow", "wijkanalyse", "language", "tr",
                "place", team.id() + "|Lombok", "lang", "nl"), cookie);
        assertEquals(303, made.status(), made.body());
        assertTrue(made.location().matches("/intermediair/links/[23456789A-HJ-NP-Z]{16}\\?lang=nl"), made.location());
        return made.location().substring("/intermediair/links/".length(), made.location().indexOf('?'));
    }

    private HttpResponse<byte[]> qr(String code, String cookie) throws Exception {
        return HttpClient.newHttpClient().send(http.request("/intermediair/links/" + code + "/qr.png")
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * The link's QR code goes to every client as a PNG (an image viewer asking for {@code image/png}, a browser's
     * {@code <img>}, curl); another's or a link that is not there is the page that says so, labelled as a page.
     */
    @Test
    void theQrCodeIsAPngToEveryClientAndAnotherLinksIsNotFound() {
        String code = makeLink();
        FileAccepts.PNG.assertFile(http, "/intermediair/links/" + code + "/qr.png", r -> r.header("Cookie", cookie));
        FileAccepts.PNG.assertError(http, "/intermediair/links/NOSUCHLINK/qr.png?lang=nl", r -> r.header("Cookie", cookie),
                404, "Deze pagina bestaat niet");
        Account colleague = accounts.create("inter-" + suffix(), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), colleague.id());
        String theirs = http.login(colleague.username(), PASSWORD);
        FileAccepts.PNG.assertError(http, "/intermediair/links/" + code + "/qr.png?lang=nl", r -> r.header("Cookie", theirs),
                404, "Deze pagina bestaat niet");
    }

    @Test
    void theQrCodeReadsAsTheResidentLinkWhichStartsTheFlowForTheTeamAndWijk() throws Exception {
        String code = makeLink();
        String url = server.getURL() + "/r/" + code;
        PageHttp.Reply page = http.get("/intermediair/links/" + code + "?lang=nl", cookie);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("value=\"" + url + "\""), page.body());
        assertTrue(page.body().contains("<dt>Wijk</dt><dd>Lombok</dd>"));
        assertTrue(page.body().contains("<dd lang=\"tr\">Türkçe</dd>"));
        assertTrue(page.body().contains("Werkt tot"));
        HttpResponse<byte[]> png = qr(code, cookie);
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(url, QrReader.read(png.body()));

        // the resident's phone: no login, no cookie
        PageHttp.Reply welcome = http.get("/r/" + code.toLowerCase(), null);
        assertEquals(200, welcome.status(), welcome.body());
        assertTrue(welcome.body().contains("<html lang=\"tr\" dir=\"ltr\">"), "in the language the intermediair chose");
        assertTrue(welcome.body().contains("Cevaplarınız " + team.name() + " için anonim olarak sayılır."), welcome.body());
        assertTrue(welcome.headers().getOrDefault("set-cookie", List.of()).isEmpty());
        assertFalse(welcome.body().matches("(?s).*<input(?![^>]*type=\"hidden\")[^>]*name=\"(?!lang)[^\"]*\".*"),
                "nothing to type in");

        PageHttp.Reply started = http.post("/r/" + code, form("lang", "tr"), null);
        assertEquals(303, started.status(), started.body());
        assertTrue(started.location().matches("/c/[0-9a-f-]{36}"), started.location());
        assertTrue(started.headers().getOrDefault("set-cookie", List.of()).isEmpty());
        String id = started.location().substring(3);
        ConversationRecord c = conversations.findById(id).orElseThrow();
        assertEquals("wijkanalyse", c.flowId());
        assertEquals("tr", c.language());
        assertEquals(team.id(), c.teamId());
        assertEquals("Lombok", c.wijk());

        JsonHttp api = new JsonHttp(server.getURL().toString());
        assertEquals(200, api.post("/api/conversations/" + id + "/answers", "{\"step\":\"welkom\",\"value\":null}").status());
        assertEquals(200, api.post("/api/conversations/" + id + "/answers", "{\"step\":\"toestemming\",\"value\":\"ja\"}").status());
        AnswerRecord consent = answers.findByConversationId(id).get(0);
        assertEquals("respondent", consent.enteredBy(), "the resident answered themselves");
        assertEquals("tr", consent.language());
    }

    @Test
    void theResidentMayPickAnotherLanguageTheFlowSpeaks() {
        String code = makeLink();
        PageHttp.Reply arabic = http.get("/r/" + code + "?lang=ar", null);
        assertTrue(arabic.body().contains("<html lang=\"ar\" dir=\"rtl\">"), arabic.body());
        // the team's Latin name goes into the Arabic sentence as one piece in its own direction
        assertTrue(arabic.body().contains("\u2068" + team.name() + "\u2069."), arabic.body());
        PageHttp.Reply started = http.post("/r/" + code, form("lang", "pl"), null);
        assertEquals("pl", conversations.findById(started.location().substring(3)).orElseThrow().language());
        PageHttp.Reply unknown = http.post("/r/" + code, form("lang", "xx"), null);
        assertEquals("tr", conversations.findById(unknown.location().substring(3)).orElseThrow().language(),
                "a language the flow lacks: the link's");
    }

    /**
     * The link names its maker's account (only they see it in their list) and nothing about the resident; nothing
     * keeps which conversations it started, so nothing can count them or tell afterwards which link, or whose, a
     * conversation came through.
     */
    @Test
    void theStoredLinkNamesOnlyItsMakersAccountAndNothingAboutTheResident() throws Exception {
        String code = makeLink();
        Map<String, Object> row = row("select * from resident_link where code = ?", code);
        assertEquals(Set.of("code", "flow_id", "language", "team_id", "wijk", "created_at", "expires_at", "made_by"), row.keySet());
        assertEquals(intermediair.id(), ((Number) row.get("made_by")).longValue());
        for (Object value : row.values()) {
            assertFalse(String.valueOf(value).contains(intermediair.username()), "no name of the intermediair in " + row);
        }
        String id = http.post("/r/" + code, form("lang", "tr"), null).location().substring(3);
        assertTrue(conversations.findById(id).isPresent());
        assertFalse(containsAnywhere(code, id), "no row holds the link's code beside the conversation");
    }

    /** Whether any text column of any table of the service holds both strings in one row. */
    private boolean containsAnywhere(String a, String b) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            List<String[]> columns = new java.util.ArrayList<>();
            try (ResultSet r = c.getMetaData().getColumns(null, null, "%", "%")) {
                while (r.next()) {
                    String schema = r.getString("TABLE_SCHEM");
                    int type = r.getInt("DATA_TYPE");
                    if (schema != null && !schema.equalsIgnoreCase("INFORMATION_SCHEMA") && !schema.startsWith("pg_")
                            && (type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR || type == java.sql.Types.CLOB)) {
                        columns.add(new String[]{schema, r.getString("TABLE_NAME"), r.getString("COLUMN_NAME")});
                    }
                }
            }
            java.util.Map<String, List<String>> byTable = new java.util.HashMap<>();
            columns.forEach(col -> byTable.computeIfAbsent(col[0] + "\"." + "\"" + col[1], t -> new java.util.ArrayList<>()).add(col[2]));
            for (var table : byTable.entrySet()) {
                String anyA = String.join(" or ", table.getValue().stream().map(col -> "\"" + col + "\" like ?").toList());
                String sql = "select 1 from \"" + table.getKey() + "\" where (" + anyA + ") and (" + anyA + ")";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    int i = 1;
                    for (int n = 0; n < table.getValue().size(); n++) {
                        s.setString(i++, "%" + a + "%");
                    }
                    for (int n = 0; n < table.getValue().size(); n++) {
                        s.setString(i++, "%" + b + "%");
                    }
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private boolean exists(String sql, String key) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    @Test
    void aStoppedLinkAndItsQrCodeNoLongerWorkButStartedConversationsGoOn() throws Exception {
        String code = makeLink();
        String id = http.post("/r/" + code, form("lang", "tr"), null).location().substring(3);

        String other = http.login(otherTeamsIntermediair().username(), PASSWORD);
        assertEquals(404, http.get("/intermediair/links/" + code, other).status(), "another team's intermediair sees nothing");
        assertEquals(404, qr(code, other).statusCode());
        assertEquals(404, http.post("/intermediair/links/" + code + "/stop", form("lang", "nl"), other).status());
        assertEquals(200, http.get("/r/" + code, null).status(), "and cannot stop it");

        PageHttp.Reply stopped = http.post("/intermediair/links/" + code + "/stop", form("lang", "nl"), cookie);
        assertEquals(303, stopped.status());
        assertEquals("/intermediair?lang=nl&done=link_stopped", stopped.location());
        assertTrue(http.get(stopped.location(), cookie).body().contains("De link is gestopt."));

        PageHttp.Reply gone = http.get("/r/" + code + "?lang=nl", null);
        assertEquals(404, gone.status());
        assertTrue(gone.body().contains("Deze link is verlopen of gestopt."), gone.body());
        assertEquals(404, http.post("/r/" + code, form("lang", "tr"), null).status());
        assertEquals(404, qr(code, cookie).statusCode());
        assertEquals(404, http.get("/r/NOSUCHCODE2345678", null).status());

        JsonHttp api = new JsonHttp(server.getURL().toString());
        assertEquals(200, api.post("/api/conversations/" + id + "/answers", "{\"step\":\"welkom\",\"value\":null}").status());
    }

    /** The admin takes the intermediair out of the team: their links, which nobody else can stop, stop with it. */
    @Test
    void aLinkStopsWhenItsMakerLeavesTheTeam() {
        String code = makeLink();
        assertEquals(200, http.get("/r/" + code, null).status());

        teams.removeMember(team.id(), intermediair.id());
        PageHttp.Reply gone = http.get("/r/" + code + "?lang=nl", null);
        assertEquals(404, gone.status());
        assertTrue(gone.body().contains("Deze link is verlopen of gestopt."), gone.body());
        assertEquals(404, http.post("/r/" + code, form("lang", "tr"), null).status(), "nothing starts");
    }

    /** The admin disables the intermediair's account: they can no longer log in to stop their links, so those stop. */
    @Test
    void aLinkStopsWhenItsMakersAccountIsDisabledAndWorksAgainWhenEnabled() {
        String code = makeLink();
        assertEquals(200, http.get("/r/" + code, null).status());

        Account admin = accounts.create("admin-" + suffix(), PASSWORD, Role.ADMIN);
        accounts.setEnabled(admin.id(), intermediair.id(), false);
        PageHttp.Reply gone = http.get("/r/" + code + "?lang=nl", null);
        assertEquals(404, gone.status());
        assertTrue(gone.body().contains("Deze link is verlopen of gestopt."), gone.body());
        assertEquals(404, http.post("/r/" + code, form("lang", "tr"), null).status(), "nothing starts");

        accounts.setEnabled(admin.id(), intermediair.id(), true);
        assertEquals(200, http.get("/r/" + code + "?lang=nl", null).status(), "back with its maker, until it expires");
    }

    /**
     * The admin makes the intermediair a manager (still in the team): a manager has no {@code /intermediair} page, so
     * nobody could stop their links any more; those stop as for a maker who left the team, and work again when the
     * account is an intermediair again.
     */
    @Test
    void aLinkStopsWhenItsMakerIsNoLongerAnIntermediair() {
        String code = makeLink();
        assertEquals(200, http.get("/r/" + code, null).status());

        Account admin = accounts.create("admin-" + suffix(), PASSWORD, Role.ADMIN);
        accounts.setRole(admin.id(), intermediair.id(), Role.MANAGER);
        PageHttp.Reply gone = http.get("/r/" + code + "?lang=nl", null);
        assertEquals(404, gone.status());
        assertTrue(gone.body().contains("Deze link is verlopen of gestopt."), gone.body());
        assertEquals(404, http.post("/r/" + code, form("lang", "tr"), null).status(), "nothing starts");

        accounts.setRole(admin.id(), intermediair.id(), Role.INTERMEDIAIR);
        assertEquals(200, http.get("/r/" + code + "?lang=nl", null).status(), "back with its maker, until it expires");
    }

    private Account otherTeamsIntermediair() {
        Team other = teams.create("Buurtteam " + suffix(), List.of());
        Account a = accounts.create("inter-" + suffix(), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(other.id(), a.id());
        return a;
    }

    private Map<String, Object> row(String sql, String key) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "no row for " + key);
                ResultSetMetaData meta = r.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(), r.getObject(i));
                }
                return row;
            }
        }
    }
}
