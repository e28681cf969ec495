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
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.security.RefusedForm;
import nl.samenspraak.security.Role;
import nl.samenspraak.team.Team;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Drill down (issue 15): one question of a team's flow on a page of its own, for the same selection as the flow
 * page: its distribution (chart and table), and for a question answered in one's own words the texts, word for
 * word and without anything about who wrote them, searchable and filtered by theme, with the themes the team's
 * managers gave them. Everything comes from the same {@link Aggregator} report as the flow page: a question shown
 * there for fewer than k is not shown here either, and no text is. Tagging is a manager's change (a POST answered
 * with a redirect), audited like the team's actions. Another team's question is 403 ({@link VisibleTeam}).
 */
@Hidden
@Controller("/dashboard/teams/{id}/flows/{flowId}/questions/{stepId}")
@Secured({Role.ADMIN_NAME, Role.MANAGER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
public class DrillDownController {
    private final TeamDashboards dashboards;
    private final FreeTextTags tags;
    private final DashboardWords words;
    private final Pages pages;
    private final JsonMapper json;

    public DrillDownController(TeamDashboards dashboards, FreeTextTags tags, DashboardWords words,
                               Pages pages, JsonMapper json) {
        this.dashboards = dashboards;
        this.tags = tags;
        this.words = words;
        this.pages = pages;
        this.json = json;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> question(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                    @PathVariable String stepId, @PageLanguage String language, @Nullable @QueryValue String period,
                                    @Nullable @QueryValue String wijk, @Nullable @QueryValue String version,
                                    @Nullable @QueryValue String q, @Nullable @QueryValue String theme) {
        return show(seen.team(), id, flowId, stepId, language, new Selection(period, wijk, version), q, theme, HttpStatus.OK, null);
    }

    /** Gives a shown text of this question a theme; back to the question with the same selection and search. */
    @Post(value = "/tags", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> tag(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                               @PathVariable String stepId, @Body Map<String, String> form, @PageLanguage String language) {
        return change(seen.team(), id, flowId, stepId, form, language, true);
    }

    /** Takes a theme off a text of this question. */
    @Post(value = "/tags/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> untag(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                 @PathVariable String stepId, @Body Map<String, String> form, @PageLanguage String language) {
        return change(seen.team(), id, flowId, stepId, form, language, false);
    }

    private HttpResponse<?> change(Team team, long id, String flowId, String stepId, Map<String, String> form,
                                   String language, boolean add) {
        Optional<Flow> flow = dashboards.flow(flowId, DashboardUse.ANONYMOUS);
        Optional<Step> step = flow.flatMap(f -> asked(f, stepId));
        if (step.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        Selection selection = new Selection(form.get("period"), form.get("wijk"), form.get("version"));
        return RefusedForm.submit(() -> {
            if (add) {
                tags.tag(team, flow.get(), step.get(), shownTexts(team, flow.get(), step.get(), selection), form.get("text"), form.get("theme"));
            } else {
                tags.untag(team, flow.get(), step.get(), form.get("text"), form.get("theme"));
            }
            return HttpResponse.seeOther(URI.create(path(id, flowId, stepId) + "?" + query(language, selection, form.get("q"), form.get("filter"))
                    + "#texts"));
        }, (refused, status) -> show(team, id, flowId, stepId, language, selection, form.get("q"), form.get("filter"),
                status, pages.message(language, refused.key(), refused.parameters())));
    }

    private HttpResponse<?> show(Team team, long id, String flowId, String stepId, String language,
                                 Selection selection, @Nullable String search, @Nullable String theme, HttpStatus status, @Nullable Object error) {
        Optional<Flow> flow = dashboards.flow(flowId, DashboardUse.ANONYMOUS);
        Optional<Step> step = flow.flatMap(f -> asked(f, stepId));
        if (step.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        Report report = dashboards.report(team, flow.get(), selection);
        Map<String, Object> model = pages.model(language, "auth", "dashboard", "manager");
        model.put("team", new DashboardViews.TeamView(id, team.name()));
        model.put("flow", new DashboardViews.FlowView(flow.get().id(), words.title(flow.get(), language)));
        model.put("kNote", words.message(language, "k_note", Map.of("k", report.k())));
        model.put("error", error == null ? "" : error);
        String dimension = FlowPageModel.dimensionOf(flow.get(), step.get());
        String group = dimension.isEmpty() ? "other" : dimension;
        model.put("dimension", new DrillDownViews.DimensionLink(group,
                dimension.isEmpty() ? words.plainManager(language, "other_questions", Map.of()) : words.dimension(flow.get(), dimension, language)));
        model.put("selection", new DrillDownViews.SelectionFields(nz(selection.period()), nz(selection.wijk()), nz(selection.version())));
        String s = search == null ? "" : search.strip();
        String t = theme == null ? "" : theme.strip();
        model.put("search", s);
        model.put("theme", t);
        model.put("back", "/dashboard/teams/" + id + "/flows/" + flowId + "?" + query(language, selection, null, null) + "#dim-" + group);
        model.put("path", path(id, flowId, stepId));
        model.put("isText", step.get().type() == StepType.TEXT);
        Optional<Report.Question> question = report.visibility() == Report.Visibility.SHOWN
                ? report.questions().stream().filter(x -> x.step().id().equals(stepId)).findFirst() : Optional.empty();
        model.put("visible", question.isPresent());
        model.put("questionText", words.question(flow.get(), step.get(), language));
        if (question.isEmpty()) {
            // the words of the flow's page: "fewer than k finished" was untrue with rounds when many did outside them
            model.put("notShown", words.noFigures(language, report.visibility(), report.k(), dashboards.roundsOnly()));
            model.put("texts", List.of());
            return page(model, status);
        }
        FlowPageModel page = new FlowPageModel(flow.get(), report, selection, words, json, dashboards.zone(), language);
        model.put("q", page.question(question.get(), report.questions().indexOf(question.get())));
        Map<String, List<String>> tagged = tags.of(team, flow.get(), step.get());
        boolean narrowed = !s.isEmpty() || !t.isEmpty();
        List<DrillDownViews.TaggedText> texts = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        int all = 0;
        for (Report.Part part : question.get().parts()) {
            for (Report.FreeText text : part.texts()) {
                all++;
                shown.add(text.text());
                String hash = tags.hash(text.text());
                List<String> themes = tagged.getOrDefault(hash, List.of());
                if (!s.isEmpty() && !fold(text.text()).contains(fold(s)) && themes.stream().noneMatch(x -> fold(x).contains(fold(s)))) {
                    continue;
                }
                if (!t.isEmpty() && themes.stream().noneMatch(x -> x.equalsIgnoreCase(t))) {
                    continue;
                }
                // narrowed down, a language label would count the few texts found: left off
                String lang2 = narrowed || text.language() == null ? "" : text.language();
                texts.add(new DrillDownViews.TaggedText(text.text(), hash, themes, lang2,
                        lang2.isEmpty() ? "" : words.languageName(lang2)));
            }
        }
        model.put("texts", texts);
        model.put("narrowed", narrowed);
        model.put("themes", tags.themes(team, flow.get(), step.get(), shown).stream()
                .map(x -> new DrillDownViews.ThemeOption(x, x.equalsIgnoreCase(t) ? "selected" : "")).toList());
        model.put("found", narrowed ? words.manager(language, texts.isEmpty() ? "search_none" : "search_found", Map.of("search", s.isEmpty() ? t : s))
                : "");
        model.put("anyTexts", all > 0);
        return page(model, status);
    }

    private static HttpResponse<?> page(Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>("dashboard/question", model)).header("Cache-Control", "no-store");
    }

    /** The texts a manager is shown of this question for this selection, as the page shows them. */
    private List<String> shownTexts(Team team, Flow flow, Step step, Selection selection) {
        Report report = dashboards.report(team, flow, selection);
        if (report.visibility() != Report.Visibility.SHOWN) {
            return List.of();
        }
        return report.questions().stream().filter(q -> q.step().id().equals(step.id()))
                .flatMap(q -> q.parts().stream()).flatMap(p -> p.texts().stream()).map(Report.FreeText::text).toList();
    }

    private static Optional<Step> asked(Flow flow, String stepId) {
        return flow.step(stepId).filter(s -> s.asksSomething() && !s.consent());
    }

    /** Case and accents do not matter when searching: "Tolk" finds "tolken", "e" finds "é". */
    static String fold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static String path(long id, String flowId, String stepId) {
        return "/dashboard/teams/" + id + "/flows/" + flowId + "/questions/" + stepId;
    }

    private static String query(String language, Selection selection, String search, String theme) {
        StringBuilder b = new StringBuilder("lang=").append(enc(language));
        append(b, "period", selection.period());
        append(b, "wijk", selection.wijk());
        append(b, "version", selection.version());
        append(b, "q", search == null || search.isBlank() ? null : search.strip());
        append(b, "theme", theme == null || theme.isBlank() ? null : theme.strip());
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append('&').append(name).append('=').append(enc(value));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
