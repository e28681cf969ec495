package nl.samenspraak.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.security.Refused;
import nl.samenspraak.security.RefusedForm;
import nl.samenspraak.security.Role;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A manager's first view of a team and flow (issue 15): one round's summary on one phone screen, the actions the
 * team agreed after it, and the team report for the meeting. Figures come from closed rounds of at least k only
 * ({@link TeamDashboards#countedRounds}), compared under the one cell rule ({@link RoundComparison}); with
 * {@code rounds-only} switched off there is no summary (what the flow page counts then is not made of rounds).
 */
@Hidden
@Controller("/dashboard/teams/{id}/flows/{flowId}")
@Secured({Role.ADMIN_NAME, Role.MANAGER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
public class SummaryController {
    private final TeamDashboards dashboards;
    private final TeamActions actions;
    private final DashboardWords words;
    private final Pages pages;
    private final JsonMapper json;
    private final TeamReportPdf report;

    public SummaryController(TeamDashboards dashboards, TeamActions actions, DashboardWords words,
                             Pages pages, JsonMapper json, TeamReportPdf report) {
        this.report = report;
        this.dashboards = dashboards;
        this.actions = actions;
        this.words = words;
        this.pages = pages;
        this.json = json;
    }

    /**
     * The action form as it was posted and refused, to fill in again ("" each for a new form); {@code editing}: the
     * action whose own form it was (0: the form for a new one).
     */
    record ActionForm(long editing, String dimension, String what, String who, String due) {
    }

    @Get("/summary")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> summary(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                   @PageLanguage String language, @Nullable @QueryValue Long round) {
        return show(seen, id, flowId, language, round, HttpStatus.OK, null, Map.of(), 0);
    }

    /** The team report of a round (the latest when none is named) as a PDF to download. */
    @Get("/report.pdf")
    // the file, or the page that says why there is none (a page whatever the client asked for: web.PagesAreHtml);
    // without it a client asking for a PDF by its type got 406
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    public HttpResponse<?> report(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                  @PageLanguage String language, @Nullable @QueryValue Long round) {
        Optional<Flow> flow = dashboards.flow(flowId, DashboardUse.ANONYMOUS);
        if (flow.isEmpty() || !dashboards.roundsOnly()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        RoundComparison comparison = RoundComparison.of(flow.get(), new MinimumGroupSize(dashboards.minimumGroupSize(flow.get())),
                dashboards.countedRounds(seen.team(), flow.get()));
        Optional<RoundComparison.Summary> summary = comparison.summary(round);
        if (summary.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        byte[] pdf = report.make(seen.team(), flow.get(), comparison, summary.get(), language);
        return HttpResponse.ok(pdf).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"samenspraak-teamrapport-" + flow.get().id() + "-team-" + id + ".pdf\"")
                .header("Cache-Control", "no-store");
    }

    /** Records an agreed action on a closed round of the team; back to that round's summary. */
    @Post(value = "/rounds/{roundId}/actions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> record(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                  @PathVariable long roundId, @Body Map<String, String> form,
                                 @PageLanguage String language) {
        Optional<Flow> flow = dashboards.flow(flowId, DashboardUse.ANONYMOUS);
        if (flow.isEmpty() || !dashboards.roundsOnly()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        return RefusedForm.submit(() -> {
            actions.record(seen.team(), flow.get(), roundId, form.get("dimension"), form.get("what"), form.get("who"), date(form.get("due")));
            return HttpResponse.seeOther(URI.create("/dashboard/teams/" + id + "/flows/" + flowId + "/summary?lang="
                    + language + "&round=" + roundId + "#actions"));
        }, (refused, status) -> show(seen, id, flowId, language, roundId, status,
                pages.message(language, refused.key(), refused.parameters()), form, 0));
    }

    /**
     * Changes an action agreed after a closed round of the team; back to it on that round's summary. Refused: the
     * summary again with the action's form open, what was typed in it and why (422); not found for an action that is
     * not of this round, team and flow.
     */
    @Post(value = "/rounds/{roundId}/actions/{actionId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> change(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                  @PathVariable long roundId, @PathVariable long actionId, @Body Map<String, String> form,
                                  @PageLanguage String language) {
        Optional<Flow> flow = dashboards.flow(flowId, DashboardUse.ANONYMOUS);
        if (flow.isEmpty() || !dashboards.roundsOnly()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        return RefusedForm.submit(() -> {
            actions.change(seen.team(), flow.get(), roundId, actionId, form.get("dimension"), form.get("what"), form.get("who"),
                    date(form.get("due")));
            return HttpResponse.seeOther(URI.create("/dashboard/teams/" + id + "/flows/" + flowId + "/summary?lang="
                    + language + "&round=" + roundId + "#action-" + actionId));
        }, (refused, status) -> {
            if (refused.key().equals("manager.action_round_invalid")) {
                throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
            }
            return show(seen, id, flowId, language, roundId, status, pages.message(language, refused.key(), refused.parameters()),
                    form, actionId);
        });
    }

    /** Deletes an action agreed after a closed round of the team; back to that round's summary. Not found otherwise. */
    @Post(value = "/rounds/{roundId}/actions/{actionId}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> delete(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                  @PathVariable long roundId, @PathVariable long actionId, @PageLanguage String language) {
        Optional<Flow> flow = dashboards.flow(flowId, DashboardUse.ANONYMOUS);
        if (flow.isEmpty() || !dashboards.roundsOnly()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        try {
            actions.delete(seen.team(), flow.get(), roundId, actionId);
        } catch (Refused e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        return HttpResponse.seeOther(URI.create("/dashboard/teams/" + id + "/flows/" + flowId + "/summary?lang="
                + language + "&round=" + roundId + "#actions"));
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Refused("manager.action_due_invalid");
        }
    }

    /** {@code editing}: the action whose form {@code form} and {@code error} are of; 0 for the form for a new one. */
    private HttpResponse<?> show(VisibleTeam seen, long id, String flowId, String language,
                                 @Nullable Long roundId, HttpStatus status, @Nullable Object error, Map<String, String> form,
                                 long editing) {
        Optional<Flow> flow = dashboards.flow(flowId, DashboardUse.ANONYMOUS);
        if (flow.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        Map<String, Object> model = pages.model(language, "auth", "dashboard", "manager");
        model.put("team", new DashboardViews.TeamView(id, seen.team().name()));
        model.put("flow", new DashboardViews.FlowView(flow.get().id(), words.title(flow.get(), language)));
        int k = dashboards.minimumGroupSize(flow.get());
        model.put("kNote", words.message(language, "k_note", Map.of("k", k)));
        model.put("error", error == null ? "" : error);
        model.put("today", actions.today().toString());
        model.put("lastDue", actions.lastDue().toString());
        model.put("form", new ActionForm(editing, form.getOrDefault("dimension", ""), form.getOrDefault("what", ""),
                form.getOrDefault("who", ""), form.getOrDefault("due", "")));
        model.put("whoRoles", List.of(pages.words(language, "manager").getOrDefault("who_roles", "").split("\\s*;\\s*")));
        Optional<RoundComparison.Summary> summary = Optional.empty();
        RoundComparison comparison = null;
        if (dashboards.roundsOnly()) {
            comparison = RoundComparison.of(flow.get(), new MinimumGroupSize(k), dashboards.countedRounds(seen.team(), flow.get()));
            summary = comparison.summary(roundId);
        }
        model.put("hasSummary", summary.isPresent());
        model.put("none", words.manager(language, dashboards.roundsOnly() ? "no_round" : "no_rounds_mode", Map.of("k", k)));
        if (summary.isPresent()) {
            RoundComparison.Summary s = summary.get();
            List<TeamAction> before = s.previous() == null ? List.of() : actions.of(s.previous().id());
            Report own = dashboards.roundReport(flow.get(), comparison.counted(s.round().id()));
            model.put("s", new SummaryModel(flow.get(), words, json, dashboards.zone(), language)
                    .of(s, comparison.rounds(), before, actions.of(s.round().id()), own));
        } else if (roundId != null && dashboards.roundsOnly()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        return HttpResponse.status(status).body(new ModelAndView<>("dashboard/summary", model)).header("Cache-Control", "no-store");
    }

}
