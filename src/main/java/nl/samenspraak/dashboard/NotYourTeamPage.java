package nl.samenspraak.dashboard;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import nl.samenspraak.pages.PageLanguageBinder;
import nl.samenspraak.web.Pages;

import java.util.Map;

/**
 * The one answer to {@link NotYourTeam}: 403 with "this is not your team" in the person's language, never cached: the
 * language the account chose for its own pages first (a manager with Arabic chosen was told so in Dutch, as the
 * general 403 is not), else the form's or address's {@code lang}, else the browser's.
 */
@Singleton
@Produces
@Requires(classes = {NotYourTeam.class, ExceptionHandler.class})
public class NotYourTeamPage implements ExceptionHandler<NotYourTeam, HttpResponse<?>> {
    private final Pages pages;
    private final DashboardWords words;
    private final PageLanguageBinder language;

    public NotYourTeamPage(Pages pages, DashboardWords words, PageLanguageBinder language) {
        this.pages = pages;
        this.words = words;
        this.language = language;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, NotYourTeam exception) {
        String lang = language.refusal(request);
        Map<String, Object> model = pages.model(lang, "auth");
        model.put("message", words.message(lang, "not_your_team", Map.of()));
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                .body(pages.html("forbidden", model, request)).header("Cache-Control", "no-store");
    }
}
