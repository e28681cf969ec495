package nl.samenspraak.dashboard;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.ExcelCsv;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.PdfText;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.support.TeamRounds;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.dashboard.HiddenRoundScoreTest.counts;
import static nl.samenspraak.dashboard.HiddenRoundScoreTest.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A score shown while a question it counts on is hidden for too few answers (the privacy probe's attack, the mirror of
 * {@link HiddenRoundScoreTest}). Wijkanalyse (k = 10), one closed round of 12 invitations: all twelve answer
 * {@code vertrouwen_hulp} 5 and skip the rest, two of them also say "ja" (0 points) to {@code schaamte}. The schaamte
 * question was hidden ("minder dan 10"), but "Vertrouwen in de hulp" showed 12 with a score, mean 92, bands 0, 0, 2, 10,
 * on the flow page, the round summary, the compare page and the team report: the two in 50-74 were the two who said
 * they are ashamed to ask for help, and the mean gave the exact points they lacked. A score is now shown only where
 * each question it counts on keeps those who answered it and those who did not at nobody or at least k, in every
 * cell; and its questions are hidden with it (vertrouwen_hulp's 12 times 5 leaves the page and the export too).
 * The words say the real reason: the whole team's, not "only for the whole team", on a period page the whole team's
 * page hides too; and "nobody" where nobody has a score or answered.
 */
@SharedService
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
class ScoreBesideHiddenQuestionsTest {
    static final String PASSWORD = "a long enough password";
    static final String WIJK = "wijkanalyse";
    static final String VERTROUWEN = "Vertrouwen in de hulp";

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

    PageHttp http;
    TeamRounds rounds;
    DashboardTeam fixture;
    String manager;

    @BeforeEach
    void fixtures() {
        fixture = DashboardTeam.create(server, accounts, teams, respondents, "Schaamte", PASSWORD, "Noord");
        http = fixture.http;
        manager = fixture.manager;
        rounds = fixture.rounds;
    }

    /** Consent given, {@code given} answered, every other step skipped. */
    Map<String, Object> only(Map<String, Object> given) {
        Map<String, Object> answers = new HashMap<>();
        for (Step step : library.flow(WIJK).orElseThrow().steps()) {
            answers.put(step.id(), null);
        }
        answers.put("toestemming", "ja");
        answers.putAll(given);
        return answers;
    }

    String get(String path) {
        PageHttp.Reply r = http.get(path, manager);
        assertEquals(200, r.status(), path + ": " + r.body());
        return r.body();
    }

    byte[] download(String rest) {
        try {
            HttpResponse<byte[]> reply = HttpClient.newHttpClient().send(http.request(fixture.flow(WIJK, rest))
                    .header("Cookie", manager).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, reply.statusCode(), rest);
            return reply.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The words in a hidden score's row of the flow page, or null when the row shows figures (or is absent). */
    static String scoreNote(String html, String name) {
        Matcher m = Pattern.compile("<tr><th scope=\"row\">" + Pattern.quote(name) + "</th><td colspan=\"6\">(.*?)</td></tr>").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** The words under a hidden question on the flow page, or null when it shows its answers. */
    static String questionNote(String html, String step) {
        Matcher m = Pattern.compile("(?s)<article class=\"question[^\"]*\" id=\"question-" + step + "\".*?</article>").matcher(html);
        assertTrue(m.find(), step + " is on the page");
        Matcher note = Pattern.compile("(?s)<p class=\"hint hidden-figures\">(.*?)</p>").matcher(m.group());
        return note.find() ? note.group(1).trim() : null;
    }

    /** The flow page's queries: the whole team, each period it offers, and the (single) version by address. */
    List<String> queries(String whole) {
        List<String> queries = new ArrayList<>(List.of(""));
        options(whole, "period").forEach(p -> queries.add("&period=" + p));
        assertTrue(queries.size() >= 4, "the month, quarter and year may be chosen: " + queries);
        queries.add("&version=" + library.flow(WIJK).orElseThrow().version());
        return queries;
    }

    @Test
    void aScoreIsHiddenWhereAQuestionItCountsOnIsHiddenForTooFewAnswers() {
        // two of the part's four questions each, so everyone has a score (a part needs half its questions answered)
        long round = rounds.run(fixture.team.id(), WIJK, 12, 12, i -> only(i < 2
                ? Map.of("vertrouwen_hulp", 5, "bang_niet_begrepen", "nee", "schaamte", "ja")
                : Map.of("vertrouwen_hulp", 5, "bang_niet_begrepen", "nee")));

        String whole = get(fixture.flow(WIJK, "?lang=nl"));
        for (String query : queries(whole)) {
            String page = get(fixture.flow(WIJK, "?lang=nl" + query));
            assertTrue(page.contains("id=\"respondents\""), query + ": the page shows figures");
            assertFalse(Pattern.compile("<th scope=\"row\">" + VERTROUWEN + "</th><td>\\d").matcher(page).find(),
                    query + ": the score's bands tell that the two in 50-74 said \"ja\" to the hidden schaamte: " + page);
            String note = scoreNote(page, VERTROUWEN);
            assertTrue(note != null && note.contains("wie een vraag van deze score wel en wie haar niet beantwoordde"),
                    query + ": the hidden score says why (all twelve have a score): " + note);
            assertEquals("", counts(page, "question-schaamte"), query + ": schaamte stays hidden");
            assertEquals("", counts(page, "question-vertrouwen_hulp"), query + ": a question of a hidden score is hidden with it");
            assertTrue(get(fixture.flow(WIJK, "/questions/vertrouwen_hulp?lang=nl" + query)).contains("id=\"not-shown\""),
                    query + ": and on its own page");
            for (String kind : List.of("csv", "xlsx")) {
                byte[] file = download("/export." + kind + "?lang=nl" + query);
                List<String> headers = (kind.equals("csv") ? ExcelCsv.read(file) : SmallCellAttacksTest.xlsx(file)).get(0);
                assertTrue(headers.stream().noneMatch(h -> h.startsWith("vertrouwen_hulp") || h.startsWith("schaamte")),
                        query + " " + kind + ": the columns of a hidden score's questions: " + headers);
            }
        }

        String summary = get(fixture.flow(WIJK, "/summary?lang=nl&round=" + round));
        assertTrue(summary.contains("<tr><th scope=\"row\">" + VERTROUWEN + "</th><td colspan=\"6\">"),
                "the round summary hides the score: " + summary);
        assertTrue(summary.contains("<tr><th scope=\"row\">Hulp kennen en vinden</th><td colspan=\"6\">"
                + "in deze ronde heeft niemand hier een score</td>"), "nobody has that score, and the summary says so: " + summary);
        String compare = get(fixture.flow(WIJK, "/compare?lang=nl"));
        Matcher table = Pattern.compile("(?s)<table class=\"figures\" id=\"table-rounds\">.*?</table>").matcher(compare);
        assertTrue(table.find(), compare);
        assertFalse(table.group().contains(VERTROUWEN), "the rounds side by side hold no such score: " + table.group());
        String report = PdfText.of(download("/report.pdf?lang=nl"));
        assertTrue(report.contains(VERTROUWEN), "the report names the part: " + report);
        assertFalse(Pattern.compile(VERTROUWEN + ":? 9[45]|12 9[45]").matcher(report).find(),
                "the team report gives the score's mean (its summary, its strongest part, the rounds side by side): " + report);
    }

    @Test
    void aHiddenScoreAndQuestionSayTheRealReasonOnEveryPage() {
        // eleven of twelve have a trust score: the whole team's page hides it (one has none), and so does each period's
        rounds.run(fixture.team.id(), WIJK, 12, 12, i -> only(i < 11
                ? Map.of("kinderen_thuis", "nee", "vertrouwen_hulp", 5, "bang_niet_begrepen", "nee") : Map.of("kinderen_thuis", "nee")));

        String whole = get(fixture.flow(WIJK, "?lang=nl"));
        String scoreWords = scoreNote(whole, VERTROUWEN);
        String questionWords = questionNote(whole, "vertrouwen_hulp");
        assertTrue(scoreWords != null && scoreWords.contains("wie hier wel en wie geen score heeft"), scoreWords);
        assertTrue(questionWords != null && questionWords.contains("wie deze vraag wel en wie haar niet beantwoordde"), questionWords);
        for (String query : queries(whole)) {
            String page = get(fixture.flow(WIJK, "?lang=nl" + query));
            assertEquals(scoreWords, scoreNote(page, VERTROUWEN),
                    query + ": the whole team's page hides it too, so not \"only for the whole team\"");
            assertEquals(questionWords, questionNote(page, "vertrouwen_hulp"), query + ": nor for the question");
            // nobody has a score on the other two parts, nobody answered their questions: say so
            for (String nobody : List.of("Hulp kennen en vinden", "Hulp die bij u past")) {
                assertEquals("niemand heeft hier een score", scoreNote(page, nobody), query + ": " + nobody);
            }
            assertEquals("Niemand heeft deze vraag beantwoord.", questionNote(page, "weet_waar_hulp"), query);
            assertEquals(null, questionNote(page, "kinderen_thuis"), query + ": the twelve's answers are shown");
        }
    }
}
