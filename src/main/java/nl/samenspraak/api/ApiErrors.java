package nl.samenspraak.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.system.RequestLanguage;

import java.util.Map;

/** Error replies in the client's language: the one asked, else the browser's (Accept-Language), else Dutch. */
@Singleton
public class ApiErrors {
    private final Translations translations;
    private final RequestLanguage requestLanguage;

    public ApiErrors(FlowLibrary library, RequestLanguage requestLanguage) {
        this.translations = library.translations();
        this.requestLanguage = requestLanguage;
    }

    public HttpResponse<ApiError> notFound(@Nullable String language) {
        return worded(HttpStatus.NOT_FOUND, language, "error.conversation_not_found");
    }

    /** 410 with the message {@code key} in the client's language and no state: what was there is no longer shown to them. */
    public HttpResponse<ApiError> gone(@Nullable String language, String key) {
        return worded(HttpStatus.GONE, language, key);
    }

    /** {@code status} with the message {@code key} in {@code language} (Dutch where the product lacks it), saying which. */
    public MutableHttpResponse<ApiError> worded(HttpStatus status, @Nullable String language, String key) {
        return said(HttpResponse.<ApiError>status(status), language).body(ApiError.worded(key, message(language, key)));
    }

    /**
     * {@code reply} saying the language of its message (Content-Language), as the framework's own refusals do
     * ({@code system.ErrorReplies}): a client marks the message with it, in its own direction.
     */
    public <T> MutableHttpResponse<T> said(MutableHttpResponse<T> reply, @Nullable String language) {
        return reply.header(HttpHeaders.CONTENT_LANGUAGE, spoken(language));
    }

    /** The language a message asked in {@code language} is in: that one when the product speaks it, else Dutch. */
    private String spoken(@Nullable String language) {
        return translations.languageOrSource(language).code();
    }

    public String message(@Nullable String language, String key) {
        return translations.message(spoken(language), key);
    }

    public String message(@Nullable String language, String key, Map<String, Object> parameters) {
        return new TextRenderer().render(message(language, key), parameters);
    }

    /** The first language of the request's Accept-Language header that the product speaks, or Dutch. */
    public String languageOf(@Nullable HttpRequest<?> request) {
        return requestLanguage.of(request, null);
    }

    /** {@code asked} when the product speaks it, else as {@link #languageOf(HttpRequest)}. */
    public String languageOf(@Nullable HttpRequest<?> request, @Nullable String asked) {
        return requestLanguage.of(request, asked);
    }

    /** The first language of an Accept-Language header that the product speaks, or Dutch. */
    public String languageOfHeader(@Nullable String acceptLanguage) {
        return requestLanguage.fromHeader(acceptLanguage);
    }
}
