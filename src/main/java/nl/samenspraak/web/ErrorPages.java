package nl.samenspraak.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import nl.samenspraak.system.RefusalWords;

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
                : pages.message(language,
                        RefusalWords.key(context, response.getStatus().getCode(), RefusalWords.Reader.PAGE), Map.of()).html());
        model.put("kind", "error");
        model.put("role", "alert");
        return pages.html("notice", model, context.getRequest());
    }
}
