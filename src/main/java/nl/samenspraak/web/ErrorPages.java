package nl.samenspraak.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import nl.samenspraak.system.UnreadableForms;

import java.util.Map;

/**
 * What a browser gets for an error the framework answers (an address that does not exist, a missing static
 * file, a wrong method): a page in the person's language (asked with ?lang=, else the browser's) that says what
 * happened in plain words and leads home. Never the framework's English page, never a stack trace.
 */
@Singleton
@Replaces(HtmlErrorResponseBodyProvider.class)
public class ErrorPages implements HtmlErrorResponseBodyProvider {
    private final Pages pages;

    public ErrorPages(Pages pages) {
        this.pages = pages;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        String language = pages.language(context.getRequest(), context.getRequest().getParameters().get("lang"));
        Map<String, Object> model = pages.model(language);
        @SuppressWarnings("unchecked")
        Map<String, String> t = (Map<String, String>) model.get("t");
        boolean notFound = response.getStatus().getCode() == 404;
        model.put("heading", t.get(notFound ? "not_found_title" : "error_title"));
        model.put("message", notFound ? t.get("not_found")
                : pages.message(language, messageKey(context, response), Map.of()).html());
        model.put("kind", "error");
        model.put("role", "alert");
        return pages.html("notice", model, context.getRequest());
    }

    /**
     * What the page says, by what happened: above all that what the person sent was NOT saved while the database is
     * unreachable (503, the same words as the API's), a form that did not arrive, a file too large, too many tries;
     * the API's words that speak of JSON are not a person's, so any other refusal asks them to go back and try again.
     */
    private static String messageKey(ErrorContext context, HttpResponse<?> response) {
        if (UnreadableForms.about(context)) {
            return UnreadableForms.MESSAGE;
        }
        int status = response.getStatus().getCode();
        return switch (status) {
            case 405 -> "error.method_not_allowed";
            case 413 -> "error.too_large";
            case 429 -> "error.too_many_attempts";
            case 503 -> "error.unavailable";
            default -> status >= 500 ? "error.internal" : "error.page_bad_request";
        };
    }
}
