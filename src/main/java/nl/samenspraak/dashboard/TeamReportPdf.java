package nl.samenspraak.dashboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.views.velocity.VelocityViewsRenderer;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.pdf.HtmlPdf;
import nl.samenspraak.team.Team;
import nl.samenspraak.web.Pages;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The team report for the team meeting (issue 15), a PDF made by the service's one PDF engine ({@link HtmlPdf}):
 * the round's summary with its chart, the comparison with earlier rounds (table and chart), with the wijken and
 * with the 2016 survey ({@link TeamComparisons}), the weakest parts
 * with the research's advice, a page of discussion questions from the research ({@link DiscussionQuestions}),
 * and room for the agreed actions (those recorded already, then empty lines). Every figure comes from the same
 * {@link RoundComparison} as the summary page; the charts are drawn on the server ({@link ReportCharts}).
 */
@Singleton
public class TeamReportPdf {
    /** Empty lines for actions the meeting agrees, below those recorded already. */
    static final int EMPTY_ACTION_LINES = 4;

    private final VelocityViewsRenderer<Object, HttpRequest<?>> views;
    private final Pages pages;
    private final DashboardWords words;
    private final JsonMapper json;
    private final TeamDashboards dashboards;
    private final TeamActions actions;
    private final TeamComparisons comparisons;

    public TeamReportPdf(VelocityViewsRenderer<Object, HttpRequest<?>> views, Pages pages, DashboardWords words, JsonMapper json,
                         TeamDashboards dashboards, TeamActions actions, TeamComparisons comparisons) {
        this.comparisons = comparisons;
        this.views = views;
        this.pages = pages;
        this.words = words;
        this.json = json;
        this.dashboards = dashboards;
        this.actions = actions;
    }

    public byte[] make(Team team, Flow flow, RoundComparison comparison, RoundComparison.Summary s, String language) {
        return HtmlPdf.render(Jsoup.parse(html(team, flow, comparison, s, language)), "ar".equals(language)
                || "rtl".equals(pages.model(language).get("dir")));
    }

    /** The report as the HTML page the PDF is made from (the tests pass it through the cell checker). */
    String html(Team team, Flow flow, RoundComparison comparison, RoundComparison.Summary s, String language) {
        Map<String, Object> model = pages.model(language, "dashboard", "manager");
        boolean arabic = "rtl".equals(model.get("dir"));
        List<TeamAction> before = s.previous() == null ? List.of() : actions.of(s.previous().id());
        List<TeamAction> agreed = actions.of(s.round().id());
        Report own = dashboards.roundReport(flow, comparison.counted(s.round().id()));
        RoundSummary summary = new SummaryModel(flow, words, json, dashboards.zone(), language)
                .of(s, comparison.rounds(), before, agreed, own);
        model.put("s", summary);
        model.put("team", team.name());
        model.put("flowTitle", words.title(flow, language));
        model.put("made", nl.samenspraak.i18n.Moments.longDay(Instant.now(), dashboards.zone(), language));
        model.put("fontFamily", new SafeHtml(nl.samenspraak.pdf.HtmlPdf.FONT_FAMILY));
        model.put("kReport", words.manager(language, "k_report", Map.of("k", dashboards.minimumGroupSize(flow))));

        List<String> names = new ArrayList<>();
        List<List<Long>> shares = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        s.round().scores().forEach((d, score) -> {
            names.add(words.dimension(flow, d, language));
            List<Long> percent = Percentages.of(score.bands());
            for (int i = 0; i < 4; i++) {
                shares.get(i).add(percent.get(i));
            }
        });
        model.put("spreadChart", names.isEmpty() ? "" : ReportCharts.spread(names, Report.Dimension.BANDS, shares, arabic));

        // the rounds up to this one, side by side, as the compare page has them
        Comparisons.RoundsSideBySide rounds = new CompareModel(flow, words, json, dashboards.zone(), language).rounds(comparison, s);
        model.put("comparedNames", rounds.names());
        model.put("roundRows", rounds.rows());
        model.put("roundsChart", rounds.several() && !rounds.names().isEmpty()
                ? ReportCharts.rounds(rounds.rows().stream().map(Comparisons.Row::name).toList(), rounds.names(),
                meansPerDimension(rounds), arabic) : "");
        // the wijken side by side and the team beside the 2016 survey, as the compare page has them (no teams:
        // the report is one team's)
        model.put("c", comparisons.of(team, flow, s.round().id(), language, null).orElseThrow());
        model.put("abc", questions(DiscussionQuestions.ABC, language));
        model.put("steps", questions(DiscussionQuestions.STEPS, language));
        model.put("emptyLines", java.util.Collections.nCopies(EMPTY_ACTION_LINES, ""));
        StringWriter html = new StringWriter();
        try {
            views.render("dashboard/report-pdf", model, null).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }

    /** The rounds' means per dimension (a line each), null where a round does not show the dimension. */
    private static List<List<Long>> meansPerDimension(Comparisons.RoundsSideBySide rounds) {
        List<List<Long>> means = new ArrayList<>();
        for (int d = 0; d < rounds.names().size(); d++) {
            int column = d;
            means.add(rounds.rows().stream().map(r -> r.means().get(column).rounded()).toList());
        }
        return means;
    }

    /** A question for the team meeting and where in the research it comes from. */
    record Discussion(SafeHtml text, SafeHtml source) {
    }

    private List<Discussion> questions(List<DiscussionQuestions.Question> questions, String language) {
        return questions.stream().map(q -> new Discussion(words.manager(language, "discuss_" + q.id(), Map.of()),
                new SafeHtml(words.source(q.source(), language)))).toList();
    }
}
