package nl.samenspraak.web;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ChangeConversation;
import nl.samenspraak.conversation.DeleteConversation;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.pdf.ResultPdf;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.conversation.ResumeByCode;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowGroups;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.system.RequestLanguage;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The web chat for phones: a start page (the flows grouped by who answers, languages as links, resume code), the
 * chat page ({@link ChatView}) with its language switch, the result as a PDF ({@link ResultPdf}), and the page
 * that says a conversation was forgotten.
 */
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS) // the web chat is for everyone: no login
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChatPageController {
    private final FlowLibrary library;
    private final StartConversation startConversation;
    private final ReadConversation readConversation;
    private final ChangeConversation changeConversation;
    private final RequestLanguage requestLanguage;
    private final ResumeByCode byCode;
    private final nl.samenspraak.limits.ClientAddress clients;
    private final nl.samenspraak.limits.StartLimit startLimit;
    private final Pages pages;
    private final ChatView chatView;
    private final nl.samenspraak.conversation.OfferedFlows offered;
    private final ResultPdf pdf;
    private final DeleteConversation deleteConversation;

    public ChatPageController(FlowLibrary library, StartConversation startConversation,
                              ReadConversation readConversation, ChangeConversation changeConversation,
                              RequestLanguage requestLanguage, ResumeByCode byCode, Pages pages, ChatView chatView,
                              nl.samenspraak.conversation.OfferedFlows offered, ResultPdf pdf, nl.samenspraak.limits.ClientAddress clients,
                              nl.samenspraak.limits.StartLimit startLimit, DeleteConversation deleteConversation) {
        this.deleteConversation = deleteConversation;
        this.clients = clients;
        this.startLimit = startLimit;
        this.library = library;
        this.startConversation = startConversation;
        this.readConversation = readConversation;
        this.changeConversation = changeConversation;
        this.requestLanguage = requestLanguage;
        this.byCode = byCode;
        this.pages = pages;
        this.chatView = chatView;
        this.offered = offered;
        this.pdf = pdf;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> start(HttpRequest<?> request, @Nullable @QueryValue String lang) {
        return startPage(requestLanguage.of(request, lang), null, HttpStatus.OK);
    }

    @Post(value = "/start", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> begin(HttpRequest<?> request, @Body Map<String, String> form) {
        String language = requestLanguage.of(request, form.get("lang"));
        Turn turn = startConversation.start(form.get("flow"), language, Channel.WEB, () -> startLimit.tryStart(request));
        if (turn.kind() == Turn.Kind.TOO_MANY_STARTS) {
            return startPage(language, turn.error(), HttpStatus.TOO_MANY_REQUESTS);
        }
        if (turn.kind() == Turn.Kind.UNKNOWN_FLOW) {
            // a flow taken away since the page was loaded, or an old bookmark: not found, as the API says (404), and
            // the conversations that are offered right below the words
            return startPage(language, turn.error() + " " + message(language, "web.choose_another"), HttpStatus.NOT_FOUND);
        }
        if (turn.kind() != Turn.Kind.OK) {
            return startPage(language, turn.error(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return HttpResponse.seeOther(URI.create("/c/" + turn.state().id()));
    }

    @Get("/resume")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> resume(HttpRequest<?> request, @Nullable @QueryValue String code, @Nullable @QueryValue String lang) {
        String language = requestLanguage.of(request, lang);
        if (code == null || code.isBlank()) {
            // nothing typed: ask for the code, not "no conversation with this code" (nor count it as an attempt)
            return resumeRefused(language, message(language, "error.resume_code_missing"), code, HttpStatus.BAD_REQUEST);
        }
        ResumeByCode.Lookup lookup = byCode.find(clients.of(request), code);
        if (lookup instanceof ResumeByCode.Lookup.Found found) {
            return HttpResponse.seeOther(URI.create("/c/" + found.state().id()));
        }
        // a code that opens nothing is said beside the code field, with the code as typed, not at the top of the page
        if (lookup instanceof ResumeByCode.Lookup.Closed closed) {
            // the words say the conversation can still be deleted: the code does that, so the page offers it right there;
            // in the language asked for (the start page's form sends its own), else the conversation's, as its link says it
            String said = library.translations().known(lang).orElse(closed.language());
            Map<String, Object> model = resumeRefusal(said, readConversation.closedMessage(said, closed.flowId()), code);
            model.put("forget", forget(said, closed.flowId(), "/resume/delete", typed(code), "resume"));
            return HttpResponse.status(HttpStatus.GONE).body(new ModelAndView<>("index", model));
        }
        if (lookup instanceof ResumeByCode.Lookup.TooManyAttempts) {
            return resumeRefused(language, message(language, "error.too_many_attempts"), code, HttpStatus.TOO_MANY_REQUESTS);
        }
        if (lookup instanceof ResumeByCode.Lookup.Held held) {
            // answered together with an intermediair: it goes on only with them, and the code is the resident's way to
            // have it deleted without them (the intermediair's menu says so beside the code); in its flow's words, which
            // address residents and clients politely
            Map<String, Object> model = page(language);
            model.put("t", library.translations().messages(language, "web.", held.flowId()));
            model.put("code", typed(code));
            model.put("flow", held.flowId());
            model.put("finished", held.finished());
            return HttpResponse.ok(new ModelAndView<>("resume-held", model)).header("Cache-Control", "no-store");
        }
        return resumeRefused(language, message(language, "error.resume_not_found"), code, HttpStatus.NOT_FOUND);
    }

    /** Deletes the conversation with the code: the button of the page a held conversation's code shows. */
    @Post(value = "/resume/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> deleteByCode(HttpRequest<?> request, @Body Map<String, String> form) {
        String language = requestLanguage.of(request, form.get("lang"));
        String code = form.get("code");
        return switch (byCode.delete(clients.of(request), code)) {
            case DELETED -> HttpResponse.seeOther(URI.create(deletedPage(language, form.get("flow"))));
            case TOO_MANY_ATTEMPTS -> resumeRefused(language, message(language, "error.too_many_attempts"), code, HttpStatus.TOO_MANY_REQUESTS);
            case NOT_FOUND -> resumeRefused(language, message(language, "error.resume_not_found"), code, HttpStatus.NOT_FOUND);
        };
    }

    @Get("/c/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> chat(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String lang) {
        Optional<ConversationState> state = readConversation.state(id);
        if (state.isEmpty()) {
            return notThere(request, id, lang);
        }
        return chatView.page(request, state.get(), ChatView.Setup.respondent(state.get()));
    }

    /** Goes on in another language the flow speaks: the same question, its words in that language. */
    @Post(value = "/c/{id}/language", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> language(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        Turn turn = changeConversation.changeLanguage(id, form.get("lang"));
        if (turn.kind() == Turn.Kind.NOT_FOUND) {
            String language = requestLanguage.of(request, form.get("lang"));
            return startPage(language, message(language, "error.conversation_not_found"), HttpStatus.NOT_FOUND);
        }
        if (turn.kind() == Turn.Kind.UNKNOWN_LANGUAGE && turn.state() != null) {
            // a language the flow lacks ("xx" in a hand-made address) went back to the chat as if it were chosen:
            // 422, saying which languages there are, in the conversation's words, with the way back to it
            String language = turn.state().language();
            Map<String, Object> model = page(language);
            @SuppressWarnings("unchecked")
            Map<String, String> t = (Map<String, String>) model.get("t");
            model.put("heading", t.get("error_title"));
            model.put("message", turn.error());
            model.put("kind", "error");
            model.put("role", "alert");
            model.put("buttonHref", "/c/" + Pages.encode(id));
            model.put("buttonLabel", t.get("back_to_chat"));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("notice", model))
                    .header("Cache-Control", "no-store");
        }
        return HttpResponse.seeOther(URI.create("/c/" + id));
    }

    /** The result as a PDF to keep: title, date, language, the summary and the tips, as on the page. */
    @Get("/c/{id}/result.pdf")
    // the file, or the page that says why there is none (a page whatever the client asked for: web.PagesAreHtml);
    // without it a client asking for a PDF by its type got 406
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    public HttpResponse<?> resultPdf(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String lang) {
        Optional<ConversationState> state = readConversation.state(id).filter(ConversationState::done);
        if (state.isEmpty() || state.get().result() == null) {
            return notThere(request, id, lang);
        }
        ConversationState s = state.get();
        java.time.LocalDate day = readConversation.lastChanged(id).orElse(java.time.LocalDate.now());
        byte[] file = pdf.make(s, day);
        String name = "samenspraak-" + s.flow() + "-" + day + ".pdf";
        return HttpResponse.ok(file).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store");
    }

    /**
     * Why a conversation's page or its PDF is not there, the same for both: a result that has closed (its time past) is
     * 410 with the words that say so; anything else (an id that is not there, a forgotten conversation, an unfinished
     * one's PDF) is 404. The PDF of a closed result said "not found" where its page said "closed". In the language
     * asked ({@code ?lang}, as the chat's PDF link carries it), else the conversation's, else the browser's: an
     * Arabic conversation on a phone set to Dutch was told in Dutch that its result had closed.
     */
    private HttpResponse<?> notThere(HttpRequest<?> request, String id, @Nullable String lang) {
        Optional<ReadConversation.ClosedResult> closed = readConversation.closedResult(id, false);
        String language = requestLanguage.of(request, lang != null ? lang : closed.map(ReadConversation.ClosedResult::language).orElse(null));
        if (closed.isEmpty()) {
            return startPage(language, message(language, "error.conversation_not_found"), HttpStatus.NOT_FOUND);
        }
        // the words say it can still be deleted: the id that opened it deletes it, as the chat's menu and the API do
        Map<String, Object> model = startModel(language, readConversation.closedMessage(language, closed.get().flowId()));
        model.put("forget", forget(language, closed.get().flowId(), "/c/" + id + "/delete", "", "top"));
        return HttpResponse.status(HttpStatus.GONE).body(new ModelAndView<>("index", model));
    }

    /**
     * Deletes the conversation of this link: the button of the page that says its result has closed, what "forget my
     * answers" in the chat's menu does ({@code DELETE /api/conversations/{id}}), as a form, for a page without script.
     * Only what the link opens publicly; anything else is "not found", as for an id that is not there.
     */
    @Post(value = "/c/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> deleteById(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        String language = requestLanguage.of(request, form.get("lang"));
        if (!deleteConversation.delete(id, Caller.PUBLIC)) {
            return startPage(language, message(language, "error.conversation_not_found"), HttpStatus.NOT_FOUND);
        }
        return HttpResponse.seeOther(URI.create(deletedPage(language, form.get("flow"))));
    }

    /**
     * The delete control of a closed result, as the held page has it (what it does, then the button), in the words of
     * the conversation's flow; {@code action} with {@code code} (empty: none) says what it deletes, {@code at} where
     * the start page shows it: beside the message at the top, or at the resume field where the code was typed.
     */
    private Map<String, String> forget(String language, String flow, String action, String code, String at) {
        Map<String, String> t = library.translations().messages(language, "web.", flow);
        return Map.of("action", action, "code", code, "flow", flow, "at", at,
                "hint", t.get("forget_hint"), "button", t.get("forget_button"));
    }

    /**
     * Where "forget my answers" ends: it is done, nothing of the conversation is left. Said in the words of the flow
     * it was ({@code flow}, when the service has it), as the chat was: a resident of a polite flow was told "je
     * antwoorden" here after a whole conversation of "u".
     */
    @Get("/deleted")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> deleted(HttpRequest<?> request, @Nullable @QueryValue String lang, @Nullable @QueryValue String flow) {
        String language = requestLanguage.of(request, lang);
        Map<String, Object> model = page(language);
        if (flow != null && library.flow(flow).isPresent()) {
            model.put("t", library.translations().messages(language, "web.", flow));
        }
        @SuppressWarnings("unchecked")
        Map<String, String> t = (Map<String, String>) model.get("t");
        model.put("heading", t.get("forgotten_title"));
        model.put("message", t.get("forgotten"));
        model.put("kind", "notice");
        model.put("role", "status");
        return HttpResponse.ok(new ModelAndView<>("notice", model)).header("Cache-Control", "no-store");
    }

    /** The page after a deletion, in the words of the flow the conversation was of when the service has it. */
    private String deletedPage(String language, @Nullable String flow) {
        String page = Pages.link("/deleted", language, null);
        return flow != null && library.flow(flow).isPresent() ? page + "&flow=" + Pages.encode(flow) : page;
    }

    private HttpResponse<?> startPage(String language, @Nullable String error, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>("index", startModel(language, error)));
    }

    /**
     * The start page with why a resume code opened nothing, said at the code field (at the page's end on a phone,
     * where the person typed it) and with the code kept in it to correct, instead of at the top of the page.
     */
    private HttpResponse<?> resumeRefused(String language, String why, @Nullable String code, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>("index", resumeRefusal(language, why, code)));
    }

    private Map<String, Object> resumeRefusal(String language, String why, @Nullable String code) {
        Map<String, Object> model = startModel(language, null);
        model.put("resumeError", why);
        model.put("code", typed(code));
        return model;
    }

    /** The code as typed, as much as the field takes (its maxlength), whatever the address carried. */
    private static String typed(@Nullable String code) {
        String typed = code == null ? "" : code.strip();
        return typed.codePointCount(0, typed.length()) > 12 ? typed.substring(0, typed.offsetByCodePoints(0, 12)) : typed;
    }

    private Map<String, Object> startModel(String language, @Nullable String error) {
        Map<String, Object> model = page(language);
        model.put("groups", groups(language));
        model.put("languages", pages.languages(language, f -> !f.demo() || offered.offers(f)));
        model.put("error", error == null ? "" : error);
        model.put("resumeError", "");
        model.put("code", "");
        model.put("forget", false);
        return model;
    }

    /**
     * The flows by who answers ({@link FlowGroups}); an example flow only when configured. A group without flows in this
     * language is left out.
     */
    private List<Map<String, Object>> groups(String language) {
        Map<String, String> t = library.translations().messages(language, "web.");
        List<Flow> listed = library.listed().stream().filter(f -> f.speaks(language) && (!f.demo() || offered.offers(f))).toList();
        List<Map<String, Object>> groups = new ArrayList<>();
        for (FlowGroups.Group group : FlowGroups.of(listed)) {
            Set<String> ids = group.flows().stream().map(Flow::id).collect(java.util.stream.Collectors.toSet());
            groups.add(Map.of("id", group.key(), "title", t.get(group.key()), "flows", pages.flows(language, f -> ids.contains(f.id()))));
        }
        return groups;
    }

    private Map<String, Object> page(String language) {
        return pages.model(language);
    }

    private String message(String language, String key) {
        return library.translations().message(language, key);
    }

}
