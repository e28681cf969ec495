package nl.samenspraak.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import nl.samenspraak.system.RefusalPages;
import nl.samenspraak.system.RefusalWords;
import nl.samenspraak.system.RequestLanguage;

import java.util.Map;

/**
 * What a browser gets for an error the framework answers (an address that does not exist, a missing static
 * file, a wrong method): a page in the person's language (asked with ?lang=, else the browser's) that says what
 * happened in plain words and leads home. Never the framework's English page, never a stack trace.
 */
@Singleton
@Replaces(HtmlErrorResponseBodyProvider.class)
public class ErrorPages implements HtmlErrorResponseBodyProvider, RefusalPages {
    private final Pages pages;
    private final RequestLanguage languages;
    /** The questionnaires page's upload limit, in kB, for a spreadsheet the server refused before that page could. */
    private final long questionnaireKb;

    public ErrorPages(Pages pages, RequestLanguage languages,
                      @io.micronaut.context.annotation.Value("${samenspraak.questionnaires.max-bytes}") long questionnaireBytes) {
        this.pages = pages;
        this.languages = languages;
        this.questionnaireKb = questionnaireBytes / 1000;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        // the language the address names (a chat's, a resident link's, an account's own), else ?lang=, else the browser's
        String language = languages.refusal(context.getRequest());
        int status = response.getStatus().getCode();
        return page(language, status, RefusalWords.key(context, status, RefusalWords.Reader.PAGE), context.getRequest());
    }

    /**
     * The same page for a refusal written before the framework reads the request ({@code system.MalformedRequests}: an
     * address that does not decode), with the message {@code key}: all there is to go by is the browser's language.
     */
    @Override
    public String refusal(String language, int status, String key) {
        return page(language, status, key, null);
    }

    @Override
    public Map<String, String> headers() {
        return SecurityHeaders.ALWAYS;
    }

    private String page(String language, int status, String key, @Nullable HttpRequest<?> request) {
        Map<String, Object> model = pages.model(language);
        @SuppressWarnings("unchecked")
        Map<String, String> t = (Map<String, String>) model.get("t");
        boolean notFound = status == 404;
        model.put("heading", t.get(notFound ? "not_found_title" : "error_title"));
        model.put("message", notFound ? t.get("not_found") : pages.message(language, key, Map.of()).html());
        model.put("kind", "error");
        model.put("role", "alert");
        model.put("buttonHref", "/?lang=" + model.get("lang"));
        model.put("buttonLabel", t.get("home"));
        model.put("languages", languageLinks(model.get("lang").toString(), request));
        if (status == 413 && request != null && "/admin/questionnaires".equals(request.getPath())) {
            // a spreadsheet above the server's own limit (256 kB), refused before the page could read it: said as the
            // page says one above its own, with the way back there; it was "Er ging iets mis" and the start page
            model.put("message", pages.message(language, "admin.questionnaires_too_large", Map.of("max", questionnaireKb)).html());
            model.put("buttonHref", "/admin/questionnaires?lang=" + model.get("lang"));
            model.put("buttonLabel", pages.words(language, "admin").get("questionnaires_title"));
        }
        if (status == 401 && request != null) {
            // a page that needs a login, asked for by a client that did not name text/html (curl, a webview: */*, or
            // no Accept) and so is not redirected as a browser is: it leads to the login page and back, not home
            @SuppressWarnings("unchecked")
            Map<String, String> auth = (Map<String, String>) pages.model(language, "auth").get("auth");
            String query = request.getUri().getRawQuery();
            model.put("heading", auth.get("login_title"));
            model.put("buttonHref", "/login?next=" + Pages.encode(request.getPath() + (query == null ? "" : "?" + query)));
            model.put("buttonLabel", auth.get("login_button"));
        }
        return pages.html("notice", model, request);
    }

    /**
     * The start page's language links, on the error page: a 404 without Accept-Language was Dutch with no way to
     * another language. A page asked for (GET) is asked for again in the language chosen, so its words are read in it;
     * anything else leads to the start page in it.
     */
    private java.util.List<Map<String, String>> languageLinks(String language, @Nullable HttpRequest<?> request) {
        String raw = request != null && io.micronaut.http.HttpMethod.GET.equals(request.getMethod()) ? request.getUri().getRawPath() : null;
        // only a plain path is written back into the page: anything else (quotes, spaces, a scheme) leads home
        String path = raw != null && raw.matches("/[A-Za-z0-9/._~%-]*") && !raw.startsWith("//") ? raw : "/";
        return pages.languages(language).stream().map(l -> Map.of("code", l.get("code"), "name", l.get("name"),
                "selected", l.get("selected"), "href", path + "?lang=" + l.get("code"))).toList();
    }
}
