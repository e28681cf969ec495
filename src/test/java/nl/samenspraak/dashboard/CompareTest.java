package nl.samenspraak.dashboard;

import nl.samenspraak.support.Respondents;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.audit.AuditLog;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.intermediair.ResidentLinks;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.SmallCellChecker;
import nl.samenspraak.support.TeamRounds;
import nl.samenspraak.team.Teams;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static nl.samenspraak.support.PdfText.plain;

/**
 * Compare and drill down (issue 15), read as a manager and an admin get them: wijken side by side only as groups
 * of at least k and never with a complement that gives a small wijk away, rounds side by side, the team beside the
 * 2016 survey, teams side by side for admins (each with k or more); a question's free texts searchable and tagged
 * with themes that only the team sees; the team report holding the comparisons in Dutch and Arabic.
 */
@SharedService
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
class CompareTest {
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
    Respondents respondents;
    @Inject
    ResidentLinks residentLinks;
    @Inject
    FlowLibrary library;
    @Inject
    AuditLog audit;
    @Inject
    FreeTextTags tags;
    @Inject
    nl.samenspraak.conversation.DeleteConversation deleteConversation;

    DashboardTeam fixture;
    PageHttp http;

    @BeforeEach
    void fixtures() {
        fixture = DashboardTeam.create(server, accounts, teams, respondents, "Vergelijken", PASSWORD, "Noord", "Zuid", "West");
        http = fixture.http;
    }

    String page(String flow, String rest, String cookie) {
        PageHttp.Reply r = http.get(fixture.flow(flow, rest), cookie);
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    static String table(String html, String id) {
        Matcher m = Pattern.compile("(?s)<table class=\"figures\" id=\"" + id + "\"[^>]*>.*?</table>").matcher(html);
        assertTrue(m.find(), "no " + id + " in " + html);
        return m.group();
    }

    /** The rows of a figures table as cells (header cell first), without the column heads. */
    static Map<String, List<String>> rows(String table) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?s)<tr[^>]*>(.*?)</tr>").matcher(table);
        while (row.find()) {
            if (row.group(1).contains("scope=\"col\"") || row.group(1).contains("<th>" ) && !row.group(1).contains("<td>")) {
                continue;
            }
            List<String> cells = new java.util.ArrayList<>();
            Matcher cell = Pattern.compile("(?s)<t[hd][^>]*>(.*?)</t[hd]>").matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip());
            }
            rows.put(cells.get(0), cells.subList(1, cells.size()));
        }
        return rows;
    }

    static Map<String, Object> resident(String text) {
        Map<String, Object> m = new HashMap<>();
        m.put("goed_in_wijk", text);
        return m;
    }

    String word(String language, String key) {
        return plain(library.translations().message(language, key));
    }

    /**
     * Whether the PDF's text holds a heading: its words around any number (a PDF keeps a number in a right-to-left
     * line in visual order, so "2016" may stand at the other end of the Arabic words).
     */
    static boolean holds(String text, String words) {
        for (String part : words.split("\\s*\\d+\\s*")) {
            if (!part.isBlank() && !text.contains(part.strip())) {
                return false;
            }
        }
        return true;
    }

    String pdfText(String flow, String language) throws Exception {
        return String.join("\n", pdfPages(flow, language));
    }

    /** The report's text page by page, as {@link #pdfText} reads it. */
    List<String> pdfPages(String flow, String language) throws Exception {
        // a report takes a while on a busy two-core machine (fonts, charts, layout): more than the usual 30 s
        HttpResponse<byte[]> reply = HttpClient.newHttpClient().send(http.request(fixture.flow(flow, "/report.pdf?lang=" + language))
                .timeout(java.time.Duration.ofSeconds(180)).header("Cookie", fixture.manager).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, reply.statusCode());
        try (var document = Loader.loadPDF(reply.body())) {
            List<String> pages = new java.util.ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                // the PDF's Arabic shaping stretches some words with a tatweel (U+0640) that the text itself does not have
                pages.add(plain(stripper.getText(document)).replace("\u0640", ""));
            }
            return pages;
        }
    }

    /**
     * Round 1: Noord 12 and Zuid 10 residents (k = 10): both wijken side by side. Round 2: Noord 7, Zuid 3 and West
     * 10. Over both rounds Noord (19) and Zuid (13) have k, but a manager who kept the page of round 1 subtracts: 7
     * people of Noord and 3 of Zuid in round 2, and through the means roughly their scores. So the cell rule holds
     * per wijk x round: Zuid and then Noord join the other wijken (22 + 10 = 32), West (10, all in round 2) stays;
     * no row of the second page minus what the first page showed of the same people is 1..k-1, nor in the report.
     */
    @Test
    void wijkenSideBySideOnlyWithKPerRoundSoThatTwoSnapshotsGiveNoSmallGroupAway() throws Exception {
        int k = 10;
        TeamRounds rounds = fixture.rounds;
        Map<String, Integer> first = new LinkedHashMap<>();
        first.put("Noord", 12);
        first.put("Zuid", 10);
        rounds.runResident(fixture.team.id(), WIJKANALYSE, residentLinks, first, (w, i) -> resident("Fijn in " + w + " " + i));
        String one = page(WIJKANALYSE, "/compare?lang=nl", fixture.manager);
        Map<String, List<String>> before = rows(table(one, "table-wijken"));
        assertEquals(List.of("Noord", "Zuid", "Hele team"), List.copyOf(before.keySet()), one);
        assertEquals("12", before.get("Noord").get(0));
        assertEquals("22", before.get("Hele team").get(0));
        new SmallCellChecker(k).page(one);

        Map<String, Integer> second = new LinkedHashMap<>();
        second.put("Noord", 7);
        second.put("Zuid", 3);
        second.put("West", 10);
        rounds.runResident(fixture.team.id(), WIJKANALYSE, residentLinks, second, (w, i) -> resident("Later " + i));
        for (String language : List.of("nl", "ar")) {
            String two = page(WIJKANALYSE, "/compare?lang=" + language, fixture.manager);
            Map<String, List<String>> after = rows(table(two, "table-wijken"));
            String others = library.translations().message(language, "manager.other_wijken");
            String whole = library.translations().message(language, "manager.whole_team");
            if (language.equals("nl")) {
                noSmallDifference(before, after, others, whole, k);
            }
            assertEquals(List.of("West", others, whole), List.copyOf(after.keySet()), language + ": " + two);
            assertEquals("10", after.get("West").get(0));
            assertEquals("32", after.get(others).get(0), "Noord (12 + 7) and Zuid (10 + 3) together");
            assertEquals("42", after.get(whole).get(0));
            assertFalse(table(two, "table-wijken").contains("Zuid") || table(two, "table-wijken").contains("Noord"));
            assertFalse(two.contains(">Zuid<") || two.contains(">Noord<"), "no wijk with a small round anywhere on the page");
            new SmallCellChecker(k).page(two);

            String text = pdfText(WIJKANALYSE, language);
            assertTrue(holds(text, word(language, "manager.compare_wijken")), language + ": the wijken in the report: " + text);
            assertTrue(text.contains("West") && text.contains("32"), language + ": " + text);
            assertTrue(text.contains(plain(others)), language + ": " + text);
            assertFalse(text.contains("Zuid") || text.contains("Noord"), language + ": no wijk with a small round in the report");
        }
    }

    /** The summary's line naming its round: "Ronde 2 · 7 dec. 2026". */
    private static String roundLine(String summary) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p class=\"round-line\">([^<]*) · <span").matcher(summary);
        assertTrue(m.find(), summary);
        return m.group(1);
    }

    /**
     * The privacy probe of December 2026: a round with Noord 12, Zuid 12 and West 2 residents (k = 10) shows Noord and
     * "Andere wijken samen" (Zuid and West, 14). One Noord resident withdraws after the close (the manager's own
     * conversation through a resident link would do), Noord falls to 11, and the page folded Noord in instead: Zuid
     * alone (12) beside the 14 of before gave West's two residents, and through the means their scores. A closed
     * round is shown as first shown or not at all: after the withdrawal only the later round is on the pages, and
     * the difference between the two looks is the whole first round, which the manager had seen as a whole.
     */
    @Test
    void aWithdrawalAfterTheCloseTakesTheWholeRoundOffThePagesNotOneLess() {
        TeamRounds rounds = fixture.rounds;
        Map<String, Integer> first = new LinkedHashMap<>();
        first.put("Noord", 12);
        first.put("Zuid", 12);
        first.put("West", 2);
        TeamRounds.ResidentRound round = rounds.runResident(fixture.team.id(), WIJKANALYSE, residentLinks, first,
                (w, i) -> resident("Eerst in " + w + " " + i));
        rounds.runResident(fixture.team.id(), WIJKANALYSE, residentLinks, Map.of("Noord", 10), (w, i) -> resident("Later " + i));
        String before = page(WIJKANALYSE, "/compare?lang=nl", fixture.manager);
        assertEquals("36", rows(table(before, "table-wijken")).get("Hele team").get(0), before);
        String flowBefore = page(WIJKANALYSE, "?lang=nl", fixture.manager);
        assertTrue(flowBefore.contains("<strong id=\"respondents\">36</strong>"), flowBefore);
        assertFalse(flowBefore.contains("rounds-no-longer-shown"), "nothing has gone yet");
        String later = roundLine(page(WIJKANALYSE, "/summary?lang=nl", fixture.manager));
        assertTrue(later.startsWith("Ronde 2 · "), later);

        assertTrue(deleteConversation.deleteOwn(round.conversations().get(0)), "one of Noord's residents withdraws");
        // the later round keeps its name: it became "Ronde 1", and what the manager had kept of it no longer matched
        assertEquals(later, roundLine(page(WIJKANALYSE, "/summary?lang=nl", fixture.manager)));

        for (int look = 0; look < 2; look++) {
            String after = page(WIJKANALYSE, "/compare?lang=nl", fixture.manager);
            assertFalse(after.contains(">Zuid<"), "Zuid is not told apart from West: " + after);
            assertFalse(after.contains("Eerst in"), "nothing of the first round");
            String flowPage = page(WIJKANALYSE, "?lang=nl", fixture.manager);
            assertTrue(flowPage.contains("<strong id=\"respondents\">10</strong>"), flowPage);
            assertFalse(flowPage.contains("Eerst in"), "nor its free texts");
            assertTrue(flowPage.contains("id=\"rounds-no-longer-shown\""), "the page says why the round went");
            PageHttp.Reply export = http.get(fixture.flow(WIJKANALYSE, "/export.csv?lang=nl"), fixture.manager);
            assertEquals(200, export.status(), export.body());
            assertFalse(export.body().contains("Eerst in"), "nor its rows in the export");
            PageHttp.Reply texts = http.get(fixture.flow(WIJKANALYSE, "/export-texts.csv?lang=nl"), fixture.manager);
            assertTrue(texts.status() == 200 || texts.status() == 404, texts.body());
            assertFalse(texts.body().contains("Eerst in"), "nor its texts in the texts' file");
        }
    }

    /**
     * The curious manager of a resident team, with two closed rounds: Noord 10 and Zuid 3 in the first, Zuid 10 in the
     * second. Over both rounds Zuid has 13, but its first round's 3 are the first round minus Noord (the rounds side
     * by side show each round's means), and the export filtered on Zuid beside an export from before the second round
     * gave those 3 people's whole rows. So nothing tells Zuid apart: no wijk in the drop-down, Zuid's page and export
     * refused, no wijk in the export's rows.
     */
    @Test
    void aWijkSmallInOneRoundIsNotToldApartAlthoughLargeEnoughOverAllRounds() {
        TeamRounds rounds = fixture.rounds;
        Map<String, Integer> first = new LinkedHashMap<>();
        first.put("Noord", 10);
        first.put("Zuid", 3);
        rounds.runResident(fixture.team.id(), WIJKANALYSE, residentLinks, first, (w, i) -> resident("Eerst " + i));
        rounds.runResident(fixture.team.id(), WIJKANALYSE, residentLinks, Map.of("Zuid", 10), (w, i) -> resident("Later " + i));

        String all = page(WIJKANALYSE, "?lang=nl", fixture.manager);
        assertTrue(all.contains("<strong id=\"respondents\">23</strong>"), all);
        assertFalse(all.contains("<option value=\"Zuid\"") || all.contains("<option value=\"Noord\""), all);
        assertTrue(all.contains("id=\"wijk-note\""), "the page says why no wijk can be chosen");
        String zuid = page(WIJKANALYSE, "?lang=nl&wijk=Zuid", fixture.manager);
        assertTrue(zuid.contains("id=\"refused\""), zuid);
        assertEquals(409, http.get(fixture.flow(WIJKANALYSE, "/export.csv?lang=nl&wijk=Zuid"), fixture.manager).status());
        PageHttp.Reply export = http.get(fixture.flow(WIJKANALYSE, "/export.csv?lang=nl"), fixture.manager);
        assertEquals(200, export.status(), export.body());
        assertEquals(24, export.body().lines().count(), "a head and 23 rows: " + export.body());
        assertFalse(export.body().contains("Zuid") || export.body().contains("Noord"), "no row says its wijk: " + export.body());
        new SmallCellChecker(10).page(all);
    }

    /**
     * A resident flow's rounds may be of both kinds: one collecting resident links (no invitations) and one of
     * invitations. The response rate is of the invited: "22 van 12" counted the resident round's people as invited
     * ones who took part.
     */
    @Test
    void theResponseRateCountsOnlyTheRoundsWithInvitations() {
        TeamRounds rounds = fixture.rounds;
        rounds.runResident(fixture.team.id(), WIJKANALYSE, residentLinks, Map.of("Noord", 10), (w, i) -> resident("Buurt " + i));
        rounds.run(fixture.team.id(), WIJKANALYSE, 12, 11, i -> resident("Uitgenodigd " + i));

        String all = page(WIJKANALYSE, "?lang=nl", fixture.manager);
        assertTrue(all.contains("<strong id=\"respondents\">21</strong>"), "both rounds in the figures: " + all);
        assertTrue(all.contains("11 van 12 uitgenodigden deden mee"), "of the invited, those who took part: " + all);
        new SmallCellChecker(10).page(all);
    }

    /**
     * The curious manager: each row of the later table minus what the earlier table showed of the same people (a
     * wijk's own row; for the other wijken, the earlier rows of every wijk no longer shown) is nobody or at least k.
     */
    static void noSmallDifference(Map<String, List<String>> before, Map<String, List<String>> after, String others,
                                  String whole, int k) {
        for (Map.Entry<String, List<String>> row : after.entrySet()) {
            int then = row.getKey().equals(others)
                    ? before.entrySet().stream().filter(e -> !e.getKey().equals(whole))
                    .filter(e -> e.getKey().equals(others) || !after.containsKey(e.getKey()))
                    .mapToInt(e -> Integer.parseInt(e.getValue().get(0))).sum()
                    : before.containsKey(row.getKey()) ? Integer.parseInt(before.get(row.getKey()).get(0)) : 0;
            int difference = Integer.parseInt(row.getValue().get(0)) - then;
            assertTrue(difference == 0 || difference >= k, row.getKey() + " went up by " + difference + " people: "
                    + before + " -> " + after);
        }
    }

    /** Two rounds of the professionals' flow: side by side with the change, and the team beside the 2016 survey. */
    @Test
    void roundsSideBySideAndTheTeamBesideThe2016Survey() throws Exception {
        TeamRounds rounds = fixture.rounds;
        rounds.run(fixture.team.id(), WERK_JIJ, 6, 6, i -> RoundSummaryTest.answers(false));
        rounds.run(fixture.team.id(), WERK_JIJ, 6, 5, i -> RoundSummaryTest.answers(true));
        String nl = page(WERK_JIJ, "/compare?lang=nl", fixture.manager);
        Map<String, List<String>> byRound = rows(table(nl, "table-rounds"));
        assertEquals(2, byRound.size(), nl);
        assertTrue(byRound.keySet().stream().anyMatch(r -> r.startsWith("Ronde 1")));
        assertEquals("5", byRound.values().stream().toList().get(1).get(0), "the second round's respondents");
        // the same figures with the parts as rows and the rounds as columns, which a phone shows
        // (PhoneDashboardBrowserTest): the people per round, then each part's mean per round
        Map<String, List<String>> byPart = rows(table(nl, "table-rounds-by-part"));
        List<List<String>> roundRows = List.copyOf(byRound.values());
        assertEquals(roundRows.get(0).size(), byPart.size(), "a row for the people and one per part: " + byPart);
        int row = 0;
        for (List<String> part : byPart.values()) {
            final int at = row++;
            assertEquals(roundRows.stream().map(r -> r.get(at)).toList(), part, "row " + at + " of " + byPart);
        }
        Map<String, List<String>> change = rows(table(nl, "table-change"));
        assertTrue(change.get("Houding").get(2).matches("\\+\\d+"), "attitude rose: " + change);
        assertTrue(nl.contains("id=\"survey-netwerk_sleutelpersonen\"") && nl.contains("id=\"survey-netwerk_vindplaatsen\""),
                "both questions the 2016 survey asked too");
        assertTrue(nl.contains("Dit team"));
        // opened from one round, the survey's comparison counts both: said, with how many (they were read as the round's)
        assertTrue(nl.contains("id=\"survey-rounds\">Deze cijfers tellen alle 2 gesloten rondes samen (11 mensen), niet alleen de ronde hierboven."),
                nl.replaceAll("(?s).*(<section class=\"comparison\" id=\"survey\".{0,600}).*", "$1"));
        assertFalse(nl.contains("id=\"teams\""), "a manager does not see other teams");
        assertFalse(nl.contains("id=\"wijken\""), "no wijken for a professionals' flow");
        // the export names each row's round, so a round's rows can be taken to its meeting (they were mixed, unnamed)
        List<String> lines = page(WERK_JIJ, "/export.csv?lang=nl", fixture.manager).replace("\uFEFF", "").lines().toList();
        assertEquals(List.of("Rij", "Ronde"), List.of(lines.get(0).split(";")).subList(0, 2), lines.get(0));
        Map<String, Long> perRound = lines.subList(1, lines.size()).stream()
                .collect(java.util.stream.Collectors.groupingBy(l -> l.split(";")[1], java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertEquals(Map.of("1", 6L, "2", 5L), perRound, "the first round's six and the second's five");
        new SmallCellChecker(5).page(nl);
        for (String language : List.of("nl", "ar")) {
            new SmallCellChecker(5).page(page(WERK_JIJ, "/compare?lang=" + language, fixture.manager));
            String text = pdfText(WERK_JIJ, language);
            assertTrue(holds(text, word(language, "manager.compare_survey")), language + ": the survey in the report: " + text);
            assertTrue(text.contains(word(language, "manager.this_team")), language);
            assertTrue(holds(text, language.equals("nl") ? "tellen alle 2 gesloten rondes samen" : "المغلقة"),
                    language + ": the report says the survey's comparison counts every round");
            assertTrue(text.contains(word(language, "manager.comparisons")), language + ": the rounds in the report");
            // a section's heading stands on the page of its chart and table, not alone at the foot of the page before
            // (the manager probe: "Vergeleken met eerdere rondes" ended page 1, its chart began page 2)
            List<String> pages = pdfPages(WERK_JIJ, language);
            String heading = word(language, "manager.comparisons");
            java.util.OptionalInt at = java.util.stream.IntStream.range(0, pages.size()).filter(i -> pages.get(i).contains(heading)).findFirst();
            assertTrue(at.isPresent(), language + ": " + heading);
            assertTrue(pages.get(at.getAsInt()).contains(word(language, "dashboard.respondents")), language + ": the rounds' table on the page of their heading: "
                    + pages.get(at.getAsInt()));
            // a change keeps its sign in front in the Arabic report too, as on the web page (the manager probe: the
            // PDF put it behind, "(0±)", "4-"; the report's engine did not isolate the inline element)
            String shown = text.replaceAll("[\u2066-\u2069]", "");
            assertTrue(!language.equals("ar") || shown.contains("±0)") && shown.contains("+90"), language + ": " + text);
            assertFalse(shown.matches("(?s).*\\d[±+\\-]\\).*"), language + ": a sign behind its number: " + text);
        }
        assertEquals(403, http.get(fixture.flow(WERK_JIJ, "/compare?lang=nl"), fixture.stranger()).status());
        assertEquals(404, http.get(fixture.flow(WERK_JIJ, "/compare?lang=nl&round=999999"), fixture.manager).status());
    }

    /** Three teams: two with a counted round, one whose round had 3 of k = 5. The admin sees the two, side by side. */
    @Test
    void adminsSeeTeamsSideBySideEachWithK() {
        fixture.rounds.run(fixture.team.id(), WERK_JIJ, 6, 6, i -> RoundSummaryTest.answers(false));
        DashboardTeam other = DashboardTeam.create(server, accounts, teams, respondents, "Ander team", PASSWORD, "Oost");
        other.rounds.run(other.team.id(), WERK_JIJ, 6, 5, i -> RoundSummaryTest.answers(true));
        DashboardTeam small = DashboardTeam.create(server, accounts, teams, respondents, "Klein team", PASSWORD, "Oost");
        small.rounds.run(small.team.id(), WERK_JIJ, 6, 3, i -> RoundSummaryTest.answers(true));

        String admin = page(WERK_JIJ, "/compare?lang=nl", fixture.admin);
        Map<String, List<String>> byTeam = rows(table(admin, "table-teams"));
        assertTrue(byTeam.keySet().stream().anyMatch(t -> t.startsWith(fixture.team.name())), byTeam.toString());
        assertTrue(byTeam.keySet().stream().anyMatch(t -> t.startsWith(other.team.name())), byTeam.toString());
        assertFalse(admin.contains(small.team.name()), "a team whose only round had fewer than k is not listed");
        byTeam.values().forEach(cells -> assertTrue(Integer.parseInt(cells.get(0)) >= 5, "each team with k or more"));
        new SmallCellChecker(5).page(admin);
        assertFalse(page(WERK_JIJ, "/compare?lang=nl", fixture.manager).contains("table-teams"));
    }

    /**
     * A resident round with free texts: the question page finds a text by a word in it, a theme given to it shows to
     * the manager (and filters), is audited, and appears in no respondent's view; a text not on the page cannot be
     * tagged; a stranger gets 403.
     */
    @Test
    void drillDownSearchesFreeTextsAndThemesStayWithTheTeam() throws Exception {
        Map<String, Integer> noord = Map.of("Noord", 10);
        TeamRounds.ResidentRound round = fixture.rounds.runResident(fixture.team.id(), WIJKANALYSE, residentLinks, noord,
                (w, i) -> resident(i == 4 ? "De speeltuin bij de school is fijn" : "Gewoon goed " + i));
        String flowPage = page(WIJKANALYSE, "?lang=nl", fixture.manager);
        assertTrue(flowPage.contains("/questions/goed_in_wijk?"), "the flow page links to the question");
        assertTrue(flowPage.contains("<nav class=\"toc\""), "a table of contents");
        assertTrue(flowPage.contains("<details class=\"dimension-group\" id=\"dim-bekendheid\" open>"), "folding by dimension");

        String found = page(WIJKANALYSE, "/questions/goed_in_wijk?lang=nl&q=SPEELTUIN", fixture.manager);
        assertTrue(found.contains("De speeltuin bij de school is fijn"), found);
        assertFalse(found.contains("Gewoon goed 1"), "only what matches");
        new SmallCellChecker(10).page(found);

        String hash = tags.hash("De speeltuin bij de school is fijn");
        String theme = "spelen-buiten-" + fixture.team.id();
        PageHttp.Reply tagged = http.post(fixture.flow(WIJKANALYSE, "/questions/goed_in_wijk/tags"),
                form("lang", "nl", "text", hash, "theme", theme, "q", "speeltuin"), fixture.manager);
        assertEquals(303, tagged.status(), tagged.body());
        assertTrue(tagged.location().contains("q=speeltuin"), "back to the same search");
        String withTheme = page(WIJKANALYSE, "/questions/goed_in_wijk?lang=nl&theme=" + theme, fixture.manager);
        assertTrue(withTheme.contains("<li class=\"theme\"><span>" + theme + "</span>"), withTheme);
        assertTrue(withTheme.contains("De speeltuin bij de school is fijn"));
        assertFalse(withTheme.contains("Gewoon goed 1"), "filtered by theme");
        assertTrue(page(WIJKANALYSE, "/questions/goed_in_wijk?lang=nl&q=spelen-buiten", fixture.manager).contains("De speeltuin"),
                "a search finds themes too");
        assertTrue(audit.latest(50).stream().anyMatch(e -> e.kind().equals("manager_change") && e.detail().contains("/tags")),
                "audited as a manager's change");

        assertEquals(422, http.post(fixture.flow(WIJKANALYSE, "/questions/goed_in_wijk/tags"),
                form("lang", "nl", "text", tags.hash("not shown"), "theme", "x"), fixture.manager).status());
        assertEquals(403, http.post(fixture.flow(WIJKANALYSE, "/questions/goed_in_wijk/tags"),
                form("lang", "nl", "text", hash, "theme", "x"), fixture.stranger()).status());

        for (String conversation : round.conversations()) {
            for (String path : List.of("/c/" + conversation + "?lang=nl", "/api/conversations/" + conversation,
                    "/api/conversations/" + conversation + "/transcript")) {
                PageHttp.Reply r = http.get(path, null);
                assertFalse(r.body().contains(theme), "no theme in a respondent's view: " + path);
            }
        }
    }

    /**
     * The theme filter offers the themes of the texts it would filter, those shown for this selection, and no other.
     * It listed every theme of the question, and a theme stays while any finished conversation of the team holds its
     * words, counted or not: filtered on a wijk whose shown texts have no such words, the one resident outside the
     * counted round who wrote them there kept the theme in the list, which told the manager that one such person's
     * words were there. (The probe deleted the tagged text instead; a closed round that loses anyone is no longer
     * shown at all now, see aWithdrawalAfterTheCloseTakesTheWholeRoundOffThePagesNotOneLess.)
     */
    @Test
    void theThemeFilterOffersOnlyThemesOfTextsShown() {
        String words = "Lange wachttijd bij het wijkteam";
        Map<String, Integer> perWijk = new LinkedHashMap<>();
        perWijk.put("Noord", 10);
        perWijk.put("Zuid", 10);
        fixture.rounds.runResident(fixture.team.id(), WIJKANALYSE, residentLinks, perWijk,
                (w, i) -> resident(w.equals("Noord") && i == 0 ? words : "Gewoon goed in " + w + " " + i));
        String theme = "wachten-" + fixture.team.id();
        assertEquals(303, http.post(fixture.flow(WIJKANALYSE, "/questions/goed_in_wijk/tags"),
                form("lang", "nl", "text", tags.hash(words), "theme", theme), fixture.manager).status());
        assertTrue(page(WIJKANALYSE, "/questions/goed_in_wijk?lang=nl", fixture.manager).contains("<option value=\"" + theme + "\""),
                "offered while its text is shown");

        // one resident of Zuid outside any round writes the same words
        respondents.finish(WIJKANALYSE, "nl", new nl.samenspraak.conversation.Origin(fixture.team.id(), "Zuid"), resident(words));

        String zuid = page(WIJKANALYSE, "/questions/goed_in_wijk?lang=nl&wijk=Zuid", fixture.manager);
        assertTrue(zuid.contains("Gewoon goed in Zuid 1"), "Zuid's texts shown: " + zuid);
        assertFalse(zuid.contains("Gewoon goed in Noord"), "and Noord's not");
        assertFalse(zuid.contains(theme), "no theme that only texts not shown hold: " + zuid);
    }
}
