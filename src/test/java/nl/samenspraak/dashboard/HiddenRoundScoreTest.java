package nl.samenspraak.dashboard;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.Backdated;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.ExcelCsv;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.support.TeamRounds;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A round that hides a score, and the questions that make it up (the privacy probe's note: "a round's hidden score can
 * be worked out from the flow page's per-question counts over all rounds and the other round's mean; the export's
 * rows per round give it anyway"). The promise kept: no page and no file shows what a round's summary hides.
 * <p>
 * Round 1: eight professionals, six answer every netwerk question as strongly as they can, two answer "weet ik niet"
 * to all four, so two have no netwerk score and round 1's summary says "niet getoond" for it. Round 2 (a month or two
 * later): six answer every netwerk question as weakly as they can, and its summary shows netwerk at 0, from six.
 * What a curious manager then read, before the fix:
 * <ul>
 *   <li>the day round 1 closed, the flow page: "Regelmatig 6, Weet ik niet 2" at netwerk_sleutelpersonen and "5: 6"
 *   at each netwerk scale, so everyone in round 1 with a netwerk score had 100, the score the summary hid;</li>
 *   <li>after round 2, the flow page (all rounds): "Regelmatig 6, Nog niet 6, Weet ik niet 2", less round 2's six at
 *   0 (its summary) is round 1's six at 100 again; the period filter on round 1's month gave it directly;</li>
 *   <li>the export: each row of "Ronde 1" with its four netwerk answers, the score worked out per person;</li>
 *   <li>the compare page and the team report: the 2016 survey's two netwerk questions beside the team's counts.</li>
 * </ul>
 * Every selection the flow page offers (each period, the version; the wijk filter has no wijken here and is refused)
 * is tried, on both days.
 */
@SharedService
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
class HiddenRoundScoreTest {
    static final String PASSWORD = "a long enough password";
    static final String WERK_JIJ = "werk-jij-diversiteitsproof";
    static final List<String> NETWERK = List.of("netwerk_sleutelpersonen", "netwerk_vindplaatsen", "netwerk_ruimte", "netwerk_team");

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;
    @Inject
    FlowLibrary library;
    @Inject
    TeamDashboards dashboards;
    @Inject
    TeamReportPdf report;
    @Inject
    DataSource dataSource;

    PageHttp http;
    TeamRounds rounds;
    Team team;
    String manager;

    @BeforeEach
    void fixtures() {
        DashboardTeam fixture = DashboardTeam.create(server, accounts, teams, respondents, "Verborgen ronde", PASSWORD, "Noord");
        http = fixture.http;
        team = fixture.team;
        manager = fixture.manager;
        rounds = fixture.rounds;
    }

    /** Netwerk answered as strongly as possible, as weakly, or "weet ik niet" throughout; the rest as by default. */
    static Map<String, Object> netwerk(String how) {
        Map<String, Object> m = new HashMap<>();
        m.put("netwerk_sleutelpersonen", switch (how) {
            case "high" -> "regelmatig";
            case "low" -> "nog_niet";
            default -> "weet-niet";
        });
        for (String scale : NETWERK.subList(1, NETWERK.size())) {
            m.put(scale, switch (how) {
                case "high" -> 5;
                case "low" -> 1;
                default -> "weet-niet";
            });
        }
        return m;
    }

    String get(String path) {
        PageHttp.Reply r = http.get(path, manager);
        assertEquals(200, r.status(), path + ": " + r.body());
        return r.body();
    }

    String flowPath(String rest) {
        return "/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + rest;
    }

    HttpResponse<byte[]> download(String kind, String query) {
        try {
            return HttpClient.newHttpClient().send(http.request(flowPath("/export." + kind + "?lang=nl" + query))
                    .header("Cookie", manager).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The team's answer table of a question on a page (its article), or "" when the page shows none for it; the 2016
     * survey's figures beside it (an aside) are not the team's.
     */
    static String counts(String html, String articleId) {
        Matcher m = Pattern.compile("(?s)<article class=\"question[^\"]*\" id=\"" + articleId + "\".*?</article>").matcher(html);
        if (!m.find()) {
            return "";
        }
        String team = m.group().replaceAll("(?s)<aside class=\"benchmark.*?</aside>", "");
        Matcher table = Pattern.compile("(?s)<table class=\"figures\">.*?</table>").matcher(team);
        return table.find() ? table.group() : "";
    }

    /** The values a drop-down of the flow page offers (its first, "all", left out). */
    static List<String> options(String html, String select) {
        Matcher m = Pattern.compile("(?s)<select id=\"" + select + "\".*?</select>").matcher(html);
        List<String> values = new ArrayList<>();
        if (m.find()) {
            Matcher o = Pattern.compile("<option value=\"([^\"]+)\"").matcher(m.group());
            while (o.find()) {
                values.add(o.group(1));
            }
        }
        return values;
    }

    /**
     * Every page and file that could hold round 1's netwerk answers, for every selection the flow page offers: no
     * netwerk question's counts, no netwerk column; and what the rounds do not hide is still there.
     */
    void nothingShowsRoundOnesNetwerk(String day) {
        String whole = get(flowPath("?lang=nl"));
        List<String> queries = new ArrayList<>(List.of(""));
        options(whole, "period").forEach(p -> queries.add("&period=" + p));
        Flow flow = library.flow(WERK_JIJ).orElseThrow();
        queries.add("&version=" + flow.version()); // one version: the drop-down offers no choice, the address does
        assertTrue(options(whole, "wijk").isEmpty(), "no wijk to filter on: professionals' invitations have none");
        assertTrue(queries.size() > 3, day + ": the periods may be chosen: " + queries);
        String noord = get(flowPath("?lang=nl&wijk=Noord"));
        assertFalse(noord.contains("id=\"respondents\""), day + ": the wijk filter is refused");
        assertEquals(409, download("csv", "&wijk=Noord").statusCode(), day + ": and so is its export");
        for (String query : queries) {
            String page = get(flowPath("?lang=nl" + query));
            assertTrue(page.contains("id=\"respondents\""), day + query + ": the page shows figures");
            for (String step : NETWERK) {
                assertEquals("", counts(page, "question-" + step), day + query + ": " + step + " gives round 1's hidden netwerk"
                        + " score away (those with one answered it, the rest said \"weet ik niet\")");
                String drill = get(flowPath("/questions/" + step + "?lang=nl" + query));
                assertTrue(drill.contains("id=\"not-shown\""), day + query + ": " + step + " on its own page");
            }
            assertFalse(counts(page, "question-kennis_communicatie").isEmpty(), day + query + ": a question of a score every round shows stays");
            for (String kind : List.of("csv", "xlsx")) {
                HttpResponse<byte[]> file = download(kind, query);
                assertEquals(200, file.statusCode(), day + query + " " + kind);
                List<List<String>> read = kind.equals("csv") ? ExcelCsv.read(file.body()) : SmallCellAttacksTest.xlsx(file.body());
                List<String> headers = read.get(0);
                assertTrue(headers.stream().noneMatch(h -> h.startsWith("netwerk_")),
                        day + query + " " + kind + ": the rows of round 1 with their netwerk answers: " + headers);
                assertTrue(headers.contains("kennis_communicatie"), day + query + " " + kind + ": the other columns stay: " + headers);
            }
        }
        // the 2016 survey's netwerk questions beside the team's figures: on the compare page and in the team report
        String compare = get(flowPath("/compare?lang=nl"));
        assertTrue(compare.contains("id=\"survey-netwerk_sleutelpersonen\""), "the survey's question is there");
        assertEquals("", counts(compare, "survey-netwerk_sleutelpersonen"), day + ": the compare page gives it away");
        assertEquals("", counts(compare, "survey-netwerk_vindplaatsen"), day + ": the compare page gives it away");
        RoundComparison comparison = RoundComparison.of(flow, new MinimumGroupSize(dashboards.minimumGroupSize(flow)),
                dashboards.countedRounds(team, flow));
        String html = report.html(team, flow, comparison, comparison.summary(null).orElseThrow(), "nl");
        Matcher regelmatig = Pattern.compile("<th>Ja, regelmatig</th><td>\\d+</td>").matcher(html);
        assertFalse(regelmatig.find(), day + ": the team report gives the team's netwerk answers: " + html);
    }

    @Test
    void aRoundThatHidesAScoreHidesTheQuestionsItIsMadeOf() throws SQLException {
        // round 1, moved two months back (its people started then), so the period filter can tell the rounds apart
        List<String> first = new ArrayList<>();
        long one = rounds.open(team.id(), WERK_JIJ, 8);
        List<String> links = rounds.links(one);
        for (int i = 0; i < 8; i++) {
            first.add(respondents.finishStarted(rounds.use(links.get(i)), netwerk(i < 6 ? "high" : "dont-know")));
        }
        rounds.close(one);
        Backdated.started(dataSource, Duration.ofDays(62), first);
        String summary = get(flowPath("/summary?lang=nl&round=" + one));
        assertTrue(Pattern.compile("<tr><th scope=\"row\">Netwerk[^<]*</th><td colspan=\"6\">").matcher(summary).find(),
                "round 1's summary hides netwerk: two of its eight have no netwerk score: " + summary);
        nothingShowsRoundOnesNetwerk("the day round 1 closed");

        long two = rounds.run(team.id(), WERK_JIJ, 6, 6, i -> netwerk("low"));
        String second = get(flowPath("/summary?lang=nl&round=" + two));
        assertTrue(Pattern.compile("<tr><th scope=\"row\"><a [^>]*>Netwerk[^<]*</a></th><td>0</td>").matcher(second).find(),
                "round 2's summary shows netwerk (0, as its six answered): " + second);
        nothingShowsRoundOnesNetwerk("after round 2");
    }
}
