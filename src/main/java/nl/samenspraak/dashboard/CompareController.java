package nl.samenspraak.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Role;
import nl.samenspraak.team.Team;
import nl.samenspraak.web.Pages;

import java.util.Map;
import java.util.Optional;

/**
 * The compare page of a team and flow (issue 15): rounds side by side, wijken side by side, the team beside the
 * 2016 survey, and for admins the teams side by side. Every comparison is worked out by {@link TeamComparisons}
 * under the one cell rule; a manager gets 403 for a team that is not theirs ({@link VisibleTeam}), as on every
 * dashboard page.
 */
@Hidden
@Controller("/dashboard/teams/{id}/flows/{flowId}/compare")
@Secured({Role.ADMIN_NAME, Role.MANAGER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
public class CompareController {
    private final TeamDashboards dashboards;
    private final TeamComparisons comparisons;
    private final DashboardWords words;
    private final Pages pages;

    public CompareController(TeamDashboards dashboards, TeamComparisons comparisons, DashboardWords words, Pages pages) {
        this.dashboards = dashboards;
        this.comparisons = comparisons;
        this.words = words;
        this.pages = pages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> compare(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                   @PageLanguage String language, @Nullable @QueryValue Long round) {
        Account account = seen.account();
        Team team = seen.team();
        Optional<Flow> flow = dashboards.flow(flowId, DashboardUse.ANONYMOUS);
        if (flow.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        Optional<Comparisons> compared = comparisons.of(team, flow.get(), round, language,
                account.is(Role.ADMIN) ? dashboards.teamsOf(account) : null);
        if (compared.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        Map<String, Object> model = pages.model(language, "auth", "dashboard", "manager");
        model.put("team", new DashboardViews.TeamView(id, team.name()));
        model.put("flow", new DashboardViews.FlowView(flow.get().id(), words.title(flow.get(), language)));
        model.put("kNote", words.message(language, "k_note", Map.of("k", dashboards.minimumGroupSize(flow.get()))));
        model.put("c", compared.get());
        return HttpResponse.ok(new ModelAndView<>("dashboard/compare", model)).header("Cache-Control", "no-store");
    }
}
