package nl.samenspraak.round;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.intermediair.ResidentLink;
import nl.samenspraak.intermediair.ResidentLinks;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.ExcelCsv;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.QrReader;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SmallCellChecker;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Survey rounds end to end, with team figures from closed rounds only (the service's default): the admin opens a
 * round with six invitations, five are used, one is not, the round closes and the manager sees the figures with
 * "5 van 6"; a second use of a code is refused; the join link's conversations are not in the figures; padding
 * with "weet ik niet" through invitations, the join link or a resident link never reaches k.
 */
@SharedService
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
class RoundsTest {
    static final String PASSWORD = "a long enough password";
    static final String WERK_JIJ = "werk-jij-diversiteitsproof";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ResidentLinks residentLinks;
    @Inject
    DataSource dataSource;

    PageHttp http;
    @Inject
    Respondents respondents;
    Team team;
    String manager;
    String admin;

    @BeforeEach
    void fixtures() {
        http = new PageHttp(server.getURL().toString());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = teams.create("Ronde " + suffix, List.of("Noord"));
        Account account = accounts.create("ronde-manager-" + suffix, PASSWORD, Role.MANAGER);
        teams.addMember(team.id(), account.id());
        manager = http.login(account.username(), PASSWORD);
        admin = http.login(accounts.create("ronde-admin-" + suffix, PASSWORD, Role.ADMIN).username(), PASSWORD);
    }

    long openRound(String flow, int invited) {
        PageHttp.Reply opened = http.post("/admin/teams/" + team.id() + "/rounds", form("lang", "nl", "flow", flow,
                "closes", LocalDate.now().plusDays(7).toString(), "invited", Integer.toString(invited)), admin);
        assertEquals(303, opened.status(), opened.body());
        String page = http.get("/admin/teams/" + team.id() + "?lang=nl", admin).body();
        Matcher m = Pattern.compile("action=\"/admin/rounds/(\\d+)/close\"").matcher(page);
        assertTrue(m.find(), page);
        return Long.parseLong(m.group(1));
    }

    List<String> links(long round) {
        PageHttp.Reply csv = http.get("/admin/rounds/" + round + "/links.csv", admin);
        assertEquals(200, csv.status());
        List<List<String>> rows = ExcelCsv.read(csv.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("code", "link"), rows.get(0));
        return rows.subList(1, rows.size()).stream().map(r -> r.get(1)).toList();
    }

    static String path(String link) {
        return link.substring(link.indexOf("/i/"));
    }

    /** The code of an invitation link, as its page may show it. */
    static String code(String link) {
        return link.substring(link.indexOf("/i/") + 3);
    }

    /** Opens an invitation as a person would: the page, then its one button; the conversation's id. */
    String use(String link) {
        assertEquals(200, http.get(path(link) + "?lang=nl", null).status(), "opening the link uses nothing");
        PageHttp.Reply started = http.post(path(link), form("lang", "nl"), null);
        assertEquals(303, started.status(), started.body());
        return started.location().substring("/c/".length());
    }

    String flowPage(String flow) {
        PageHttp.Reply r = http.get("/dashboard/teams/" + team.id() + "/flows/" + flow + "?lang=nl", manager);
        assertEquals(200, r.status());
        return r.body();
    }

    /**
     * A round's flow taken out of the service: its invitation says so in the person's language (410) and is not
     * used up, where it was spent on a start that could not go and answered with a line of plain text.
     */
    @Test
    void anInvitationToAFlowNoLongerServedSaysSoAndStaysUnused() throws Exception {
        long round = openRound(WERK_JIJ, 1);
        String link = links(round).get(0);
        flowOf(round, "uit-flows-gehaald");
        PageHttp.Reply page = http.get(path(link) + "?lang=nl", null);
        assertEquals(410, page.status());
        assertTrue(page.body().contains("Deze vragenlijst is er niet meer"), page.body());
        PageHttp.Reply started = http.post(path(link), form("lang", "ar"), null);
        assertEquals(410, started.status());
        assertTrue(started.body().contains("هذا الاستبيان لم يعد متاحًا"), started.body());
        String teamPage = http.get("/admin/teams/" + team.id() + "?lang=nl", admin).body();
        assertTrue(teamPage.contains("de vragenlijst wordt niet meer aangeboden: uitnodigingen werken niet"),
                "the admin sees why the round's invitations do not work: " + teamPage);

        flowOf(round, WERK_JIJ);
        use(link); // still unused: it starts now
    }

    private void flowOf(long round, String flow) throws java.sql.SQLException {
        try (java.sql.Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             java.sql.PreparedStatement st = c.prepareStatement("UPDATE survey_round SET flow_id = ? WHERE id = ?")) {
            st.setString(1, flow);
            st.setLong(2, round);
            st.executeUpdate();
        }
    }

    @Test
    void aRoundEndToEnd() throws Exception {
        for (int i = 0; i < 5; i++) {
            respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of("opmerking", "Via de teamlink " + i));
        }
        long round = openRound(WERK_JIJ, 6);
        List<String> links = links(round);
        assertEquals(6, links.size());
        assertEquals(6, new TreeSet<>(links).size(), "six different codes");

        String sheet = http.get("/admin/rounds/" + round + "/sheet?lang=nl", admin).body();
        Matcher qr = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(sheet);
        List<String> read = new ArrayList<>();
        while (qr.find()) {
            read.add(QrReader.read(Base64.getDecoder().decode(qr.group(1))));
        }
        assertEquals(new TreeSet<>(links), new TreeSet<>(read), "each QR code on the sheet reads as its link");

        assertEquals(403, http.get("/admin/rounds/" + round + "/links.csv", manager).status(), "managers never get codes");
        assertEquals(403, http.get("/admin/rounds/" + round + "/sheet", manager).status());

        for (int i = 0; i < 5; i++) {
            respondents.finishStarted(use(links.get(i)), Map.of("opmerking", "In de ronde " + i));
        }
        // opening a code tells nothing about its holder: a used one and the unused one show the same page
        PageHttp.Reply usedPage = http.get(path(links.get(0)) + "?lang=nl", null);
        PageHttp.Reply unusedPage = http.get(path(links.get(5)) + "?lang=nl", null);
        assertEquals(List.of(200, 200), List.of(usedPage.status(), unusedPage.status()));
        assertEquals(unusedPage.body().replace(code(links.get(5)), "CODE"), usedPage.body().replace(code(links.get(0)), "CODE"),
                "someone who saw another's code cannot tell by opening it whether that person began");
        PageHttp.Reply again = http.post(path(links.get(0)), form("lang", "nl"), null);
        assertEquals(410, again.status());
        assertTrue(again.body().contains("Deze uitnodiging is al gebruikt"), again.body());
        PageHttp.Reply againEn = http.post(path(links.get(0)), form("lang", "en"), null);
        assertTrue(againEn.body().contains("This invitation has been used"), againEn.body());

        String open = flowPage(WERK_JIJ);
        assertFalse(open.contains("In de ronde") || open.contains("Via de teamlink"), "nothing while the round is open");
        assertFalse(open.contains("id=\"respondents\""));

        assertEquals(303, http.post("/admin/rounds/" + round + "/close", form("lang", "nl"), admin).status());
        String closed = flowPage(WERK_JIJ);
        assertTrue(closed.contains("<strong id=\"respondents\">5</strong>"), closed);
        assertTrue(closed.contains("5 van 6 uitgenodigden deden mee"), "the response rate");
        assertTrue(closed.contains("In de ronde 0"));
        assertFalse(closed.contains("Via de teamlink"), "the join link's conversations are not in the figures");
        for (String link : links) {
            assertFalse(closed.contains(link.substring(link.indexOf("/i/") + 3)), "no code on the manager's page");
        }
        new SmallCellChecker(5).page(closed);
        byte[] csv = HttpClient.newHttpClient().send(http.request("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ
                + "/export.csv?lang=nl").header("Cookie", manager).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        List<List<String>> export = ExcelCsv.read(csv);
        assertEquals(6, export.size(), "a header and the five of the round");
        assertFalse(new String(csv, StandardCharsets.UTF_8).contains("Via de teamlink"));
        new SmallCellChecker(5).export(export, "(verborgen");
        // the round's remarks are in the texts' file, apart from the rows; the join link's are not
        byte[] texts = HttpClient.newHttpClient().send(http.request("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ
                + "/export-texts.csv?lang=nl").header("Cookie", manager).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        String textsRead = new String(texts, StandardCharsets.UTF_8);
        assertTrue(textsRead.contains("In de ronde 0") && !textsRead.contains("Via de teamlink"), textsRead);
        new SmallCellChecker(5).texts(ExcelCsv.read(texts));

        PageHttp.Reply late = http.post(path(links.get(5)), form("lang", "nl"), null);
        assertEquals(410, late.status());
        assertTrue(late.body().contains("Deze ronde is gesloten"), "a closed round takes no more answers");
        assertEquals(303, http.post("/admin/rounds/" + round + "/close", form("lang", "nl"), admin).status());
        assertTrue(flowPage(WERK_JIJ).contains("5 van 6"), "closing again changes nothing; nothing reopens it");

        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            Set<String> columns = new TreeSet<>();
            try (ResultSet r = c.getMetaData().getColumns(null, null, "round_invitation", null)) {
                while (r.next()) {
                    columns.add(r.getString("COLUMN_NAME").toLowerCase());
                }
            }
            assertEquals(Set.of("code", "round_id", "used"), columns, "an invitation keeps that it was used, nothing more");
            try (ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM round_invitation WHERE round_id = " + round + " AND used")) {
                r.next();
                assertEquals(5, r.getInt(1));
            }
        }
    }

    @Test
    void paddingWithDontKnowDoesNotReachK() {
        long round = openRound(WERK_JIJ, 6);
        List<String> links = links(round);
        respondents.finishStarted(use(links.get(0)), Map.of("opmerking", "De enige echte"));
        for (int i = 1; i < 5; i++) {
            respondents.finishStartedSayingNothing(use(links.get(i)));
        }
        for (int i = 0; i < 4; i++) {
            respondents.finishSayingNothing(WERK_JIJ, "nl", Origin.team(team.id()));
        }
        http.post("/admin/rounds/" + round + "/close", form("lang", "nl"), admin);
        String page = flowPage(WERK_JIJ);
        assertFalse(page.contains("De enige echte"));
        assertFalse(page.contains("id=\"respondents\""), "four padded invitations and four through the join link: nothing");

        long resident = openRound("wijkanalyse", 0);
        ResidentLink link = residentLinks.create("wijkanalyse", "nl", new Origin(team.id(), "Noord"), null);
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PageHttp.Reply r = http.post(ResidentLinks.path(link), form("lang", "nl"), null);
            assertEquals(303, r.status(), r.body());
            started.add(r.location().substring("/c/".length()));
        }
        respondents.finishStarted(started.get(0), Map.of("goed_in_wijk", "Alleen ik zei iets"));
        for (int i = 1; i < 10; i++) {
            respondents.finishStartedSayingNothing(started.get(i));
        }
        http.post("/admin/rounds/" + resident + "/close", form("lang", "nl"), admin);
        String wijk = flowPage("wijkanalyse");
        assertFalse(wijk.contains("Alleen ik zei iets"));
        assertFalse(wijk.contains("id=\"respondents\""), "nine padded resident conversations do not reach k = 10");
    }

    /**
     * Conversations finished through the join link and in a round of fewer than k count in no figures; the page
     * said "Nog niemand heeft dit gesprek in dit team afgerond", which was untrue. It says that no closed round of
     * at least k has results yet: the same words as for a team where nobody finished, so no number below k shows;
     * the team's page, which said 0 finished, says so in short.
     */
    @Test
    void finishedOutsideACountedRoundIsNotCalledNobody() {
        String none = flowPage(WERK_JIJ);
        finishOutsideACountedRound();

        String page = flowPage(WERK_JIJ);
        assertFalse(page.contains("Nog niemand"), page);
        String sentence = "Nog geen cijfers: er is nog geen gesloten ronde waarin minstens 5 mensen dit gesprek in dit team"
                + " hebben afgerond. Gesprekken buiten een ronde tellen niet mee. De cijfers van een ronde verschijnen kort nadat die sloot.";
        assertTrue(page.contains(sentence), page);
        assertTrue(none.contains(sentence), "the same words when nobody finished: " + none);
        assertFalse(page.contains("id=\"respondents\"") || page.contains("Via de teamlink") || page.contains("In een kleine ronde"));
        String arabic = http.get("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "?lang=ar", manager).body();
        assertTrue(arabic.contains("لا توجد أرقام بعد: لا توجد حتى الآن جولة مغلقة أكمل فيها 5 أشخاص على الأقل"), arabic);
        assertFalse(arabic.contains("لم يكمل أحد"), arabic);

        String teamPage = http.get("/dashboard/teams/" + team.id() + "?lang=nl", manager).body();
        Matcher card = Pattern.compile("flows/" + WERK_JIJ + "\\?lang=nl\">[^<]*</a></h2>\\s*<dl class=\"facts\">\\s*"
                + "<dt>[^<]*</dt><dd class=\"count\">([^<]*)</dd>").matcher(teamPage);
        assertTrue(card.find(), teamPage);
        assertEquals("nog geen gesloten ronde van minstens 5", card.group(1), "not 0 finished");
    }

    /**
     * A round without invitations collects what the team's resident links bring in while it is open; the form sent
     * twice (a double click, a retry) opened a second one beside it, which took everything from then on and left the
     * first open and empty: a round the intermediair's count numbers and the manager's pages do not. Now the second is
     * refused in the admin's language, and once the first is closed a new one opens.
     */
    @Test
    void oneRoundWithoutInvitationsCollectsAtATime() {
        long first = openRound("wijkanalyse", 0);
        PageHttp.Reply again = http.post("/admin/teams/" + team.id() + "/rounds", form("lang", "nl", "flow", "wijkanalyse",
                "closes", LocalDate.now().plusDays(14).toString(), "invited", "0"), admin);
        assertEquals(422, again.status(), again.body());
        assertTrue(again.body().contains("Voor deze vragenlijst loopt al een ronde zonder uitnodigingen"), again.body());
        PageHttp.Reply inEnglish = http.post("/admin/teams/" + team.id() + "/rounds", form("lang", "en", "flow", "wijkanalyse",
                "closes", LocalDate.now().plusDays(14).toString(), "invited", "0"), admin);
        assertTrue(inEnglish.body().contains("A round without invitations is already open for this questionnaire"), inEnglish.body());
        String page = http.get("/admin/teams/" + team.id() + "?lang=nl", admin).body();
        assertEquals(1, Pattern.compile("action=\"/admin/rounds/\\d+/close\"").matcher(page).results().count(),
                "one open round: " + page);

        openRound(WERK_JIJ, 3); // a round with invitations beside it is another matter: each code names its round
        assertEquals(303, http.post("/admin/rounds/" + first + "/close", form("lang", "nl"), admin).status());
        assertNotEquals(first, openRound("wijkanalyse", 0), "once it is closed, the next one opens");
    }

    /** Six finish through the join link and three in a round of three, closed: none of them counts (k is 5). */
    private void finishOutsideACountedRound() {
        for (int i = 0; i < 6; i++) {
            respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of("opmerking", "Via de teamlink " + i));
        }
        long round = openRound(WERK_JIJ, 3);
        for (String link : links(round)) {
            respondents.finishStarted(use(link), Map.of("opmerking", "In een kleine ronde"));
        }
        assertEquals(303, http.post("/admin/rounds/" + round + "/close", form("lang", "nl"), admin).status());
    }

    /**
     * A question's page, for a flow without figures, said "Minder dan 5 mensen hebben dit gesprek in dit team
     * afgerond" while six had through the join link and three in a round of fewer than k. It says what the flow's
     * page says: no closed round of at least k yet, the same words as when nobody finished.
     */
    @Test
    void aQuestionFinishedOutsideACountedRoundIsNotCalledFewerThanK() {
        String none = questionPage(WERK_JIJ, "opmerking", "nl");
        finishOutsideACountedRound();

        String page = questionPage(WERK_JIJ, "opmerking", "nl");
        assertFalse(page.contains("Minder dan 5 mensen"), page);
        Matcher notShown = Pattern.compile("id=\"not-shown\">([^<]*)</p>").matcher(page);
        assertTrue(notShown.find(), page);
        assertEquals("Nog geen cijfers: er is nog geen gesloten ronde waarin minstens 5 mensen dit gesprek in dit team"
                + " hebben afgerond. Gesprekken buiten een ronde tellen niet mee. De cijfers van een ronde verschijnen kort nadat die"
                + " sloot.", notShown.group(1));
        assertTrue(none.contains(notShown.group(1)), "the same words when nobody finished: " + none);
        assertFalse(page.contains("Via de teamlink") || page.contains("In een kleine ronde"), page);
        String arabic = questionPage(WERK_JIJ, "opmerking", "ar");
        assertTrue(arabic.contains("لا توجد أرقام بعد: لا توجد حتى الآن جولة مغلقة أكمل فيها 5 أشخاص على الأقل"), arabic);
        assertFalse(arabic.contains("أقل من 5 أشخاص"), arabic);
    }

    String questionPage(String flow, String step, String language) {
        PageHttp.Reply r = http.get("/dashboard/teams/" + team.id() + "/flows/" + flow + "/questions/" + step + "?lang=" + language,
                manager);
        assertEquals(200, r.status(), r.body());
        return r.body();
    }
}
