package nl.samenspraak.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import nl.samenspraak.system.RefusalWords;
import nl.samenspraak.system.RequestLanguage;

/**
 * Every error the framework produces (malformed JSON, a body too large, an unknown route, a wrong method)
 * reaches the client as {@code {"error": "..."}} with a plain message in the client's language: never a
 * stack trace or an internal exception text.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ApiErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {
    private final ApiErrors errors;
    private final RequestLanguage languages;

    public ApiErrorBodyProvider(ApiErrors errors, RequestLanguage languages) {
        this.errors = errors;
        this.languages = languages;
    }

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        // the conversation's language on its address, a logged-in account's own, else ?lang= or the browser's
        String language = languages.refusal(context.getRequest());
        HttpStatus status = response.getStatus();
        String key = RefusalWords.key(context, status.getCode(), RefusalWords.Reader.API);
        return ApiError.worded(key, errors.message(language, key));
    }
}
