package nl.samenspraak.dashboard;

import nl.samenspraak.support.Respondents;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.FileAccepts;
import nl.samenspraak.support.PdfText;
import nl.samenspraak.support.SmallCellChecker;
import nl.samenspraak.support.TeamRounds;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static nl.samenspraak.support.PdfText.plain;

/**
 * A manager's summary of a round (issue 15): the response rate, the strongest and weakest dimensions, the
 * research's tip for the weakest, the change since the previous round; actions agreed after one round shown
 * beside the change in the next; and a curious manager who answers through invitations learns nothing about
 * fewer than k from comparing rounds.
 */
@SharedService
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
class RoundSummaryTest {
    static final String PASSWORD = "a long enough password";
    static final String WERK_JIJ = "werk-jij-diversiteitsproof";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;
    @Inject
    nl.samenspraak.flow.FlowLibrary library;
    @Inject
    TeamDashboards dashboards;
    @Inject
    TeamReportPdf report;
    @Inject
    TeamActions actions;
    @Inject
    TeamActionRepository actionRows;
    @Inject
    nl.samenspraak.intermediair.ResidentLinks residentLinks;

    PageHttp http;
    TeamRounds rounds;
    Team team;
    String manager;
    String otherManager;

    @BeforeEach
    void fixtures() {
        DashboardTeam fixture = DashboardTeam.create(server, accounts, teams, respondents, "Samenvatting", PASSWORD, "Noord");
        http = fixture.http;
        team = fixture.team;
        manager = fixture.manager;
        otherManager = fixture.stranger();
        rounds = fixture.rounds;
    }

    /** A professional whose attitude (houding) answers are low or high; the rest strong. */
    static Map<String, Object> answers(boolean houdingHigh) {
        Map<String, Object> m = new HashMap<>();
        m.put("houding_nieuwsgierig", houdingHigh ? 5 : 1);
        m.put("houding_eigen_kader", houdingHigh ? 5 : 1);
        m.put("houding_vooroordelen", houdingHigh ? "bewust" : "soms");
        m.put("kennis_migratie", 5);
        m.put("vaardig_vertrouwen", 5);
        m.put("vaardig_taalniveau", 5);
        m.put("werkwijze_tijd", 5);
        m.put("werkwijze_eigen_kracht", 5);
        m.put("werkwijze_achtergrond", List.of("streek", "jaren", "vlucht", "familie", "opvoeding"));
        return m;
    }

    String summary(String query) {
        PageHttp.Reply r = http.get("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/summary?" + query, manager);
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    static String section(String html, String id) {
        Matcher m = Pattern.compile("(?s)id=\"" + id + "\".*?</(div|section)>").matcher(html);
        assertTrue(m.find(), "no " + id + " in " + html);
        return m.group();
    }

    @Test
    void aRoundsSummaryThenActionsBesideTheChangeInTheNextRound() {
        assertTrue(summary("lang=nl").contains("id=\"no-summary\""), "no summary before a round closed");
        long first = rounds.run(team.id(), WERK_JIJ, 6, 6, i -> answers(false));

        String one = summary("lang=nl");
        assertTrue(one.contains("6 van 6 uitgenodigden deden mee"), one);
        assertTrue(section(one, "weakest").contains("Houding"), "attitude is the weakest");
        assertFalse(section(one, "strongest").contains("Houding"));
        assertTrue(section(one, "advice").contains("Begin met nieuwsgierigheid"), "the professionals' tip for a low attitude");
        assertTrue(section(one, "advice").contains("FORUM (2014)"), "with its source: " + section(one, "advice"));
        assertFalse(one.contains("id=\"changes\""), "no previous round to compare with");
        new SmallCellChecker(5).page(one);

        PageHttp.Reply saved = http.post("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/rounds/" + first + "/actions",
                form("lang", "nl", "dimension", "houding", "what", "Elke maand een casus <b>samen</b> bespreken",
                        "who", "Teamleider", "due", java.time.LocalDate.now().plusMonths(3).toString()), manager);
        assertEquals(303, saved.status(), saved.body());
        assertEquals(403, http.post("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/rounds/" + first + "/actions",
                form("lang", "nl", "dimension", "houding", "what", "x", "who", "y"), otherManager).status(), "not their team");
        PageHttp.Reply empty = http.post("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/rounds/" + first + "/actions",
                form("lang", "nl", "dimension", "houding", "what", " ", "who", "Teamleider"), manager);
        assertEquals(422, empty.status());
        assertTrue(empty.body().contains("Schrijf op wat jullie gaan doen"), "a clear message in the manager's language");
        String withAction = summary("lang=nl");
        assertTrue(section(withAction, "actions").contains("Elke maand een casus &lt;b&gt;samen&lt;/b&gt; bespreken"),
                "the action is listed on its round, escaped");

        rounds.run(team.id(), WERK_JIJ, 6, 5, i -> answers(true));
        String two = summary("lang=nl");
        assertTrue(two.contains("5 van 6 uitgenodigden deden mee"), two);
        Matcher houding = Pattern.compile("(?s)<li class=\"change-row\" data-dimension=\"houding\">(.*?)</li>\\s*</ul>\\s*</li>").matcher(two);
        assertTrue(houding.find(), two);
        assertTrue(houding.group(1).matches("(?s).*<bdi dir=\"ltr\" class=\"change\">\\+\\d+</bdi>.*"), "attitude rose: " + houding.group(1));
        assertTrue(houding.group(1).contains("Elke maand een casus"), "the agreed action beside the change");
        assertTrue(houding.group(1).contains("Teamleider"));
        assertTrue(houding.group(1).contains(Integer.toString(java.time.LocalDate.now().plusMonths(3).getYear())), "by when");
        assertFalse(section(two, "weakest").contains("Houding"), "attitude is no longer the weakest");
        new SmallCellChecker(5).page(two);

        String ar = summary("lang=ar");
        assertTrue(ar.contains("dir=\"rtl\""));
        assertTrue(ar.contains("الأضعف"), "the summary in Arabic");
        assertTrue(ar.contains("Elke maand een casus"), "the team's own words as written");

        String back = summary("lang=nl&round=" + first);
        assertTrue(back.contains("6 van 6"), "an earlier round's summary stays available");
        assertEquals(403, http.get("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/summary?lang=nl", otherManager).status());
    }

    /**
     * The team report is the PDF to a client that asks for it by its type (406 before); where there is none (no closed
     * round yet, a round that is not there, another team's) the reply is the page that says so, labelled as a page.
     */
    @Test
    void theTeamReportGoesToAClientThatAsksForAPdfAndWhereThereIsNoneThePageSaysWhy() {
        java.util.function.Function<java.net.http.HttpRequest.Builder, java.net.http.HttpRequest.Builder> asManager =
                r -> r.header("Cookie", manager);
        String report = "/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/report.pdf?lang=nl";
        FileAccepts.PDF.assertError(http, report, asManager, 404, "Deze pagina bestaat niet");
        long round = rounds.run(team.id(), WERK_JIJ, 6, 6, i -> answers(false));
        FileAccepts.PDF.assertFile(http, report, asManager);
        FileAccepts.PDF.assertFile(http, report + "&round=" + round, asManager);
        FileAccepts.PDF.assertError(http, report + "&round=999999999", asManager, 404, "Deze pagina bestaat niet");
        FileAccepts.PDF.assertError(http, report, r -> r.header("Cookie", otherManager), 403, "Dit team hoort niet bij jouw teams.");
    }

    String pdfText(String language) throws Exception {
        var reply = java.net.http.HttpClient.newHttpClient().send(http.request("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ
                + "/report.pdf?lang=" + language).header("Cookie", manager).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, reply.statusCode());
        assertEquals("application/pdf", reply.headers().firstValue("Content-Type").orElse(""));
        assertTrue(reply.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals(java.util.Set.of(), nl.samenspraak.support.PdfText.fontsNotEmbedded(reply.body()),
                "every word, the page numbers too, in a font the file carries");
        try (var document = org.apache.pdfbox.Loader.loadPDF(reply.body())) {
            assertTrue(document.getNumberOfPages() >= 2, "the discussion questions on a page of their own");
            // a title and a description, as PDF/UA asks (the report had no description)
            String subject = document.getDocumentInformation().getSubject();
            assertTrue(subject != null && subject.contains(plain(library.translations().message(language, "manager.report_title"))),
                    "the report describes itself: " + subject);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            // a figure copied out of the Dutch report is a number, not "⁨12⁩" (the isolates around it were copied along;
            // an Arabic report keeps them, see pdf.TextAsWritten)
            assertTrue(!language.equals("nl") || text.codePoints().noneMatch(c -> c >= 0x2066 && c <= 0x2069), "isolates copied: " + text);
            return plain(text);
        }
    }

    String word(String language, String key) {
        return plain(library.translations().message(language, key));
    }

    /**
     * The team report after two rounds, read back from the PDF in Dutch and Arabic: the summary (response rate,
     * weakest parts), the comparison with the first round and the agreed action, the tip for the weakest part, the
     * discussion questions with their sources and room for actions; the HTML it is made from passes the checker.
     */
    @Test
    void theTeamReportHoldsTheSummaryComparisonsAndDiscussionQuestions() throws Exception {
        long first = rounds.run(team.id(), WERK_JIJ, 6, 6, i -> answers(false));
        http.post("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/rounds/" + first + "/actions",
                form("lang", "nl", "dimension", "houding", "what", "Casusbespreking elke maand", "who", "Teamleider"), manager);
        rounds.run(team.id(), WERK_JIJ, 6, 5, i -> {
            Map<String, Object> m = answers(true);
            m.put("netwerk_sleutelpersonen", "nog_niet");
            return m;
        });
        for (String language : List.of("nl", "ar")) {
            String text = pdfText(language);
            assertTrue(text.contains(word(language, "manager.report_title")), language + ": " + text);
            // the words of the response rate around its two numbers (a PDF keeps right-to-left runs in visual order)
            for (String part : library.translations().message(language, "dashboard.response_rate").split("\\$count|\\$invited")) {
                assertTrue(text.contains(plain(part).strip()), language + ": the response rate's '" + part + "' in " + text);
            }
            assertTrue(text.contains("5") && text.contains("6"));
            assertTrue(text.contains(word(language, "manager.weakest")), language);
            assertTrue(text.contains(word(language, "manager.comparisons")), language + ": the comparison");
            assertTrue(text.contains("Casusbespreking elke maand"), language + ": the action beside the change");
            assertTrue(text.contains(word(language, "manager.discuss_title")), language + ": the discussion questions");
            assertTrue(text.contains(word(language, "manager.discuss_abc_analyse").substring(0, 20)), language + ": " + text);
            assertTrue(text.contains(word(language, "manager.discuss_stap_sleutelpersonen").substring(0, 20)), language);
            assertTrue(text.contains("FORUM") && text.contains("Pharos"), language + ": sources cited: " + text);
            String weakTip = plain(library.translations().flowText(language, WERK_JIJ, "tips.netwerk_versterken.title"));
            assertTrue(text.contains(weakTip), language + ": the tip for the weakest part, " + weakTip + ", in " + text);
        }
        var flow = library.flow(WERK_JIJ).orElseThrow();
        var comparison = RoundComparison.of(flow, new MinimumGroupSize(5), dashboards.countedRounds(team, flow));
        String html = report.html(team, flow, comparison, comparison.summary(null).orElseThrow(), "nl");
        assertTrue(html.contains("id=\"table-rounds\""));
        new SmallCellChecker(5).page(html);
    }

    /**
     * What a round's people wrote stays on that round's summary and in its team report, under that round's cells: a
     * later round in which two of six wrote a remark hides the remark question on the flow page for every round (the
     * two would be told apart from the four), and the first round's remarks could be found nowhere any more (the
     * manager's probe). The later round's summary says why it shows none, and its two remarks are nowhere.
     */
    @Test
    void aRoundsOwnWordsStayOnItsSummaryWhenALaterRoundHasTooFewWriters() throws Exception {
        long first = rounds.run(team.id(), WERK_JIJ, 6, 6, i -> {
            Map<String, Object> m = answers(false);
            m.put("opmerking", "Meer tijd voor huisbezoek " + (char) ('A' + i));
            return m;
        });
        String one = section(summary("lang=nl&round=" + first), "round-texts");
        for (int i = 0; i < 6; i++) {
            assertTrue(one.contains("Meer tijd voor huisbezoek " + (char) ('A' + i)), one);
        }
        assertTrue(one.contains("6 antwoorden"), one);

        rounds.run(team.id(), WERK_JIJ, 6, 6, i -> {
            Map<String, Object> m = answers(true);
            if (i < 2) {
                m.put("opmerking", "Pas later geschreven " + i);
            }
            return m;
        });
        PageHttp.Reply flowPage = http.get("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "?lang=nl", manager);
        assertEquals(200, flowPage.status());
        assertFalse(flowPage.body().contains("Meer tijd voor huisbezoek"), "the flow page hides the remarks of both rounds");

        String again = summary("lang=nl&round=" + first);
        for (int i = 0; i < 6; i++) {
            assertTrue(section(again, "round-texts").contains("Meer tijd voor huisbezoek " + (char) ('A' + i)),
                    "the first round's remarks are still on its summary");
        }
        new SmallCellChecker(5).page(again);
        String latest = summary("lang=nl");
        new SmallCellChecker(5).page(latest);
        assertFalse(latest.contains("Pas later geschreven"), "two writers of six are not shown");
        assertFalse(latest.contains("Meer tijd voor huisbezoek"), "nor another round's words on this round's summary");
        assertTrue(section(latest, "round-texts").contains("Niet getoond: wie hier in deze ronde wel en wie niets schreef"),
                section(latest, "round-texts"));

        var flow = library.flow(WERK_JIJ).orElseThrow();
        var comparison = RoundComparison.of(flow, new MinimumGroupSize(5), dashboards.countedRounds(team, flow));
        String report1 = report.html(team, flow, comparison, comparison.summary(first).orElseThrow(), "ar");
        assertTrue(report1.contains(word("ar", "manager.round_texts")), "the team report of the first round, in Arabic");
        assertTrue(report1.contains("Meer tijd voor huisbezoek F"), "with its remarks as written");
        String report2 = report.html(team, flow, comparison, comparison.summary(null).orElseThrow(), "nl");
        assertFalse(report2.contains("Pas later geschreven") || report2.contains("Meer tijd voor huisbezoek"), report2);
        new SmallCellChecker(5).page(report2);
    }

    /**
     * A curious manager holds invitations: in the second round they answer two conversations with "weet ik niet"
     * on every attitude question (and something elsewhere, so they count). Attitude then has a score from 4 of 6
     * in that round, which would tell about 2: that round hides it, with no change beside it, and so does the flow
     * page over both rounds (its cells are per round). The first round's summary stays as it was shown, attitude
     * its weakest part with its tip: one "weet ik niet" in a later round took it out of every round's summary and
     * changed the first round's advice after the fact.
     */
    @Test
    void aDimensionARoundScoredTooRarelyIsHiddenInThatRoundOnly() {
        long first = rounds.run(team.id(), WERK_JIJ, 6, 6, i -> answers(false));
        String before = summary("lang=nl&round=" + first);
        assertTrue(section(before, "weakest").contains("Houding"));
        rounds.run(team.id(), WERK_JIJ, 6, 6, i -> {
            Map<String, Object> m = answers(true);
            if (i < 2) {
                m.put("houding_nieuwsgierig", "weet-niet");
                m.put("houding_eigen_kader", "weet-niet");
                m.put("houding_vooroordelen", "weet-niet");
            }
            return m;
        });
        String after = summary("lang=nl&round=" + first);
        assertEquals(section(before, "weakest"), section(after, "weakest"), "the first round's summary as it was shown");
        assertTrue(after.contains("Begin met nieuwsgierigheid"), "and its advice on attitude");

        String latest = summary("lang=nl");
        new SmallCellChecker(5).page(latest);
        assertFalse(section(latest, "weakest").contains("Houding"), "the second round shows no attitude");
        assertFalse(section(latest, "strongest").contains("Houding"));
        assertTrue(latest.matches("(?s).*<th scope=\"row\">Houding</th><td colspan=\"6\">niet getoond: in deze ronde.*"),
                "the table says why, of this round");
        assertTrue(latest.contains("id=\"changes-title\">Veranderd sinds Ronde 1 · "), "\"sinds de ronde van Ronde 1\" said round twice");
        assertTrue(latest.contains("<th scope=\"col\">Verschil met de vorige ronde</th>"), "a difference says with what");

        PageHttp.Reply flowPage = http.get("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "?lang=nl", manager);
        assertEquals(200, flowPage.status());
        new SmallCellChecker(5).page(flowPage.body());
        assertTrue(flowPage.body().contains("Alle 2 gesloten rondes samen; de cijfers van één ronde staan in haar samenvatting."),
                "the page says it sums the rounds: a manager from a round's summary read its figures as that round's");

        assertTrue(flowPage.body().contains("<th scope=\"row\">Houding</th><td colspan=\"6\">niet getoond"),
                "both rounds together show no attitude score either (it would be the first round's beside the second's 4)");
    }

    /**
     * One of six answered "weet ik niet" to every scored question and wrote a remark: they count, so every part was
     * scored by five of six and the round shows no part (it would tell about the one). The summary and the report said
     * "Sterkst: Nog geen: elk onderdeel scoort in de laagste band", false whatever the scores were (the privacy probe);
     * they say no part has enough answers to be shown.
     */
    @Test
    void aRoundThatShowsNoPartSaysSoNotThatEveryPartIsLow() throws Exception {
        long round = rounds.run(team.id(), WERK_JIJ, 6, 6, i -> {
            Map<String, Object> m = answers(true);
            if (i == 0) {
                m.clear();
                nl.samenspraak.support.FlowWalk.library().flow(WERK_JIJ).orElseThrow().steps().stream()
                        .filter(step -> step.options().stream().anyMatch(nl.samenspraak.flow.Option::dontKnow))
                        .forEach(step -> m.put(step.id(), "weet-niet"));
                m.put("opmerking", "Ik weet het allemaal niet zo goed.");
            }
            return m;
        });
        String page = summary("lang=nl&round=" + round);
        new SmallCellChecker(5).page(page);
        assertTrue(page.contains("id=\"none-scored\">Geen sterkste of zwakste onderdeel: van geen enkel onderdeel zijn in deze "
                + "ronde genoeg antwoorden om het te tonen."), page);
        assertFalse(page.contains("elk onderdeel scoort in de laagste band"), page);
        assertFalse(page.contains("id=\"strongest\""), "no empty strongest and weakest beside it");

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(http.request("/dashboard/teams/" + team.id() + "/flows/"
                + WERK_JIJ + "/report.pdf?lang=nl&round=" + round).header("Cookie", manager).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        String report = PdfText.of(pdf.body());
        assertTrue(report.contains("Geen sterkste of zwakste onderdeel"), report);
        assertFalse(report.contains("elk onderdeel scoort in de laagste band"), report);
    }

    /**
     * An agreed action can be taken back on its round's summary (a slip stood for good on the next summary and in the
     * report: the manager probe); only by the team's managers, only on that round, and a date already past is refused.
     */
    @Test
    void anAgreedActionCanBeDeletedOnItsRoundOnlyByTheTeam() {
        long round = rounds.run(team.id(), WERK_JIJ, 6, 6, i -> answers(false));
        String actions = "/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/rounds/" + round + "/actions";
        PageHttp.Reply past = http.post(actions, form("lang", "nl", "dimension", "houding", "what", "Casus bespreken",
                "who", "Teamleider", "due", java.time.LocalDate.now().minusDays(7).toString()), manager);
        assertEquals(422, past.status());
        assertTrue(past.body().contains("Die datum is al voorbij. Kies vandaag of een latere datum."), past.body());
        // the date picker starts at today where the team works, so the slip is not offered (the server refuses it still)
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        assertTrue(past.body().contains("id=\"action-due\" name=\"due\" type=\"date\" min=\"" + today + "\" max=\"" + today.plusYears(5) + "\"")
                || past.body().contains("id=\"action-due\" name=\"due\" type=\"date\" min=\"" + today.minusDays(1) + "\""), past.body());
        assertEquals(303, http.post(actions, form("lang", "nl", "dimension", "houding", "what", "Een typfuot", "who", "Teamleider"),
                manager).status());
        String page = summary("lang=nl&round=" + round);
        Matcher delete = Pattern.compile("action=\"(" + Pattern.quote(actions) + "/(\\d+)/delete)\"").matcher(section(page, "actions"));
        assertTrue(delete.find(), section(page, "actions"));
        assertTrue(section(page, "actions").contains("aria-label=\"Verwijderen: Een typfuot\""), "the button says which action");
        assertEquals(403, http.post(delete.group(1), form("lang", "nl"), otherManager).status(), "not their team");
        long other = rounds.run(team.id(), WERK_JIJ, 6, 6, i -> answers(true));
        String onAnotherRound = "/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/rounds/" + other + "/actions/"
                + delete.group(2) + "/delete";
        assertEquals(404, http.post(onAnotherRound, form("lang", "nl"), manager).status(), "an action of another round");
        PageHttp.Reply deleted = http.post(delete.group(1), form("lang", "nl"), manager);
        assertEquals(303, deleted.status());
        assertFalse(summary("lang=nl&round=" + round).contains("Een typfuot"), "gone from its summary");
        assertFalse(summary("lang=nl").contains("Een typfuot"), "and from the next round's");
        assertEquals(404, http.post(delete.group(1), form("lang", "nl"), manager).status(), "once");
    }

    /**
     * An agreed action is changed in place on its round's summary (what, who, by when, on which part): deleting and
     * writing it again was the only way and put it last. A change refused comes back with that action's form open,
     * what was typed in it and why; an overdue action keeps its past date while its words are mended, but cannot be
     * moved to another past date; only the team's managers, only on its round.
     */
    @Test
    void anAgreedActionIsChangedInPlaceOnItsRound() {
        long round = rounds.run(team.id(), WERK_JIJ, 6, 6, i -> answers(false));
        String actions = "/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/rounds/" + round + "/actions";
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        assertEquals(303, http.post(actions, form("lang", "nl", "dimension", "houding", "what", "Casus bespreken",
                "who", "Teamleider", "due", today.plusMonths(1).toString()), manager).status());
        assertEquals(303, http.post(actions, form("lang", "nl", "dimension", "kennis", "what", "Training volgen",
                "who", "Werkgroep"), manager).status());
        long first = this.actions.of(round).get(0).id();

        PageHttp.Reply changed = http.post(actions + "/" + first, form("lang", "nl", "dimension", "vaardigheden",
                "what", "Elke maand een casus bespreken", "who", "Het hele team", "due", today.plusMonths(2).toString()), manager);
        assertEquals(303, changed.status(), changed.body());
        assertTrue(changed.header("Location").endsWith("&round=" + round + "#action-" + first), changed.header("Location"));
        String list = section(summary("lang=nl&round=" + round), "actions");
        assertTrue(list.matches("(?s).*Elke maand een casus bespreken — Het hele team · uiterlijk \\d+ \\p{L}+ \\d{4}.*Training volgen.*"),
                "changed in its place, before the one recorded after it: " + list);
        assertFalse(list.contains("Casus bespreken —"), list);
        assertEquals("vaardigheden", this.actions.of(round).get(0).dimension());

        PageHttp.Reply refused = http.post(actions + "/" + first, form("lang", "nl", "dimension", "vaardigheden",
                "what", "  ", "who", "Iemand anders"), manager);
        assertEquals(422, refused.status());
        String again = refused.body();
        assertTrue(again.matches("(?s).*<li class=\"agreed-action\" id=\"action-" + first + "\">.*?<details class=\"action-change\" open>.*"),
                "that action's form comes back open");
        assertTrue(again.contains("id=\"action-" + first + "-error\">Schrijf op wat jullie gaan doen"), again);
        assertTrue(again.contains("value=\"Iemand anders\""), "what was typed is still there");
        assertFalse(again.contains("id=\"action-error\""), "not above the form for a new action");
        assertEquals("Elke maand een casus bespreken", this.actions.of(round).get(0).what(), "nothing changed");

        assertEquals(403, http.post(actions + "/" + first, form("lang", "nl", "dimension", "houding", "what", "x", "who", "y"),
                otherManager).status(), "not their team");
        long other = rounds.run(team.id(), WERK_JIJ, 6, 6, i -> answers(true));
        assertEquals(404, http.post("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/rounds/" + other + "/actions/" + first,
                form("lang", "nl", "dimension", "houding", "what", "x", "who", "y"), manager).status(), "an action of another round");

        // overdue: its words can be mended with its date as it is, but it is not moved to another day already past
        TeamAction overdue = this.actions.of(round).get(1);
        actionRows.update(new TeamAction(overdue.id(), overdue.teamId(), overdue.roundId(), overdue.dimension(), overdue.what(),
                overdue.who(), today.minusDays(10), overdue.createdAt()));
        String page = summary("lang=nl&round=" + round);
        assertTrue(page.contains("id=\"action-" + overdue.id() + "-due\" name=\"due\" type=\"date\" min=\"" + today.minusDays(10) + "\""),
                "its date field offers the date it has");
        assertEquals(303, http.post(actions + "/" + overdue.id(), form("lang", "nl", "dimension", "kennis",
                "what", "Training volgen (uitgesteld)", "who", "Werkgroep", "due", today.minusDays(10).toString()), manager).status());
        PageHttp.Reply moved = http.post(actions + "/" + overdue.id(), form("lang", "nl", "dimension", "kennis",
                "what", "Training volgen", "who", "Werkgroep", "due", today.minusDays(3).toString()), manager);
        assertEquals(422, moved.status());
        assertTrue(moved.body().contains("Die datum is al voorbij"), moved.body());
        new SmallCellChecker(5).page(summary("lang=ar&round=" + round));
    }

    /**
     * A round whose every part is in the lowest band names no strongest part: "Sterkst: 49" stood above parts all below
     * the middle, and a manager read that the team did well on them.
     */
    @Test
    void aRoundWithEveryPartLowNamesNoStrongestPart() {
        rounds.run(team.id(), WERK_JIJ, 6, 6, i -> {
            Map<String, Object> m = answers(false);
            m.replaceAll((step, value) -> value instanceof Integer ? 1 : value);
            m.putAll(Map.of("werkwijze_achtergrond", List.of("geen"), "kennis_communicatie", "weinig",
                    "kennis_opvoeden", "nauwelijks", "houding_vooroordelen", "zelden", "vaardig_tolk", "familie",
                    "werkwijze_alternatieven", "afkeuren", "netwerk_sleutelpersonen", "nog_niet", "netwerk_vindplaatsen", 1,
                    "netwerk_ruimte", 1, "netwerk_team", 1));
            return m;
        });
        String page = summary("lang=nl");
        assertTrue(section(page, "strongest").contains("Nog geen: elk onderdeel scoort in de laagste band."), section(page, "strongest"));
        assertFalse(section(page, "strongest").contains("class=\"dim\""), "no part named strongest");
        assertTrue(section(page, "weakest").contains("class=\"dim\""), "the weakest still named, with their advice");
    }

    /**
     * A round in which fewer than k took part is shown nowhere, nor that it closed: an action posted on it was taken
     * (303, and kept on a round no page shows) where an open round or another team's was not found (404), so trying
     * round ids told a manager which closed with fewer than k. Now it is not found either.
     */
    @Test
    void anActionOnARoundOfFewerThanKIsRefusedAsAnUnknownRound() {
        long few = rounds.run(team.id(), WERK_JIJ, 6, 4, i -> answers(false));
        long open = rounds.open(team.id(), WERK_JIJ, 6);
        PageHttp.Reply onOpen = http.post("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/rounds/" + open + "/actions",
                form("lang", "nl", "dimension", "houding", "what", "Samen leren", "who", "Teamleider"), manager);
        PageHttp.Reply onFew = http.post("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/rounds/" + few + "/actions",
                form("lang", "nl", "dimension", "houding", "what", "Samen leren", "who", "Teamleider"), manager);
        assertEquals(404, onOpen.status());
        assertEquals(onOpen.status(), onFew.status(), "a closed round of fewer than k answers as an open one");
        assertTrue(actions.of(few).isEmpty(), "and keeps no action");
    }

    /**
     * A resident who knows where to go but distrusts the help, fears its consequences and is ashamed: trust (vertrouwen)
     * is the round's weakest part, with the two tips the tester read to a parent ("Om hulp vragen betekent niet dat u
     * een slechte ouder bent").
     */
    static Map<String, Object> distrustfulResident() {
        Map<String, Object> m = new HashMap<>();
        m.put("weet_waar_hulp", 5);
        m.put("informatie_krijgen", "vaak");
        m.put("netwerk_helpt", "ja");
        m.put("vertrouwen_hulp", 1);
        m.put("bang_niet_begrepen", "ja");
        m.put("bang_gevolgen", "ja");
        m.put("schaamte", "ja");
        m.put("hulp_dichtbij", "nee");
        m.put("medewerkers_begrijpen", "een_beetje");
        m.put("aanmelden_makkelijk", 3);
        m.put("eigen_taal", "soms");
        return m;
    }

    /** Dutch words that address a resident or parent ("u", "uw", "uzelf"): none belongs in a manager's advice. */
    private static final Pattern ADDRESSED = Pattern.compile("(?<![\\p{L}\\p{M}])(u|uw|uzelf)(?![\\p{L}\\p{M}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * The summary of a closed wijkanalyse round, and the team report made from it, advise the team in words written
     * to the team: each tip under its team title ({@code tips.<id>.team_title}) with its team text. They showed the
     * tips written to a parent ("Hulp bij opvoeden is er om u te steunen", "Om hulp vragen betekent niet dat u een
     * slechte ouder bent") as the manager's advice for the weakest parts.
     */
    @Test
    void aResidentRoundsAdviceIsWrittenToTheTeamNotToAParent() {
        String flowId = "wijkanalyse";
        var flow = library.flow(flowId).orElseThrow();
        var translations = library.translations();
        rounds.runResident(team.id(), flowId, residentLinks, Map.of("Noord", 10), (wijk, i) -> distrustfulResident());
        PageHttp.Reply r = http.get("/dashboard/teams/" + team.id() + "/flows/" + flowId + "/summary?lang=nl", manager);
        assertEquals(200, r.status(), r.body());
        String advice = section(r.body(), "advice");

        var comparison = RoundComparison.of(flow, new MinimumGroupSize(10), dashboards.countedRounds(team, flow));
        String html = report.html(team, flow, comparison, comparison.summary(null).orElseThrow(), "nl");
        Matcher inReport = Pattern.compile("(?s)<h2>" + Pattern.quote(word("nl", "manager.advice")) + "</h2>(.*?)(<h2|$)").matcher(html);
        assertTrue(inReport.find(), html);

        for (String[] page : List.of(new String[] {"summary", advice}, new String[] {"team report", inReport.group(1)})) {
            String text = page[1].replaceAll("<[^>]+>", " ");
            for (String d : flow.dimensions()) {
                // the part a tip answers, as the flow names it ("Hulp die bij u past"): not the tip's words
                text = text.replace("(" + translations.flowText("nl", flowId, "dimensions." + d) + ")", "");
            }
            int tips = 0;
            for (var rule : flow.advice()) {
                String teamTitle = translations.flowText("nl", flowId, "tips." + rule.id() + ".team_title");
                String personTitle = translations.flowText("nl", flowId, "tips." + rule.id() + ".title");
                if (text.contains(teamTitle)) {
                    tips++;
                }
                assertFalse(text.contains(personTitle), page[0] + ": the tip's title to a parent, " + personTitle);
            }
            assertEquals(2, tips, page[0] + ": the team's two tips for trust, the weakest part: " + text);
            Matcher addressed = ADDRESSED.matcher(text);
            String shown = text;
            assertFalse(addressed.find(), () -> page[0] + " addresses a parent (\"" + addressed.group() + "\"): " + shown);
            assertTrue(text.contains("jullie"), page[0] + " addresses the team: " + text);
        }
    }
}
