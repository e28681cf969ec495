package nl.samenspraak.dashboard;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.ExcelCsv;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SmallCellChecker;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks of a curious manager (issue 9), each reproduced and each page and file they touch passed through
 * the one {@link SmallCellChecker}: the dashboard's team and flow pages (unfiltered and per filter), both exports,
 * the admin's team pages, and (issue 15) the compare page, every question's drill-down page and the team report.
 */
@SharedService
class SmallCellAttacksTest {
    static final String PASSWORD = "a long enough password";
    static final String WERK_JIJ = "werk-jij-diversiteitsproof";
    static final String WIJKANALYSE = "wijkanalyse";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    TeamDashboards dashboards;
    @Inject
    FlowLibrary library;
    @Inject
    DataSource dataSource;
    @Inject
    TeamReportPdf report;
    @Inject
    nl.samenspraak.intermediair.ResidentLinks residentLinks;

    PageHttp http;
    @Inject
    Respondents respondents;
    @Inject
    nl.samenspraak.conversation.DeleteConversation forget;
    Team team;
    String manager;
    String admin;

    @BeforeEach
    void fixtures() {
        http = new PageHttp(server.getURL().toString());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = teams.create("Cellen " + suffix, List.of("Noord", "Zuid"));
        Account account = accounts.create("cel-manager-" + suffix, PASSWORD, Role.MANAGER);
        teams.addMember(team.id(), account.id());
        manager = http.login(account.username(), PASSWORD);
        Account boss = accounts.create("cel-admin-" + suffix, PASSWORD, Role.ADMIN);
        admin = http.login(boss.username(), PASSWORD);
    }

    int k(String flow) {
        return dashboards.minimumGroupSize(library.flow(flow).orElseThrow());
    }

    String page(String path) {
        PageHttp.Reply r = http.get(path, path.startsWith("/admin") ? admin : manager);
        assertEquals(200, r.status(), path + ": " + r.body());
        return r.body();
    }

    String flowPage(String flow, String query) {
        return page("/dashboard/teams/" + team.id() + "/flows/" + flow + "?lang=nl" + query);
    }

    HttpResponse<byte[]> download(String flow, String kind, String query) {
        return file(flow, "export." + kind, query);
    }

    /** {@code file}: "export.csv", "export.xlsx" or "export-texts.csv". */
    HttpResponse<byte[]> file(String flow, String file, String query) {
        try {
            return HttpClient.newHttpClient().send(http.request("/dashboard/teams/" + team.id() + "/flows/" + flow + "/"
                    + file + "?lang=nl" + query).header("Cookie", manager).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<List<String>> xlsx(byte[] file) {
        return xlsx(file, 0);
    }

    /** The sheet {@code index} of a workbook (0 the rows, 1 the free texts), each row as wide as its header. */
    static List<List<String>> xlsx(byte[] file, int index) {
        return new ArrayList<>(nl.samenspraak.support.XlsxSheets.read(file).values()).get(index);
    }

    /** Every page and file of this flow for these selections, and the admin's team pages, through the checker. */
    List<List<String>> checkEverything(String flow, String... queries) {
        SmallCellChecker checker = new SmallCellChecker(k(flow));
        // the pages about every flow hold the service's k (a flow may have a larger one of its own)
        SmallCellChecker service = new SmallCellChecker(dashboards.minimumGroupSize());
        service.page(page("/dashboard/teams/" + team.id() + "?lang=nl"));
        service.page(page("/admin/teams?lang=nl"));
        service.page(page("/admin/teams/" + team.id() + "?lang=nl"));
        List<List<String>> unfiltered = null;
        List<String> all = new ArrayList<>(List.of(""));
        all.addAll(List.of(queries));
        // issue 15: the compare page, each question's own page (searched too), and the team report of the latest round
        var theFlow = library.flow(flow).orElseThrow();
        checker.page(page("/dashboard/teams/" + team.id() + "/flows/" + flow + "/compare?lang=nl"));
        var comparison = RoundComparison.of(theFlow, new MinimumGroupSize(k(flow)), dashboards.countedRounds(team, theFlow));
        comparison.summary(null).ifPresent(s -> checker.page(report.html(team, theFlow, comparison, s, "nl")));
        for (String query : all) {
            for (var step : theFlow.steps()) {
                if (step.asksSomething() && !step.consent()) {
                    String question = "/dashboard/teams/" + team.id() + "/flows/" + flow + "/questions/" + step.id() + "?lang=nl" + query;
                    checker.page(page(question));
                    if (step.type() == nl.samenspraak.flow.StepType.TEXT) {
                        checker.page(page(question + "&q=e"));
                    }
                }
            }
            checker.page(flowPage(flow, query));
            HttpResponse<byte[]> csv = download(flow, "csv", query);
            HttpResponse<byte[]> xlsx = download(flow, "xlsx", query);
            assertEquals(csv.statusCode(), xlsx.statusCode());
            HttpResponse<byte[]> texts = file(flow, "export-texts.csv", query);
            if (csv.statusCode() == 200) {
                List<List<String>> read = ExcelCsv.read(csv.body());
                checker.export(read, "(verborgen");
                checker.export(xlsx(xlsx.body()), "(verborgen");
                // the free texts apart from the rows: their own file and sheet, or neither when the rows would hold none
                assertTrue(texts.statusCode() == 200 || texts.statusCode() == 404, "texts: " + texts.statusCode());
                if (texts.statusCode() == 200) {
                    checker.texts(ExcelCsv.read(texts.body()));
                    checker.texts(xlsx(xlsx.body(), 1));
                }
                if (query.isEmpty()) {
                    unfiltered = read;
                }
            } else {
                assertEquals(409, csv.statusCode(), "no file, or a file that passes");
                assertEquals(409, texts.statusCode(), "no texts' file either");
            }
        }
        return unfiltered;
    }

    static Map<String, Object> answers(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /**
     * Noord: k+1 residents answer `schaamte` and write at `goed_in_wijk`, k skip both; Zuid: one of k does. The
     * page shows those answers for the whole team only; the unfiltered export used to hold them beside a Wijk
     * column, so the one Zuid resident's answers stood in a row marked Zuid. Leaving the Wijk column out was not
     * enough (Zuid's own export finds Zuid's rows, {@link #twoExportsLinkedRowByRowIsolateNobody}): no export holds
     * those answers, and the Wijk column is harmless beside the rest.
     */
    @Test
    void theExportHasNoWijkColumnThatIsolatesOneWijksAnswers() {
        int k = k(WIJKANALYSE);
        for (int i = 0; i <= k; i++) {
            respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Noord"), answers("schaamte", "ja", "goed_in_wijk", "Buurthuis " + i));
        }
        for (int i = 0; i < k; i++) {
            respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Noord"), answers("schaamte", null, "goed_in_wijk", null));
        }
        respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Zuid"), answers("schaamte", "nee", "goed_in_wijk", "Alleen in Zuid geschreven"));
        for (int i = 1; i < k; i++) {
            respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Zuid"), answers("schaamte", null, "goed_in_wijk", null));
        }
        String zuid = flowPage(WIJKANALYSE, "&wijk=Zuid");
        assertFalse(zuid.contains("Alleen in Zuid geschreven"), "the page per wijk hides it");
        List<List<String>> export = checkEverything(WIJKANALYSE, "&wijk=Zuid", "&wijk=Noord");
        assertTrue(flowPage(WIJKANALYSE, "").contains("Alleen in Zuid geschreven"), "the page shows the whole team's texts");
        assertFalse(export.get(0).contains("goed_in_wijk") || export.get(0).contains("schaamte"), "no export holds them: " + export.get(0));
        assertTrue(export.stream().noneMatch(r -> r.contains("Alleen in Zuid geschreven")));
        HttpResponse<byte[]> texts = file(WIJKANALYSE, "export-texts.csv", "");
        assertFalse(texts.statusCode() == 200 && new String(texts.body(), java.nio.charset.StandardCharsets.UTF_8)
                .contains("Alleen in Zuid geschreven"), "nor the texts' file");
        assertTrue(export.stream().skip(1).allMatch(r -> r.get(3).equals("Noord") || r.get(3).equals("Zuid")),
                "and the Wijk column is shown beside the rest");
    }

    /**
     * Two exports of one team, row by row: Noord k+1 residents answer `schaamte` and k skip it, in Zuid one of k
     * does. The whole team's export held `schaamte` without a Wijk column; Zuid's export holds Zuid's k rows without
     * it. Each row's other answers are its own (here, as in life, nearly every row differs), so every Zuid row is
     * found among the whole team's rows, and the one Zuid resident's "ja" stood in a row now known to be Zuid's: the
     * Wijk column refused in one file came back from the other.
     */
    @Test
    void twoExportsLinkedRowByRowIsolateNobody() {
        int k = k(WIJKANALYSE);
        int[] n = {0};
        java.util.function.Function<String, Map<String, Object>> own = schaamte -> {
            int i = n[0]++;
            // the key: questions of scores no wijk hides (trust counts on schaamte, which Zuid answered once, so
            // Zuid's page and every export leave trust's questions out)
            return answers("schaamte", schaamte, "weet_waar_hulp", 1 + i % 5,
                    "medewerkers_begrijpen", List.of("ja", "een_beetje", "nee").get(i / 5 % 3), "aanmelden_makkelijk", 1 + i / 15 % 5);
        };
        for (int i = 0; i <= k; i++) {
            respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Noord"), own.apply("nee"));
        }
        for (int i = 0; i < k; i++) {
            respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Noord"), own.apply(null));
        }
        respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Zuid"), own.apply("ja"));
        for (int i = 1; i < k; i++) {
            respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Zuid"), own.apply(null));
        }
        assertTrue(flowPage(WIJKANALYSE, "").contains("<option value=\"Zuid\""), "the wijk filter may be used");
        List<List<String>> whole = ExcelCsv.read(download(WIJKANALYSE, "csv", "").body());
        List<List<String>> zuid = ExcelCsv.read(download(WIJKANALYSE, "csv", "&wijk=Zuid").body());

        // the attack: the question columns both files hold are the key, the whole team's row is the answer
        List<String> shared = zuid.get(0).stream().skip(5).filter(whole.get(0)::contains).toList();
        List<String> onlyInWhole = whole.get(0).stream().skip(5).filter(h -> !zuid.get(0).contains(h)).toList();
        Map<List<String>, List<List<String>>> byKey = new HashMap<>();
        for (List<String> row : whole.subList(1, whole.size())) {
            byKey.computeIfAbsent(shared.stream().map(h -> row.get(whole.get(0).indexOf(h))).toList(), x -> new ArrayList<>()).add(row);
        }
        int found = 0;
        List<String> learnt = new ArrayList<>();
        for (List<String> row : zuid.subList(1, zuid.size())) {
            List<List<String>> matches = byKey.getOrDefault(shared.stream().map(h -> row.get(zuid.get(0).indexOf(h))).toList(), List.of());
            if (matches.size() == 1) {
                found++;
                onlyInWhole.stream().map(h -> matches.get(0).get(whole.get(0).indexOf(h))).filter(v -> !v.isEmpty()).forEach(learnt::add);
            }
        }
        assertEquals(k, found, "every Zuid row is found among the whole team's rows by its other answers");
        assertEquals(List.of(), learnt, "but the whole team's rows tell nothing of Zuid's that Zuid's own export leaves out");
        checkEverything(WIJKANALYSE, "&wijk=Zuid", "&wijk=Noord");
    }

    /**
     * A question asked differently under an earlier version (every question is, for a version never recorded):
     * Noord has 2k under the old version and k under the new one, Zuid k-1 under the new one and one under the
     * old. The wijk filter is usable, the version filter is not; a Wijk column beside the per-version columns
     * would show the k-1 new-version answers of Zuid, and so would Zuid's own rows found again in the whole team's
     * export (see {@link #twoExportsLinkedRowByRowIsolateNobody}): no export holds those columns.
     */
    @Test
    void perVersionColumnsBesideAWijkColumnIsolateNobody() throws SQLException {
        int k = k(WERK_JIJ);
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 2 * k; i++) {
            old.add(respondents.finish(WERK_JIJ, "nl", new Origin(team.id(), "Noord"), Map.of()));
        }
        for (int i = 0; i < k; i++) {
            respondents.finish(WERK_JIJ, "nl", new Origin(team.id(), "Noord"), Map.of());
        }
        for (int i = 1; i < k; i++) {
            respondents.finish(WERK_JIJ, "nl", new Origin(team.id(), "Zuid"), Map.of());
        }
        old.add(respondents.finish(WERK_JIJ, "nl", new Origin(team.id(), "Zuid"), Map.of()));
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE conversation SET flow_version = 'oud' WHERE id = ?")) {
            for (String id : old) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }
        List<List<String>> export = checkEverything(WERK_JIJ, "&wijk=Zuid", "&wijk=Noord", "&version=oud");
        assertTrue(export.get(0).stream().noneMatch(h -> h.contains("versie oud")), "no per-version columns: " + export.get(0));
        assertTrue(export.stream().skip(1).allMatch(r -> r.get(3).equals("Noord") || r.get(3).equals("Zuid")), "the Wijk column is harmless");
    }

    /** One real answer and k-1 conversations saying only "weet ik niet" (join link and resident link): below k. */
    @Test
    void paddingWithDontKnowReachesNothing() {
        int k = k(WERK_JIJ);
        respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of("opmerking", "Mijn eigen mening"));
        for (int i = 1; i < k; i++) {
            respondents.finishSayingNothing(WERK_JIJ, "nl", Origin.team(team.id()));
        }
        String page = flowPage(WERK_JIJ, "");
        assertTrue(page.contains("id=\"too-few\""), "fewer than k conversations with information");
        assertFalse(page.contains("Mijn eigen mening"));
        assertEquals(409, download(WERK_JIJ, "csv", "").statusCode());

        int residents = k(WIJKANALYSE);
        respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Noord"), answers("goed_in_wijk", "Mijn buurt"));
        for (int i = 1; i < residents; i++) {
            respondents.finishSayingNothing(WIJKANALYSE, "nl", new Origin(team.id(), "Noord"));
        }
        assertTrue(flowPage(WIJKANALYSE, "").contains("id=\"too-few\""));
        checkEverything(WERK_JIJ);
        checkEverything(WIJKANALYSE);
    }

    /**
     * The admin pages said "Gesprekken: minstens 5" of a team, counting every conversation started: an admin who
     * started k-1 through the team's join link saw it cross k when one other person pressed start, and fall back when
     * they said no or had their answers forgotten. The pages count nothing now; they read the same before anyone
     * began, after k-1 pads, and as one more begins, finishes and is forgotten.
     */
    @Test
    void adminPagesReadTheSameWhateverOnePersonDoes() {
        String list = admin(page("/admin/teams?lang=nl"));
        String one = admin(page("/admin/teams/" + team.id() + "?lang=nl"));
        assertTrue(one.contains("href=\"/dashboard/teams/" + team.id() + "?lang=nl\""), "the way to the team's figures: " + one);
        int k = k(WERK_JIJ);
        for (int i = 1; i < k; i++) {
            respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of());
        }
        respondents.leaveUnfinished(WERK_JIJ, "nl", Origin.team(team.id()), 2);
        assertEquals(list, admin(page("/admin/teams?lang=nl")));
        assertEquals(one, admin(page("/admin/teams/" + team.id() + "?lang=nl")));
        checkEverything(WERK_JIJ);

        String last = respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of());
        assertEquals(list, admin(page("/admin/teams?lang=nl")), "one more conversation changes nothing the admin sees");
        assertEquals(one, admin(page("/admin/teams/" + team.id() + "?lang=nl")));
        assertTrue(forget.deleteOwn(last));
        assertEquals(one, admin(page("/admin/teams/" + team.id() + "?lang=nl")), "nor its being forgotten");
    }

    /** An admin page's main part, without the account bar. */
    private static String admin(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    /** 3k+1 people, 2k+1 wrote a remark: "k people did not" is fine, k-1 are not. */
    @Test
    void theAnsweredCountBesideThePeopleCountLeavesOutNoSmallGroup() {
        int k = k(WERK_JIJ);
        for (int i = 0; i < 2 * k + 2; i++) {
            respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of("opmerking", "Opmerking " + i));
        }
        for (int i = 1; i < k; i++) {
            respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of());
        }
        String page = flowPage(WERK_JIJ, "");
        assertTrue(page.contains("<strong id=\"respondents\">" + (3 * k + 1) + "</strong>"));
        assertFalse(page.contains("Opmerking 0"), "the remarks are hidden: k-1 did not write one");
        assertTrue(page.contains("wie deze vraag wel en wie haar niet beantwoordde, zou een groep van minder dan " + k
                + " mensen laten zien"), "and the page says why, without saying which side is small: " + page);
        assertFalse(page.contains("hebben deze vraag niet beantwoord"), "\"fewer than k did not answer\" told that some did not");
        checkEverything(WERK_JIJ);

        respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of());
        assertTrue(flowPage(WERK_JIJ, "").contains("Opmerking 0"), "k did not write one: the remarks show");
        checkEverything(WERK_JIJ);
    }

    /**
     * Noord has enough respondents, Zuid has fewer: the wijk filter is refused, and its drop-down lists no wijk at
     * all (Noord's k+1 beside the team's 2k would tell that k-1 are elsewhere); once Zuid has k, both are listed.
     */
    @Test
    void dropDownsListValuesOnlyWhenTheirFilterMayBeUsed() {
        int k = k(WERK_JIJ);
        for (int i = 0; i < k + 1; i++) {
            respondents.finish(WERK_JIJ, "nl", new Origin(team.id(), "Noord"), Map.of());
        }
        for (int i = 1; i < k; i++) {
            respondents.finish(WERK_JIJ, "nl", new Origin(team.id(), "Zuid"), Map.of());
        }
        String page = flowPage(WERK_JIJ, "");
        assertFalse(page.contains("<option value=\"Noord\""), "Noord beside the team's count would tell Zuid's");
        assertFalse(page.contains("<option value=\"Zuid\""), "Zuid has fewer than k");
        assertTrue(page.contains("id=\"wijk-note\""), "the page says why the wijk cannot be chosen");
        new SmallCellChecker(k).options(page, "wijk", Map.of("Noord", (long) k + 1, "Zuid", (long) k - 1));
        new SmallCellChecker(k).options(page, "version", Map.of(library.flow(WERK_JIJ).orElseThrow().version(), (long) 2 * k));

        respondents.finish(WERK_JIJ, "nl", new Origin(team.id(), "Zuid"), Map.of());
        page = flowPage(WERK_JIJ, "");
        assertTrue(page.contains("<option value=\"Noord\"") && page.contains("<option value=\"Zuid\""), page);
        assertFalse(page.contains("id=\"wijk-note\""));
        checkEverything(WERK_JIJ, "&wijk=Noord");
    }

    /**
     * k wrote a remark in Dutch and one in Polish: no "(Polski)" beside that one text, and no "(Nederlands)" beside
     * the others either, which would leave the one text without a label as the Polish writer's (and with it their
     * row in the export, where that text stands).
     */
    @Test
    void aLanguageLabelNeedsKTextsInThatLanguage() {
        int k = k(WERK_JIJ);
        for (int i = 0; i < k; i++) {
            respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of("opmerking", "Goed bezig " + i));
        }
        respondents.finish(WERK_JIJ, "pl", Origin.team(team.id()), Map.of("opmerking", "Dziękuję bardzo"));
        for (int i = 0; i < k; i++) {
            respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of());
        }
        String page = flowPage(WERK_JIJ, "");
        assertTrue(page.contains("Dziękuję bardzo"), "the text is there");
        assertFalse(page.contains("(Polski)"), "but not that one person wrote Polish");
        assertFalse(page.contains("(Nederlands)"), k + " wrote Dutch, but a label on theirs would point at the other one");
        checkEverything(WERK_JIJ);
    }

    /**
     * k+2 answered in Dutch, k of them wrote a remark (in Dutch); k answered in Polish and wrote none. The whole team's
     * page labelled the k remarks "(Nederlands)" (everyone who wrote one wrote Dutch), and the export's Taal column
     * (usable: k+2 and k) counted k+2 rows in Dutch: so two of those who answered in Dutch left the remark out, the
     * complement the page refuses everywhere else. A label needs, in every cell of the usable filters (the export's
     * language among them), those who wrote nothing to be nobody or at least k too.
     */
    @Test
    void aLanguageLabelBesideTheExportsLanguageColumnTellsNoFewSkipped() {
        int k = k(WERK_JIJ);
        for (int i = 0; i < k; i++) {
            respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of("opmerking", "Goed bezig " + i));
        }
        for (int i = 0; i < 2; i++) {
            respondents.finish(WERK_JIJ, "nl", Origin.team(team.id()), Map.of());
        }
        for (int i = 0; i < k; i++) {
            respondents.finish(WERK_JIJ, "pl", Origin.team(team.id()), Map.of());
        }
        String page = flowPage(WERK_JIJ, "");
        assertTrue(page.contains("Goed bezig 0"), "the remarks are there");
        List<List<String>> export = ExcelCsv.read(download(WERK_JIJ, "csv", "").body());
        long dutchRows = export.stream().skip(1).filter(r -> r.get(2).equals("nl")).count();
        assertEquals(k + 2, dutchRows, "the export counts those who answered in Dutch");
        assertFalse(page.contains("(Nederlands)"), "a label on the " + k + " Dutch remarks beside " + (k + 2)
                + " Dutch rows told that two who answered in Dutch wrote nothing");
        checkEverything(WERK_JIJ);
    }

    /**
     * Noord: k wrote a remark in Dutch and 2 in Polish; Zuid: k in Dutch and k-2 in Polish. Over the whole team k wrote
     * Polish, so the whole team's page labelled those k texts "(Polski)"; Noord's own page (the wijk filter may be
     * used) lists Noord's texts without labels, but each is the same words as on the whole team's page: the two
     * labelled ones told that two people in Noord wrote Polish, and which rows of Noord's export are theirs. A label
     * needs every language to be nobody or at least k in every cell of the usable filters, on every page.
     */
    @Test
    void aLanguageLabelOnTheWholeTeamsPageTellsNothingPerWijk() {
        int k = k(WERK_JIJ);
        for (int i = 0; i < k; i++) {
            respondents.finish(WERK_JIJ, "nl", new Origin(team.id(), "Noord"), Map.of("opmerking", "Noord goed " + i));
            respondents.finish(WERK_JIJ, "nl", new Origin(team.id(), "Zuid"), Map.of("opmerking", "Zuid goed " + i));
        }
        for (int i = 0; i < 2; i++) {
            respondents.finish(WERK_JIJ, "pl", new Origin(team.id(), "Noord"), Map.of("opmerking", "Północ dobrze " + i));
        }
        for (int i = 0; i < k - 2; i++) {
            respondents.finish(WERK_JIJ, "pl", new Origin(team.id(), "Zuid"), Map.of("opmerking", "Południe dobrze " + i));
        }
        String whole = flowPage(WERK_JIJ, "");
        String noord = flowPage(WERK_JIJ, "&wijk=Noord");
        assertTrue(noord.contains("Północ dobrze 0"), "Noord's page lists Noord's texts");

        // the attack: the texts labelled Polish on the whole team's page that Noord's page lists too
        java.util.regex.Matcher labelled = java.util.regex.Pattern.compile("<span lang=\"pl\" dir=\"auto\">([^<]*)</span>").matcher(whole);
        List<String> polishInNoord = new ArrayList<>();
        while (labelled.find()) {
            if (noord.contains(">" + labelled.group(1) + "<")) {
                polishInNoord.add(labelled.group(1));
            }
        }
        assertTrue(polishInNoord.isEmpty() || polishInNoord.size() >= k, "Polish writers in Noord: " + polishInNoord);
        for (int step = 0; step < 2; step++) {
            String question = page("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/questions/opmerking?lang=nl"
                    + (step == 0 ? "" : "&wijk=Noord"));
            assertFalse(question.contains("(Polski)"), "nor on the question's own page");
        }
        checkEverything(WERK_JIJ, "&wijk=Noord", "&wijk=Zuid");
    }

    /**
     * Issue 15: a resident round with Noord k+2, Zuid k and West 1. Wijken side by side would show West directly, or
     * give it away as the team's total minus Noord and Zuid: the compare page shows Noord and the other wijken
     * together (Zuid with West), the team report the same; every page, question page and the report pass the checker.
     */
    @Test
    void wijkenSideBySideGiveNoSmallWijkAwayDirectlyOrByDifference() {
        int k = k(WIJKANALYSE);
        Map<String, Integer> perWijk = new java.util.LinkedHashMap<>();
        perWijk.put("Noord", k + 2);
        perWijk.put("Zuid", k);
        perWijk.put("West", 1);
        new nl.samenspraak.support.TeamRounds(http, respondents, admin).runResident(team.id(), WIJKANALYSE, residentLinks, perWijk,
                (w, i) -> answers("goed_in_wijk", "In " + w + " is het fijn wonen " + i));
        String compare = page("/dashboard/teams/" + team.id() + "/flows/" + WIJKANALYSE + "/compare?lang=nl");
        java.util.regex.Matcher table = java.util.regex.Pattern.compile("(?s)<table class=\"figures\" id=\"table-wijken\">.*?</table>").matcher(compare);
        assertTrue(table.find(), compare);
        assertTrue(table.group().contains(">Noord<") && table.group().contains("Andere wijken samen"), table.group());
        assertFalse(table.group().contains("Zuid") || table.group().contains("West"), "no small wijk and no complement of one");
        checkEverything(WIJKANALYSE, "&wijk=Noord", "&wijk=West");
    }

    /**
     * The wijken side by side beside the flow page's version filter. Noord: k+1 residents under an earlier version and
     * one under the current one; Zuid k and West one under the current one. The wijk filter cannot be used (West has
     * one), the version filter can ("oud" k+1, the current one k+2). The compare page showed Noord (k+2) beside the
     * other wijken together (k+1), and the flow page filtered on "oud" showed k+1, every one of them Noord's: Noord's
     * column minus "oud" was the one Noord resident under the current version, their means included. A wijk has a
     * column of its own only while it is nobody or at least k under every version (and period) the flow page offers.
     */
    @Test
    void wijkenSideBySideBesideTheVersionFilterIsolateNobody() throws SQLException {
        int k = k(WIJKANALYSE);
        List<String> old = new ArrayList<>();
        for (int i = 0; i <= k; i++) {
            old.add(respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Noord"), answers()));
        }
        respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Noord"), answers("goed_in_wijk", "Laat, na de avond in Noord"));
        for (int i = 0; i < k; i++) {
            respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "Zuid"), answers());
        }
        respondents.finish(WIJKANALYSE, "nl", new Origin(team.id(), "West"), answers());
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE conversation SET flow_version = 'oud' WHERE id = ?")) {
            for (String id : old) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }
        String whole = flowPage(WIJKANALYSE, "");
        assertTrue(whole.contains("<option value=\"oud\""), "the version filter may be used");
        assertFalse(whole.contains("<option value=\"Noord\""), "the wijk filter may not");
        assertTrue(flowPage(WIJKANALYSE, "&version=oud").contains("<strong id=\"respondents\">" + (k + 1) + "</strong>"),
                "the earlier version: k+1 people, all of them in Noord");

        String compare = page("/dashboard/teams/" + team.id() + "/flows/" + WIJKANALYSE + "/compare?lang=nl");
        java.util.regex.Matcher table = java.util.regex.Pattern.compile("(?s)<table class=\"figures\" id=\"table-wijken\">.*?</table>").matcher(compare);
        assertFalse(table.find() && table.group().contains(">Noord<"),
                "no Noord column whose difference with the version 'oud' is one person: " + compare);
        checkEverything(WIJKANALYSE, "&version=oud");
    }

    /** The team page explains k with the number, not with a template variable. */
    @Test
    void theTeamPageShowsKNotADollarSign() {
        String page = page("/dashboard/teams/" + team.id() + "?lang=nl");
        assertFalse(page.contains("$k"), page);
        assertTrue(page.contains("minder dan " + k(WERK_JIJ) + " mensen"));
    }
}
