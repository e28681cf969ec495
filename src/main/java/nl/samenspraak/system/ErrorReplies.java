package nl.samenspraak.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

/**
 * Whether an error the framework answers is a page or JSON, by {@link RefusalWords.Reader#of}: a page route answers
 * a person with the page ({@code web.ErrorPages}) unless the client explicitly prefers JSON; a JSON route answers
 * {@code {"error": ...}} ({@code api.ApiErrorBodyProvider}). The framework's own choice gave JSON to every client that
 * did not name text/html, so a form posted from curl or a webview ({@code Accept: *}{@code /*}) got a line of JSON.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ErrorReplies implements ErrorResponseProcessor<Object> {
    private final JsonErrorResponseBodyProvider<?> json;
    private final HtmlErrorResponseBodyProvider html;

    private final RequestLanguage languages;

    public ErrorReplies(JsonErrorResponseBodyProvider<?> json, HtmlErrorResponseBodyProvider html, RequestLanguage languages) {
        this.json = json;
        this.html = html;
        this.languages = languages;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Object> reply = (MutableHttpResponse<Object>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD || response.status().getCode() < 400) {
            return reply;
        }
        // the language the page or {"error"} is in (RequestLanguage#refusal, which both read), said in a header, so
        // that the web chat marks its error box with it (lang, dir). Two refusals read nothing stored: a failure of our
        // own (5xx), and a limit's 429, which is the same whether the conversation or link is there or not (its
        // language, looked up, told an id's existence beyond the limit, and cost a read per refused request)
        int status = response.status().getCode();
        String language = status >= 500 || status == 429 ? languages.withoutLookup(context.getRequest())
                : languages.refusal(context.getRequest());
        reply.header(io.micronaut.http.HttpHeaders.CONTENT_LANGUAGE, language);
        if (RefusalWords.Reader.of(context.getRequest()) == RefusalWords.Reader.PAGE) {
            Object page = html.body(context, response);
            return reply.body(page).contentType(html.contentType());
        }
        Object error = json.body(context, response);
        return reply.body(error).contentType(json.contentType());
    }
}
