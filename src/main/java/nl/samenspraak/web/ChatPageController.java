package nl.samenspraak.web;

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
import nl.samenspraak.api.AttemptLimiter;
import nl.samenspraak.conversation.ConversationService;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.storage.ResumeCodes;
import nl.samenspraak.system.RequestLanguage;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The web chat for phones: a start page (flows, language, resume code) and the chat page ({@link ChatView}).
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChatPageController {
    private final FlowLibrary library;
    private final ConversationService conversations;
    private final RequestLanguage requestLanguage;
    private final AttemptLimiter limiter;
    private final Pages pages;
    private final ChatView chatView;

    public ChatPageController(FlowLibrary library, ConversationService conversations, RequestLanguage requestLanguage,
                              AttemptLimiter limiter, Pages pages, ChatView chatView) {
        this.library = library;
        this.conversations = conversations;
        this.requestLanguage = requestLanguage;
        this.limiter = limiter;
        this.pages = pages;
        this.chatView = chatView;
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
        Turn turn = conversations.start(form.get("flow"), language, "web");
        if (turn.kind() != Turn.Kind.OK) {
            return startPage(language, turn.error(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return HttpResponse.seeOther(URI.create("/c/" + turn.state().id()));
    }

    @Get("/resume")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> resume(HttpRequest<?> request, @Nullable @QueryValue String code, @Nullable @QueryValue String lang) {
        String language = requestLanguage.of(request, lang);
        if (!limiter.tryAcquire(request.getRemoteAddress().getAddress().getHostAddress())) {
            return startPage(language, message(language, "error.too_many_attempts"), HttpStatus.TOO_MANY_REQUESTS);
        }
        String normalized = ResumeCodes.normalize(code);
        Optional<ConversationState> found = normalized == null ? Optional.empty() : conversations.resume(normalized);
        return found.<HttpResponse<?>>map(s -> HttpResponse.seeOther(URI.create("/c/" + s.id())))
                .orElseGet(() -> startPage(language, message(language, "error.resume_not_found"), HttpStatus.NOT_FOUND));
    }

    @Get("/c/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> chat(HttpRequest<?> request, @PathVariable String id) {
        Optional<ConversationState> state = conversations.state(id);
        if (state.isEmpty()) {
            String language = requestLanguage.of(request, null);
            return startPage(language, message(language, "error.conversation_not_found"), HttpStatus.NOT_FOUND);
        }
        return chatView.page(request, state.get(), ChatView.Setup.respondent(state.get()));
    }

    private HttpResponse<?> startPage(String language, @Nullable String error, HttpStatus status) {
        Map<String, Object> model = page(language);
        model.put("flows", pages.flows(language, f -> true));
        model.put("languages", pages.languages(language));
        model.put("error", error == null ? "" : error);
        return HttpResponse.status(status).body(new ModelAndView<>("index", model));
    }

    private Map<String, Object> page(String language) {
        return pages.model(language);
    }

    private String message(String language, String key) {
        return library.translations().message(language, key);
    }

}
