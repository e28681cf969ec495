package nl.samenspraak.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.StateRenderer;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.limits.ClientAddress;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.questionnaire.QuestionnaireSettings;
import nl.samenspraak.questionnaire.Questionnaires;
import nl.samenspraak.security.Role;
import nl.samenspraak.web.Pages;
import nl.samenspraak.xlsform.XlsFormExporter;
import nl.samenspraak.xlsform.XlsFormProblem;
import nl.samenspraak.xlsform.XlsFormRefused;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The admin page "Vragenlijsten": upload an XLSForm, see every problem with sheet, row and column in the page's
 * language (422), or the questions in each of its languages as the chat shows them (each step through the
 * channel-neutral step view, before anything is answered), publish it, and download any flow the service serves
 * as an XLSForm.
 */
@Hidden
@Controller("/admin/questionnaires")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminQuestionnairesController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType XLSX = MediaType.of(XLSX_TYPE);
    /**
     * The problems a refused upload lists, the first ones; a sheet of 55,000 bad rows (200 kB packed) made a page of
     * 19 MB. The count of all of them is said below the list.
     */
    static final int PROBLEMS_LISTED = 100;

    private final Questionnaires questionnaires;
    private final FlowLibrary library;
    private final Pages pages;
    private final AdminPages admin;
    private final ClientAddress clients;
    private final ConversationEngine engine;
    private final TextRenderer renderer;
    private final long maxBytes;
    private final java.time.ZoneId zone;
    private final nl.samenspraak.dashboard.StrictestMinimumGroupSize k;

    public AdminQuestionnairesController(Questionnaires questionnaires, FlowLibrary library, Pages pages, AdminPages admin,
                                         ClientAddress clients, ConversationEngine engine, TextRenderer renderer,
                                         QuestionnaireSettings limits,
                                         nl.samenspraak.conversation.ConversationSettings settings,
                                         nl.samenspraak.dashboard.StrictestMinimumGroupSize k) {
        this.questionnaires = questionnaires;
        this.library = library;
        this.pages = pages;
        this.admin = admin;
        this.clients = clients;
        this.engine = engine;
        this.renderer = renderer;
        this.maxBytes = limits.maxBytes();
        this.zone = settings.zone();
        this.k = k;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request, Authentication me, @PageLanguage String language,
                                @Nullable @QueryValue String done) {
        return AdminPages.show("admin/questionnaires", listModel(language, me, done, List.of(), ""), HttpStatus.OK);
    }

    // a form without a file is told so (422), whoever posts it how: not a 415 before the login is even looked at
    @Post(consumes = {MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> upload(HttpRequest<?> request, Authentication me, @Nullable @Part("file") CompletedFileUpload file,
                                  @Nullable @Part("lang") String lang) {
        String language = pages.language(request, lang); // a multipart form: its fields are parts
        if (file == null || file.getSize() == 0) {
            // a file chosen that holds nothing is said as such ("choose a file first" after choosing one)
            boolean chosen = file != null && file.getFilename() != null && !file.getFilename().isBlank();
            return AdminPages.show("admin/questionnaires", listModel(language, me, null, List.of(),
                    pages.words(language, "admin").get(chosen ? "questionnaires_empty_file" : "questionnaires_no_file")),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (file.getSize() > maxBytes) {
            return AdminPages.show("admin/questionnaires", listModel(language, me, null, List.of(),
                    pages.message(language, "admin.questionnaires_too_large", Map.of("max", maxBytes / 1000)).toString()),
                    HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Questionnaires.Upload upload = questionnaires.upload(bytes, file.getFilename(), me.getName());
        if (upload instanceof Questionnaires.Refused refused) {
            // each problem in the page's language: its message key rendered with its values, escaped
            List<Map<String, Object>> problems = refused.problems().stream().limit(PROBLEMS_LISTED).map(p -> Map.<String, Object>of(
                    "sheet", p.sheet() == null ? pages.message(language, XlsFormProblem.WORKBOOK, Map.of()) : p.sheet(),
                    "row", p.row() > 0 ? String.valueOf(p.row()) : "",
                    "column", p.column() == null ? "" : p.column(),
                    "message", pages.message(language, p.key(), p.args()))).toList();
            Map<String, Object> model = listModel(language, me, null, problems,
                    pages.words(language, "admin").get("questionnaires_problems"));
            int total = refused.problems().size();
            if (total > PROBLEMS_LISTED) {
                model.put("problemsMore", pages.message(language, "admin.questionnaires_problems_more",
                        Map.of("shown", PROBLEMS_LISTED, "total", total)).toString());
            }
            return AdminPages.show("admin/questionnaires", model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Questionnaires.Draft draft = (Questionnaires.Draft) upload;
        return AdminPages.redirect("/admin/questionnaires/" + draft.version(), language, null);
    }

    /** The uploaded questionnaire in each of its languages, each question as the chat would show it. */
    @Get("/{version}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> preview(HttpRequest<?> request, Authentication me, @PathVariable String version,
                                   @PageLanguage String language) {
        var draft = questionnaires.draft(version);
        if (draft.isEmpty()) {
            return AdminPages.show("admin/questionnaires", listModel(language, me, null, List.of(),
                    pages.words(language, "admin").get("questionnaires_unknown")), HttpStatus.NOT_FOUND);
        }
        Flow flow = draft.get().flow();
        StateRenderer preview = new StateRenderer(engine, draft.get().library().translations(), renderer, null);
        List<Map<String, Object>> perLanguage = new ArrayList<>();
        for (String code : flow.languages()) {
            Language l = draft.get().library().translations().languageOrSource(code);
            List<ConversationState.StepView> steps = new ArrayList<>();
            for (Step step : flow.steps()) {
                steps.add(preview.preview(flow, step, code));
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("code", l.code());
            one.put("name", l.name());
            one.put("dir", l.direction());
            one.put("title", draft.get().library().translations().flowText(code, flow.id(), "title"));
            one.put("steps", steps);
            perLanguage.add(one);
        }
        Map<String, Object> model = admin.model(language, null, null);
        model.put("version", version);
        model.put("flowId", flow.id());
        model.put("languages", perLanguage);
        // who it is for and where the answers go, before it is published: without the settings an uploaded form was
        // offered to professionals, and its answers reached no dashboard and no export, which nothing had said
        Map<String, String> words = pages.words(language, "admin");
        model.put("audience", words.get("questionnaires_for_" + flow.audience().key()));
        // with the k its figures will have: a form's minimum_group_size below the service's is no lower k, and an admin
        // who meant to lower it was told nothing
        model.put("answersGo", pages.message(language, "admin.questionnaires_answers_" + flow.dashboard().key(), Map.of("k",
                new nl.samenspraak.dashboard.MinimumGroupSize(k.k()).atLeast(flow.minimumGroupSize()).k())).toString());
        // a copy of the bundled example keeps its "demo: yes" and was "published" and offered nowhere
        model.put("demo", flow.demo() ? words.get("questionnaires_demo") : "");
        // which version is live: publishing an older preview again (the browser's back button) put it back without
        // a word, and the list called every version published
        questionnaires.catchUp();
        Optional<String> served = questionnaires.servedVersion(flow.id());
        model.put("inUse", served.filter(version::equals).isPresent());
        model.put("replaces", served.filter(v -> !v.equals(version)).flatMap(v -> questionnaires.all().stream()
                .filter(q -> q.version().equals(v) && q.publishedAt() != null).findFirst())
                .map(q -> pages.message(language, "admin.questionnaires_replaces", Map.of("short", q.version().substring(0, 12),
                        "published", WHEN.format(q.publishedAt().atZone(zone)))).toString()).orElse(""));
        return AdminPages.show("admin/questionnaire", model, HttpStatus.OK);
    }

    @Post(value = "/{version}/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> publish(HttpRequest<?> request, Authentication me, @PathVariable String version,
                                   @Body Map<String, String> form,
                                 @PageLanguage String language) {
        if (questionnaires.publish(version, me.getName(), clients.of(request)).isEmpty()) {
            return AdminPages.show("admin/questionnaires", listModel(language, me, null, List.of(),
                    pages.words(language, "admin").get("questionnaires_unknown")), HttpStatus.NOT_FOUND);
        }
        return AdminPages.redirect("/admin/questionnaires", language, "questionnaire_published");
    }

    /**
     * Any flow the service serves, as an XLSForm with all its languages side by side: a published questionnaire as
     * the spreadsheet that was uploaded (the admin's own, with every way out as they wrote it: written back from the
     * flow, one with several ways out after a question was refused with the flow file's path and line).
     */
    @Get("/flows/{flowId}.xlsx")
    // the file, or the page that says why there is none (labelled a page whatever the client asked for:
    // web.PagesAreHtml); without it a client asking for the file by its type (a spreadsheet tool, curl) got 406
    @Produces({XLSX_TYPE, MediaType.TEXT_HTML})
    public HttpResponse<?> download(@PathVariable String flowId, @PageLanguage String language) {
        var flow = library.flow(flowId);
        if (flow.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        Optional<byte[]> uploaded = questionnaires.servedVersion(flowId).flatMap(questionnaires::xlsx);
        if (uploaded.isPresent()) {
            return HttpResponse.ok(uploaded.get()).contentType(XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + flowId + ".xlsx\"")
                    .header("Cache-Control", "no-store");
        }
        try {
            byte[] xlsx = XlsFormExporter.export(flow.get(), library.translations());
            return HttpResponse.ok(xlsx).contentType(XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + flowId + ".xlsx\"")
                    .header("Cache-Control", "no-store");
        } catch (XlsFormRefused e) {
            return notWritable(flowId, e, language);
        }
    }

    /**
     * A flow the service serves that XLSForm cannot say (ways out that are no skip ahead): 422 and the page the admin's
     * other refusals of a file are ({@code notice}, as the dashboard's export), in the admin's language, saying which
     * flow, which step and why, and leading back to the list. It was a line of plain text, in a file's place, with the
     * flow file's path and line. What went wrong is the step, not the file: the conversation itself works.
     */
    private HttpResponse<?> notWritable(String flowId, XlsFormRefused refused, String language) {
        String problems = refused.problems().stream().map(p -> pages.message(language, p.key(), p.args()).html())
                .collect(Collectors.joining("; "));
        Map<String, Object> model = admin.model(language, null, null);
        Map<String, String> words = pages.words(language, "admin");
        model.put("heading", words.get("questionnaires_download"));
        model.put("message", pages.message(language, "admin.questionnaires_download_refused", Map.of(
                "flow", library.translations().flowText(language, flowId, "title"), "problem", new SafeHtml(problems))));
        model.put("kind", "error");
        model.put("role", "alert");
        model.put("buttonHref", Pages.link("/admin/questionnaires", language, null));
        model.put("buttonLabel", words.get("questionnaires_title"));
        return AdminPages.show("notice", model, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private Map<String, Object> listModel(String language, Authentication me, @Nullable String done,
                                          List<Map<String, Object>> problems, String problem) {
        questionnaires.catchUp(); // what another instance published a moment ago is listed here too
        Map<String, Object> model = admin.model(language, null, done);
        model.put("problem", problem == null ? "" : problem);
        model.put("problems", problems);
        model.put("problemsMore", "");
        Map<String, String> words = pages.words(language, "admin");
        model.put("flows", library.flows().stream().map(f -> Map.of("id", f.id(),
                "title", library.translations().flowText(language, f.id(), "title"),
                "kind", questionnaires.isPublished(f.id()) ? words.get("questionnaires_published")
                        : words.get("questionnaires_bundled"))).toList());
        model.put("uploads", questionnaires.all().stream().map(q -> Map.of("version", q.version(),
                "short", q.version().substring(0, 12), "flowId", q.flowId(), "fileName", q.fileName(),
                "uploaded", WHEN.format(q.uploadedAt().atZone(zone)) + " · " + q.uploadedBy(),
                "published", q.publishedAt() == null ? "" : WHEN.format(q.publishedAt().atZone(zone)) + " · " + q.publishedBy(),
                "state", q.publishedAt() == null ? "" : questionnaires.servedVersion(q.flowId()).filter(q.version()::equals).isPresent()
                        ? words.get("questionnaires_in_use") : questionnaires.leftOut(q.version()) ? "" : words.get("questionnaires_replaced"),
                "notServed", questionnaires.leftOut(q.version()) ? words.get("questionnaires_not_served") : ""))
                .toList());
        model.put("maxKb", maxBytes / 1000);
        return model;
    }
}
