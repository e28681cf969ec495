package nl.samenspraak.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
        return HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(ApiError.worded("error.conversation_not_found", message(language, "error.conversation_not_found")));
    }

    /** 410 with the message {@code key} in the client's language and no state: what was there is no longer shown to them. */
    public HttpResponse<ApiError> gone(@Nullable String language, String key) {
        return HttpResponse.<ApiError>status(HttpStatus.GONE).body(ApiError.worded(key, message(language, key)));
    }

    public String message(@Nullable String language, String key) {
        return translations.message(translations.languageOrSource(language).code(), key);
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
