package nl.samenspraak.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.conversation.FinishedConversations;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.dashboard.DashboardViews.FlowCard;
import nl.samenspraak.dashboard.DashboardViews.FlowView;
import nl.samenspraak.dashboard.DashboardViews.RecordAnswer;
import nl.samenspraak.dashboard.DashboardViews.RecordCard;
import nl.samenspraak.dashboard.DashboardViews.RecordScore;
import nl.samenspraak.dashboard.DashboardViews.TeamView;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.team.Team;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The manager dashboard: a manager's teams (an admin's: all), per team the flows that appear on dashboards,
 * per flow the figures under the minimum group size with filters and exports, and for a record flow (the
 * topiclijst) each conversation in full. Intermediairs have no dashboard; a manager gets 403 for a team that
 * is not theirs (also for one that does not exist, so nobody learns which teams exist).
 */
@Hidden
@Controller("/dashboard")
@Secured({Role.ADMIN_NAME, Role.MANAGER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardController {
    private final TeamDashboards dashboards;
    private final Accounts accounts;
    private final StartConversation startConversation;
    private final DashboardWords words;
    private final Pages pages;
    private final JsonMapper json;

    public DashboardController(TeamDashboards dashboards, Accounts accounts, StartConversation startConversation,
                               DashboardWords words, Pages pages, JsonMapper json) {
        this.dashboards = dashboards;
        this.accounts = accounts;
        this.startConversation = startConversation;
        this.words = words;
        this.pages = pages;
        this.json = json;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> teams(HttpRequest<?> request, Authentication me, @PageLanguage String language) {
        Account account = account(me);
        Map<String, Object> model = model(language);
        model.put("teams", dashboards.teamsOf(account).stream().map(t -> new TeamView(t.id(), t.name())).toList());
        return page("dashboard/teams", model);
    }

    @Get("/teams/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> team(VisibleTeam seen, @PathVariable long id, @PageLanguage String language) {
        Map<String, Object> model = model(language);
        model.put("team", new TeamView(id, seen.team().name()));
        // "Samenvatting van de laatste ronde" only where there is one: it led to "no closed round of at least k yet"
        model.put("flows", dashboards.flows().stream().map(flow -> {
            if (flow.dashboard() == DashboardUse.RECORD) {
                return new FlowCard(flow.id(), words.title(flow, language), true, dashboards.recordCount(seen.team(), flow), false);
            }
            Aggregator.Count count = dashboards.count(seen.team(), flow);
            return new FlowCard(flow.id(), words.title(flow, language), false, count(count, flow, language),
                    dashboards.roundsOnly() && count.visibility() == Report.Visibility.SHOWN);
        }).toList());
        // a flow that asks more (wijkanalyse's 10 for residents through shared links) is named with its own k: "fewer
        // than 5" alone told a manager that a resident round of 5 to 9 would show
        StringBuilder kRule = new StringBuilder(words.message(language, "k_rule", Map.of("k", dashboards.minimumGroupSize())).html());
        for (Flow flow : dashboards.flows()) {
            if (flow.dashboard() != DashboardUse.RECORD && dashboards.minimumGroupSize(flow) > dashboards.minimumGroupSize()) {
                kRule.append(' ').append(words.message(language, "k_rule_flow",
                        Map.of("flow", words.title(flow, language), "k", dashboards.minimumGroupSize(flow))).html());
            }
        }
        model.put("kRule", new nl.samenspraak.i18n.SafeHtml(kRule.toString()));
        // where the team writes where its residents can go (admin.TeamContactController, for the team's managers too)
        model.put("contactOpen", pages.words(language, "admin").get("contact_open"));
        return page("dashboard/team", model);
    }

    /** How many finished conversations a flow has in the team, as a manager may read it ("fewer than 5"). */
    private Object count(Aggregator.Count count, Flow flow, String language) {
        return switch (count.visibility()) {
            case SHOWN -> count.respondents();
            case TOO_FEW -> words.message(language, "fewer_than", Map.of("k", dashboards.minimumGroupSize(flow)));
            // with rounds, 0 would say that nobody finished, untrue when people did outside a counted round
            default -> dashboards.roundsOnly()
                    ? words.message(language, "no_closed_round_count", Map.of("k", dashboards.minimumGroupSize(flow))) : 0;
        };
    }

    @Get("/teams/{id}/flows/{flowId}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> flow(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                @PageLanguage String language, @Nullable @QueryValue String period,
                                @Nullable @QueryValue String wijk, @Nullable @QueryValue String version) {
        Optional<Flow> flow = dashboards.flow(flowId);
        if (flow.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        Map<String, Object> model = model(language);
        model.put("team", new TeamView(id, seen.team().name()));
        model.put("flow", new FlowView(flow.get().id(), words.title(flow.get(), language)));
        if (flow.get().dashboard() == DashboardUse.RECORD) {
            model.put("records", records(seen.team(), flow.get(), language));
            // a talk starts in the page's language: where the flow lacks it (an uploaded one-language record
            // questionnaire) the page names the languages it has as links instead of a button that led to a refusal
            model.put("startable", flow.get().speaks(language));
            model.put("startElsewhere", flow.get().speaks(language) ? ""
                    : words.message(language, "start_elsewhere", Map.of("languages", languageLinks(flow.get(), id))));
            return page("dashboard/records", model);
        }
        Selection selection = new Selection(period, wijk, version);
        TeamDashboards.Figures figures = dashboards.figures(seen.team(), flow.get(), selection);
        Report report = figures.report();
        model.put("page", new FlowPageModel(flow.get(), report, selection, words, json, dashboards.zone(), language).page());
        // the response rate of the rounds counted, for the whole team only (a filter has no invitations)
        var participation = report.visibility() == Report.Visibility.SHOWN && !selection.filtered()
                ? figures.participation() : Optional.<TeamDashboards.Participation>empty();
        model.put("hasParticipation", participation.isPresent());
        model.put("participation", participation.<Object>map(p -> words.message(language, "response_rate",
                Map.of("count", p.took(), "invited", p.invited()))).orElse(""));
        model.put("roundsOnly", dashboards.roundsOnly());
        // the page sums every closed round: said, as a manager came here from one round's summary and read its
        // figures as that round's (26 people where the round had 7)
        model.put("roundsTogether", report.visibility() == Report.Visibility.SHOWN && !selection.filtered() && figures.rounds() >= 2
                ? words.message(language, "rounds_together", Map.of("count", figures.rounds())) : "");
        model.put("roundsNoLongerShown", figures.roundsNoLongerShown() > 0);
        model.put("noFigures", report.visibility() == Report.Visibility.SHOWN ? ""
                : words.noFigures(language, report.visibility(), report.k(), dashboards.roundsOnly()));
        return page("dashboard/flow", model);
    }

    @Get("/teams/{id}/flows/{flowId}/export.csv")
    // the file, or the page that says why there is none (labelled a page whatever the client asked for:
    // web.PagesAreHtml); without it a client asking for the file by its type (a spreadsheet tool, curl) got 406
    @Produces({ExportFiles.CSV_TYPE, MediaType.TEXT_HTML})
    public HttpResponse<?> csv(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                               @PageLanguage String language, @Nullable @QueryValue String period,
                               @Nullable @QueryValue String wijk, @Nullable @QueryValue String version) {
        return export(seen, id, flowId, language, new Selection(period, wijk, version), "csv");
    }

    @Get("/teams/{id}/flows/{flowId}/export.xlsx")
    @Produces({ExportFiles.XLSX_TYPE, MediaType.TEXT_HTML}) // as the CSV's
    public HttpResponse<?> xlsx(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                @PageLanguage String language, @Nullable @QueryValue String period,
                                @Nullable @QueryValue String wijk, @Nullable @QueryValue String version) {
        return export(seen, id, flowId, language, new Selection(period, wijk, version), "xlsx");
    }

    /** The free texts of the CSV's rows, apart from them ({@link ExportTexts}); 404 when the export holds none. */
    @Get("/teams/{id}/flows/{flowId}/export-texts.csv")
    @Produces({ExportFiles.CSV_TYPE, MediaType.TEXT_HTML}) // as the CSV's
    public HttpResponse<?> textsCsv(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                    @PageLanguage String language, @Nullable @QueryValue String period,
                                    @Nullable @QueryValue String wijk, @Nullable @QueryValue String version) {
        return export(seen, id, flowId, language, new Selection(period, wijk, version), "texts.csv");
    }

    /**
     * The anonymous answers of a selection as a file, under the same rule as the page: a selection the page
     * shows no figures for gets no file (409 with the reason, a page in the manager's language that leads back to the
     * flow's page, as the dashboard's other refusals are pages: it was a line of plain text). {@code kind}: "csv" and
     * "xlsx" the rows (the XLSX with the free texts on a sheet of their own), "texts.csv" the free texts alone.
     */
    private HttpResponse<?> export(VisibleTeam seen, long id, String flowId, String language,
                                   Selection selection, String kind) {
        Optional<Flow> flow = dashboards.flow(flowId, DashboardUse.ANONYMOUS);
        if (flow.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        Report report = dashboards.report(seen.team(), flow.get(), selection);
        if (report.visibility() != Report.Visibility.SHOWN) {
            Map<String, Object> model = model(language);
            model.put("heading", pages.words(language, "dashboard").get("export"));
            model.put("message", words.message(language, "export_refused", Map.of("k", report.k())));
            model.put("kind", "error");
            model.put("role", "alert");
            model.put("buttonHref", Pages.link("/dashboard/teams/" + id + "/flows/" + flow.get().id(), language, null));
            model.put("buttonLabel", words.title(flow.get(), language));
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("notice", model))
                    .header("Cache-Control", "no-store");
        }
        if (kind.equals("texts.csv") && !ExportTexts.any(report)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found"); // no text question: no link on the page either
        }
        byte[] body = switch (kind) {
            case "csv" -> ExportFiles.csv(ExportTable.of(flow.get(), report, words, dashboards.zone(), language));
            case "xlsx" -> ExportFiles.xlsx(sheets(flow.get(), ExportTable.of(flow.get(), report, words, dashboards.zone(), language), report, language));
            default -> ExportFiles.csv(ExportTexts.of(report, words, language));
        };
        String file = "samenspraak-" + flow.get().id() + "-team-" + id + (kind.equals("texts.csv") ? "-texts.csv" : "." + kind);
        String type = kind.endsWith("csv") ? ExportFiles.CSV_TYPE + ";charset=utf-8" : ExportFiles.XLSX_TYPE;
        return HttpResponse.ok(body).contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store");
    }

    /** The XLSX's sheets: the rows, the free texts apart from them when the export holds any, and what each column asked. */
    private List<ExportFiles.Sheet> sheets(Flow flow, ExportTable rows, Report report, String language) {
        List<ExportFiles.Sheet> sheets = new ArrayList<>();
        sheets.add(new ExportFiles.Sheet(words.plain(language, "export_sheet", Map.of()), rows));
        if (ExportTexts.any(report)) {
            sheets.add(new ExportFiles.Sheet(words.plain(language, "export_texts_sheet", Map.of()), ExportTexts.of(report, words, language), true));
        }
        sheets.add(new ExportFiles.Sheet(words.plain(language, "export_questions_sheet", Map.of()),
                ExportTable.questions(rows, flow, words, language), true));
        return sheets;
    }

    /** A record flow (the topiclijst) started for the team by one of its managers; the conversation opens next. */
    @Post(value = "/teams/{id}/flows/{flowId}/start", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> start(VisibleTeam seen, @PathVariable long id, @PathVariable String flowId,
                                 @Body Map<String, String> form,
                                 @PageLanguage String language) {
        Optional<Flow> flow = dashboards.flow(flowId, DashboardUse.RECORD);
        if (flow.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        Turn turn = startConversation.start(flow.get().id(), language, Channel.WEB, Origin.team(id));
        if (turn.kind() != Turn.Kind.OK) {
            return startRefused(id, flow.get(), turn, language);
        }
        return HttpResponse.seeOther(URI.create("/c/" + turn.state().id()));
    }

    /**
     * A talk that cannot start (an uploaded record questionnaire in other languages than the page's): 422 and the
     * page the dashboard's other refusals are, in the manager's language, naming the languages it has as links to
     * this flow's page in each (a talk starts in the page's language) and leading back. It was a line of plain text.
     */
    private HttpResponse<?> startRefused(long id, Flow flow, Turn turn, String language) {
        String path = flowPath(id, flow);
        Object message = turn.kind() == Turn.Kind.UNKNOWN_LANGUAGE
                ? words.message(language, "start_refused", Map.of("flow", words.title(flow, language),
                        "languages", languageLinks(flow, id)))
                : new SafeHtml(turn.error()); // said by the service in the page's language already
        Map<String, Object> model = model(language);
        model.put("heading", pages.words(language, "dashboard").get("start_record"));
        model.put("message", message);
        model.put("kind", "error");
        model.put("role", "alert");
        model.put("buttonHref", Pages.link(path, language, null));
        model.put("buttonLabel", words.title(flow, language));
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("notice", model))
                .header("Cache-Control", "no-store");
    }

    private static String flowPath(long id, Flow flow) {
        return "/dashboard/teams/" + id + "/flows/" + flow.id();
    }

    /** The languages {@code flow} has, each as a link to the team's page of it in that language, comma separated. */
    private SafeHtml languageLinks(Flow flow, long id) {
        String path = flowPath(id, flow);
        return new SafeHtml(flow.languages().stream().map(code -> languageLink(path, code)).collect(Collectors.joining(", ")));
    }

    /** The flow's page in {@code code}, named in that language ("Türkçe"), isolated from the sentence around it. */
    private String languageLink(String path, String code) {
        return "<a href=\"" + TextRenderer.escape(Pages.link(path, code, null)) + "\" lang=\"" + TextRenderer.escape(code)
                + "\" dir=\"auto\">" + TextRenderer.escape(words.languageName(code)) + "</a>";
    }

    private List<RecordCard> records(Team team, Flow flow, String language) {
        List<RecordCard> records = new ArrayList<>();
        for (FinishedConversations.Finished c : dashboards.records(team, flow)) {
            List<RecordAnswer> answers = new ArrayList<>();
            for (String stepId : new java.util.LinkedHashSet<>(c.progress().path())) {
                Step step = flow.step(stepId).orElse(null);
                Object value = c.progress().answers().get(stepId);
                if (step == null || !step.asksSomething() || value == null) {
                    continue;
                }
                answers.add(new RecordAnswer(words.question(flow, step, language), words.answer(flow, step, value, language),
                        c.answerLanguages().getOrDefault(stepId, c.language())));
            }
            String date = nl.samenspraak.i18n.Moments.longDay(c.createdAt(), dashboards.zone(), language);
            records.add(new RecordCard(date, words.message(language, "record_title", Map.of("date", date)), answers,
                    dashboards.scores(flow, c).entrySet().stream().filter(e -> e.getValue() != null)
                            .map(e -> new RecordScore(words.dimension(flow, e.getKey(), language), e.getValue())).toList()));
        }
        return records;
    }

    private Account account(Authentication me) {
        return accounts.find(Accounts.idOf(me)).orElseThrow();
    }

    private Map<String, Object> model(String language) {
        Map<String, Object> model = pages.model(language, "auth", "dashboard", "manager");
        model.put("k", dashboards.minimumGroupSize());
        return model;
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model) {
        return HttpResponse.ok(new ModelAndView<>(view, model)).header("Cache-Control", "no-store");
    }
}
