package nl.samenspraak.dashboard;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.Backdated;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.FileAccepts;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard as a manager sees it, with answers seeded through the real conversation service. */
@SharedService
class DashboardPagesTest {
    static final String PASSWORD = "a long enough password";
    static final String WERK_JIJ = "werk-jij-diversiteitsproof";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ConversationRepository conversations;
    @Inject
    DataSource dataSource;

    PageHttp http;
    @Inject
    Respondents respondents;
    Team team;
    String manager;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @BeforeEach
    void fixtures() {
        http = new PageHttp(server.getURL().toString());
        team = teams.create("Dashboard " + suffix(), List.of("Oost", "West"));
        Account account = accounts.create("manager-" + suffix(), PASSWORD, Role.MANAGER);
        teams.addMember(team.id(), account.id());
        manager = http.login(account.username(), PASSWORD);
    }

    private String flowPage(String flow, String query) {
        PageHttp.Reply r = http.get("/dashboard/teams/" + team.id() + "/flows/" + flow + "?lang=nl" + query, manager);
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    private void finishWerkJij(int times, String wijk) {
        for (int i = 0; i < times; i++) {
            respondents.finish(WERK_JIJ, "nl", new Origin(team.id(), wijk), Map.of("netwerk_sleutelpersonen", "af_en_toe"));
        }
    }

    @Test
    void withFourResponsesNothingIsShownWithFiveTheFiguresAppear() {
        finishWerkJij(4, null);
        respondents.leaveUnfinished(WERK_JIJ, "nl", Origin.team(team.id()), 5);
        String four = flowPage(WERK_JIJ, "");
        assertTrue(four.contains("Minder dan 5 mensen hebben dit gesprek in dit team afgerond."), four);
        assertFalse(four.contains("id=\"respondents\""), "no count");
        assertFalse(four.contains("data-chart"), "no chart");
        assertFalse(four.contains("Ja, regelmatig"), "no answer distribution");
        String overview = http.get("/dashboard/teams/" + team.id() + "?lang=nl", manager).body();
        assertTrue(overview.contains("minder dan 5"), overview);
        // the residents' flow counts nobody below its own 10, and the page says so where it says 5
        assertTrue(overview.contains("We tonen nooit cijfers over minder dan 5 mensen")
                && overview.contains("Een hogere grens geldt voor: Uw mening over hulp bij opvoeden in uw wijk (10)."), overview);
        // no "Samenvatting van de laatste ronde" to a page that says there is no round to sum up
        assertFalse(overview.contains("/flows/" + WERK_JIJ + "/summary"), overview);
        assertEquals(409, http.get("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/export.csv?lang=nl", manager).status());

        finishWerkJij(1, null);
        String five = flowPage(WERK_JIJ, "");
        assertTrue(five.contains("<strong id=\"respondents\">5</strong>"), "the unfinished conversation is not counted");
        assertTrue(five.contains("data-chart"), "charts");
        assertTrue(five.contains("Werk je samen met migrantenorganisaties of sleutelpersonen uit de wijk?"));
        assertTrue(five.matches("(?s).*<th scope=\"row\">Af en toe</th><td>5</td><td>100</td>.*"), "five chose 'af en toe'");
        assertTrue(five.contains("Landelijke cijfers"), "the 2016 survey beside the question");
        assertTrue(five.contains("9 van 31") && five.contains("niet representatief"), "with its caveat");
        assertTrue(five.contains("Scores per onderdeel") && five.contains("Netwerk en randvoorwaarden"));
        assertTrue(five.contains("Verloop per maand"), "five in one month make a trend");
        String fiveOverview = http.get("/dashboard/teams/" + team.id() + "?lang=nl", manager).body();
        assertTrue(fiveOverview.contains("<dd class=\"count\">5</dd>"));
        // these tests count every finished conversation (rounds-only off): there is no round to sum up, and no link
        // to a summary (SummaryBrowserTest follows it where there is one)
        assertFalse(fiveOverview.contains("/flows/" + WERK_JIJ + "/summary"), fiveOverview);
    }

    /**
     * The exports go to a client that asks for them by their type (a spreadsheet tool, {@code curl -H 'Accept:
     * text/csv'}), as to a browser, to {@code *}{@code /*} and to none: such a client got 406, as if the address gave no
     * file. Where there is no file (too few people, a flow without export, another team's) the reply says why in the
     * manager's language, labelled as what it is, never as a spreadsheet.
     */
    @Test
    void theExportsGoToAClientThatAsksForThemByTypeAndWhereThereIsNoneTheReplySaysWhy() {
        java.util.function.Function<java.net.http.HttpRequest.Builder, java.net.http.HttpRequest.Builder> asManager =
                r -> r.header("Cookie", manager);
        String flow = "/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ;
        finishWerkJij(4, null);
        String tooFew = "Voor deze selectie is er geen export: ze zou iets laten zien over minder dan 5 mensen.";
        FileAccepts.CSV.assertError(http, flow + "/export.csv?lang=nl", asManager, 409, tooFew);
        FileAccepts.XLSX.assertError(http, flow + "/export.xlsx?lang=nl", asManager, 409, tooFew);
        FileAccepts.CSV.assertError(http, flow + "/export-texts.csv?lang=nl", asManager, 409, tooFew);
        FileAccepts.XLSX.assertError(http, flow + "/export.xlsx?lang=en", asManager, 409,
                "There is no export for this selection: it would show something about fewer than 5 people.");
        // a page, as the dashboard's other refusals are (it was a line of plain text), that leads back to the flow's page
        PageHttp.Reply refused = http.get(flow + "/export.csv?lang=nl", manager);
        assertTrue(refused.header("Content-Type").startsWith("text/html"), refused.header("Content-Type"));
        assertTrue(refused.body().contains("href=\"" + flow + "?lang=nl\""), refused.body());

        finishWerkJij(1, null);
        FileAccepts.CSV.assertFile(http, flow + "/export.csv?lang=nl", asManager);
        FileAccepts.XLSX.assertFile(http, flow + "/export.xlsx?lang=nl", asManager);
        // nobody wrote a remark: no texts' file, and no link to one (a file without a column would be odd)
        assertFalse(flowPage(WERK_JIJ, "").contains("export-texts.csv"), "no link to texts there are none of");
        FileAccepts.CSV.assertError(http, flow + "/export-texts.csv?lang=nl", asManager, 404, "Deze pagina bestaat niet");
        for (int i = 0; i < 5; i++) {
            respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of("opmerking", "Opmerking " + i));
        }
        assertTrue(flowPage(WERK_JIJ, "").contains("export-texts.csv"), "five wrote one, five did not: the texts have their file");
        // one column: no ';' in it, which FileAccepts.CSV takes for the mark of the file
        FileAccepts.CSV.each(http, flow + "/export-texts.csv?lang=nl", asManager, (accept, r) -> {
            assertEquals(200, r.status(), accept + ": " + r.body());
            assertTrue(r.header("Content-Type").startsWith("text/csv"), accept + ": " + r.header("Content-Type"));
            assertTrue(r.body().startsWith("\uFEFFopmerking\r\n") && r.body().contains("Opmerking 4\r\n"), accept + ": " + r.body());
        });

        String none = "/dashboard/teams/" + team.id() + "/flows/cultureel-interview";
        FileAccepts.CSV.assertError(http, none + "/export.csv?lang=nl", asManager, 404, "Deze pagina bestaat niet");
        FileAccepts.XLSX.assertError(http, none + "/export.xlsx?lang=nl", asManager, 404, "Deze pagina bestaat niet");
        FileAccepts.CSV.assertError(http, none + "/export-texts.csv?lang=nl", asManager, 404, "Deze pagina bestaat niet");
        Team other = teams.create("Ander team " + suffix(), List.of());
        String theirs = "/dashboard/teams/" + other.id() + "/flows/" + WERK_JIJ;
        FileAccepts.CSV.assertError(http, theirs + "/export.csv?lang=nl", asManager, 403, "Dit team hoort niet bij jouw teams.");
        FileAccepts.XLSX.assertError(http, theirs + "/export.xlsx?lang=nl", asManager, 403, "Dit team hoort niet bij jouw teams.");
        FileAccepts.CSV.assertError(http, theirs + "/export-texts.csv?lang=nl", asManager, 403, "Dit team hoort niet bij jouw teams.");
    }

    @Test
    void allButOneWijkCannotBeSubtractedFromAll() {
        finishWerkJij(5, "Oost");
        finishWerkJij(1, "West");
        String all = flowPage(WERK_JIJ, "");
        assertTrue(all.contains("<strong id=\"respondents\">6</strong>"), all);
        assertTrue(all.contains("Filteren op wijk kan nu niet"), "the wijk filter is switched off, and says why");
        String oost = flowPage(WERK_JIJ, "&wijk=Oost");
        assertTrue(oost.contains("id=\"refused\""), oost);
        assertFalse(oost.contains("id=\"respondents\""));
        assertEquals(409, http.get("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/export.csv?lang=nl&wijk=Oost", manager).status());
        assertEquals(409, http.get("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/export-texts.csv?lang=nl&wijk=Oost", manager).status());

        finishWerkJij(4, "West");
        String west = flowPage(WERK_JIJ, "&wijk=West");
        assertTrue(west.contains("<strong id=\"respondents\">5</strong>"), west);
    }

    @Test
    void aFilterTheFormDoesNotOfferIsShownAsAskedBesideWhatItGives() {
        finishWerkJij(5, "Oost");
        finishWerkJij(5, "West");
        // a wijk since renamed (a bookmark) or typed by hand: nobody answered there, and the form says which was asked
        String renamed = flowPage(WERK_JIJ, "&wijk=Zuid%20%3Cb%3E");
        assertTrue(renamed.contains("<option value=\"Zuid &lt;b&gt;\" selected>Zuid &lt;b&gt;</option>"), renamed);
        assertFalse(renamed.contains("<option value=\"\" selected"), "not \"Alle wijken\"");
        assertFalse(renamed.contains("id=\"respondents\""), renamed);
        // a month with nobody (or one the figures cannot be split by): the period asked for, in words
        String month = flowPage(WERK_JIJ, "&period=2025-03");
        assertFalse(month.contains("id=\"respondents\""), month);
        assertTrue(month.contains("<option value=\"2025-03\" selected>maart 2025</option>"), month);
        String nonsense = flowPage(WERK_JIJ, "&period=vorige-week");
        assertTrue(nonsense.contains("<option value=\"vorige-week\" selected>vorige-week</option>"), nonsense);
        // what the form offers is chosen as before, once
        String oost = flowPage(WERK_JIJ, "&wijk=Oost");
        assertEquals(1, oost.split("value=\"Oost\"", -1).length - 1, oost);
        assertTrue(oost.contains("<option value=\"Oost\" selected>Oost</option>"), oost);
    }

    /**
     * A team's first month: every conversation in one period drew a chart of one bar and one dot on an empty axis. The
     * period's figures stay in the table, and a line says when the course appears; from a second period on, the chart.
     */
    @Test
    void aTrendOfOnePeriodIsItsTableAndSaysWhenTheCourseAppears() throws SQLException {
        finishWerkJij(5, null);
        String one = flowPage(WERK_JIJ, "");
        String month = DateTimeFormatter.ofPattern("LLLL yyyy", Locale.forLanguageTag("nl"))
                .format(YearMonth.now(ZoneId.of("Europe/Amsterdam")));
        assertTrue(one.contains("id=\"table-trend\""), "the period's figures: " + one);
        assertFalse(one.contains("id=\"chart-trend\""), "no chart of one bar");
        assertTrue(one.contains("Alle getoonde gesprekken vallen in " + month
                + ". Het verloop per maand verschijnt zodra er ook gesprekken uit een volgende maand zijn."), one);

        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            earlier.add(respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of("netwerk_sleutelpersonen", "regelmatig")));
        }
        Backdated.started(dataSource, Duration.ofDays(62), earlier);
        String two = flowPage(WERK_JIJ, "");
        assertTrue(two.contains("id=\"chart-trend\""), "two months: a course to draw: " + two);
        assertFalse(two.contains("id=\"trend-one-period\""), two);
    }

    @Test
    void declinedResidentsCountNowhere() {
        for (int i = 0; i < 5; i++) {
            respondents.finish("wijkanalyse", "nl", new Origin(team.id(), "Oost"), Map.of("toestemming", "nee"));
        }
        String page = flowPage("wijkanalyse", "");
        assertTrue(page.contains("Nog niemand heeft dit gesprek in dit team afgerond."), page);
    }

    @Test
    void theTopiclijstIsShownInFullAndDatedToTheTeamsManagers() {
        String id = respondents.finish("topiclijst", "nl", Origin.team(team.id()),
                Map.of("wijk", "Oude Haven & Noord", "beeld_opvallend", "Veel nieuwe gezinnen uit Polen."));
        String page = flowPage("topiclijst", "");
        assertTrue(page.contains("Oude Haven &amp; Noord"), page);
        assertTrue(page.contains("Veel nieuwe gezinnen uit Polen."));
        String date = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag("nl")).format(conversations.findById(id).orElseThrow().createdAt()
                        .atZone(java.time.ZoneId.of("Europe/Amsterdam")));
        assertTrue(page.contains("Gesprek van " + date), "dated, though it is one conversation: " + date);
        assertFalse(page.contains(id), "no conversation id");
        String overview = http.get("/dashboard/teams/" + team.id() + "?lang=nl", manager).body();
        assertTrue(overview.contains("Topiclijst voortgangsgesprek"));

        assertEquals(403, http.post("/dashboard/teams/" + team.id() + "/flows/topiclijst/start", PageHttp.form("lang", "nl"),
                manager, java.util.Map.of()).status(), "no talk started by a post that does not say it comes from this site");
        PageHttp.Reply start = http.post("/dashboard/teams/" + team.id() + "/flows/topiclijst/start", PageHttp.form("lang", "nl"), manager);
        assertEquals(303, start.status(), start.body());
        String started = start.location().substring(start.location().lastIndexOf('/') + 1);
        assertEquals(team.id(), conversations.findById(started).orElseThrow().teamId(), "a new talk counts under the team");
        // its chat ends with the way back to the dashboard, where the talk is listed, not at the public start page
        String chat = http.get(start.location(), manager).body();
        assertTrue(chat.contains("data-home=\"/dashboard?lang=nl\""), chat);
        String respondentsChat = http.get("/c/" + respondents.finish("werk-jij-diversiteitsproof", "nl", Origin.team(team.id()),
                Map.of()), null).body();
        assertTrue(respondentsChat.contains("data-home=\"/?lang=nl\""), "any other chat leads to the start page: " + respondentsChat);
    }

    @Test
    void cultureelInterviewAnswersAppearInNoDashboardAndNoExport() {
        for (int i = 0; i < 6; i++) {
            respondents.finish("cultureel-interview", "nl", Origin.team(team.id()), Map.of());
        }
        String overview = http.get("/dashboard/teams/" + team.id() + "?lang=nl", manager).body();
        assertFalse(overview.contains("cultureel-interview"), overview);
        assertFalse(overview.contains("Cultureel interview"), overview);
        PageHttp.Reply interview = http.get("/dashboard/teams/" + team.id() + "/flows/cultureel-interview?lang=nl", manager);
        assertEquals(404, interview.status());
        // a page that says so in the manager's language and leads home, not an empty answer
        assertTrue(interview.body().contains("Deze pagina bestaat niet"), interview.body());
        assertEquals(404, http.get("/dashboard/teams/" + team.id() + "/flows/cultureel-interview/export.csv?lang=nl", manager).status());
        assertEquals(404, http.get("/dashboard/teams/" + team.id() + "/flows/cultureel-interview/export.xlsx?lang=nl", manager).status());
        assertEquals(404, http.get("/dashboard/teams/" + team.id() + "/flows/cultureel-interview/export-texts.csv?lang=nl", manager).status());
        assertEquals(404, http.post("/dashboard/teams/" + team.id() + "/flows/cultureel-interview/start", PageHttp.form("lang", "nl"), manager).status());
    }

    @Test
    void aManagerSeesOnlyTheirOwnTeamsAndAnAdminSeesAll() {
        Team other = teams.create("Ander team " + suffix(), List.of());
        String dashboard = http.get("/dashboard?lang=nl", manager).body();
        assertTrue(dashboard.contains(team.name()));
        assertFalse(dashboard.contains(other.name()));
        for (String path : List.of("", "/flows/" + WERK_JIJ, "/flows/" + WERK_JIJ + "/export.csv", "/flows/" + WERK_JIJ + "/export.xlsx",
                "/flows/" + WERK_JIJ + "/export-texts.csv",
                "/flows/" + WERK_JIJ + "/summary", "/flows/" + WERK_JIJ + "/report.pdf", "/flows/nope")) {
            PageHttp.Reply r = http.get("/dashboard/teams/" + other.id() + path + "?lang=nl", manager);
            assertEquals(403, r.status(), path);
            assertTrue(r.body().contains("Dit team hoort niet bij jouw teams."), r.body());
            assertEquals("no-store", r.header("Cache-Control"), path);
        }
        PageHttp.Reply refusedForm = http.post("/dashboard/teams/" + other.id() + "/flows/topiclijst/start", PageHttp.form("lang", "en"), manager);
        assertEquals(403, refusedForm.status());
        assertTrue(refusedForm.body().contains("This team is not one of your teams."), "in the form's language: " + refusedForm.body());
        // the account bar follows the role: a manager's has the dashboard and no admin links
        assertTrue(dashboard.contains("href=\"/dashboard?lang=nl\"") && !dashboard.contains("/admin/teams?lang=nl"), dashboard);
        assertEquals(403, http.get("/dashboard/teams/999999999?lang=nl", manager).status(), "a team that does not exist looks the same");

        Account admin = accounts.create("admin-" + suffix(), PASSWORD, Role.ADMIN);
        String adminCookie = http.login(admin.username(), PASSWORD);
        assertEquals(200, http.get("/dashboard/teams/" + other.id() + "?lang=nl", adminCookie).status());
        PageHttp.Reply gone = http.get("/dashboard/teams/999999999/flows/" + WERK_JIJ + "?lang=nl", adminCookie);
        assertEquals(404, gone.status(), "an admin sees every team: one they cannot see does not exist");
        assertTrue(gone.body().contains("<h1>Deze pagina bestaat niet</h1>"), gone.body());
        String adminDashboard = http.get("/dashboard?lang=nl", adminCookie).body();
        assertTrue(adminDashboard.contains(other.name()));
        assertTrue(adminDashboard.contains("href=\"/admin/teams?lang=nl\"") && adminDashboard.contains("href=\"/dashboard?lang=nl\""),
                "an admin's account bar has the admin links and the dashboard");
    }

    @Test
    void theDashboardSpeaksTheManagersLanguageRightToLeftInArabic() {
        finishWerkJij(5, null);
        String page = http.get("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "?lang=ar", manager).body();
        assertTrue(page.contains("<html lang=\"ar\" dir=\"rtl\">"), page);
        assertTrue(page.contains("من حين لآخر"), "option labels in Arabic");
        assertTrue(page.contains("لوحة المعلومات"));
    }
}
