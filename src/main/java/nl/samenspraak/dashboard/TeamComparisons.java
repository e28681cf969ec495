package nl.samenspraak.dashboard;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.Audience;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.team.Team;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out the comparisons of one team and flow for the compare page and the team report (issue 15): from the
 * team's counted rounds ({@link RoundComparison}), its counted conversations per wijk ({@link WijkComparison}, for
 * a resident flow), its figures beside the flow's 2016 benchmarks ({@link Aggregator}'s question rule), and, when
 * given the teams an admin sees, every team's latest counted round. Nothing here applies a rule of its own.
 */
@Singleton
public class TeamComparisons {
    private final TeamDashboards dashboards;
    private final DashboardWords words;
    private final JsonMapper json;

    public TeamComparisons(TeamDashboards dashboards, DashboardWords words, JsonMapper json) {
        this.dashboards = dashboards;
        this.words = words;
        this.json = json;
    }

    /**
     * The comparisons, worded; empty when {@code roundId} names no counted round of the team.
     *
     * @param teams the teams to set side by side (an admin's), or null for a manager
     */
    public Optional<Comparisons> of(Team team, Flow flow, Long roundId, String language, List<Team> teams) {
        MinimumGroupSize k = new MinimumGroupSize(dashboards.minimumGroupSize(flow));
        CompareModel model = new CompareModel(flow, words, json, dashboards.zone(), language);
        Map<String, Object> kWords = Map.of("k", k.k());
        Comparisons.RoundsSideBySide rounds = null;
        // the team's counted rounds, read once for the rounds side by side, the wijken per round and the survey's note
        List<TeamDashboards.CountedRound> counted = dashboards.roundsOnly() ? dashboards.countedRounds(team, flow) : List.of();
        if (dashboards.roundsOnly()) {
            RoundComparison comparison = RoundComparison.of(flow, k, counted);
            Optional<RoundComparison.Summary> summary = comparison.summary(roundId);
            if (summary.isEmpty() && roundId != null) {
                return Optional.empty();
            }
            if (summary.isPresent()) {
                rounds = model.rounds(comparison, summary.get());
            }
        }

        boolean resident = flow.audience() == Audience.RESIDENT;
        // per round: the cell rule holds for each wijk in each round, not only over all rounds together
        List<List<Response>> perRound = !resident ? List.of() : dashboards.roundsOnly()
                ? counted.stream().map(TeamDashboards.CountedRound::responses).toList()
                : List.of(dashboards.responses(team, flow));
        Report report = dashboards.report(team, flow, Selection.ALL);
        // the flow page's version and period filters (and the export's language column) split the same people
        WijkComparison.Table wijken = WijkComparison.of(flow, k, perRound,
                new Aggregator(k, dashboards.zone()).splitsBesideWijk(report));

        List<FlowPage.Question> benchmarks = report.visibility() == Report.Visibility.SHOWN
                ? model.benchmarks(new FlowPageModel(flow, report, Selection.ALL, words, json, dashboards.zone(), language), report)
                : List.of();

        Comparisons.TeamsSideBySide sideBySide = null;
        if (teams != null) {
            List<CompareModel.TeamRound> latest = new ArrayList<>();
            for (Team t : teams) {
                List<RoundComparison.Round> theirs = dashboards.roundsOnly()
                        ? RoundComparison.of(flow, k, dashboards.countedRounds(t, flow)).rounds() : List.of();
                if (!theirs.isEmpty()) {
                    latest.add(new CompareModel.TeamRound(t, theirs.get(theirs.size() - 1)));
                }
            }
            sideBySide = model.teams(latest);
        }
        int roundsCounted = rounds == null ? 0 : counted.size();
        SafeHtml over = roundsCounted >= 2 && !benchmarks.isEmpty()
                ? words.manager(language, "survey_rounds", Map.of("count", roundsCounted, "people", report.respondents()))
                : new SafeHtml("");
        return Optional.of(new Comparisons(rounds != null, rounds, words.manager(language, "no_round", kWords), resident,
                model.wijken(wijken), words.manager(language, "wijken_none", kWords),
                flow.steps().stream().anyMatch(s -> s.benchmark() != null), benchmarks, over, teams != null, sideBySide));
    }
}
