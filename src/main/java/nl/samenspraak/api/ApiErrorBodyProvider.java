package nl.samenspraak.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import nl.samenspraak.system.RefusalWords;

/**
 * Every error the framework produces (malformed JSON, a body too large, an unknown route, a wrong method)
 * reaches the client as {@code {"error": "..."}} with a plain message in the client's language: never a
 * stack trace or an internal exception text.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ApiErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {
    private final ApiErrors errors;

    public ApiErrorBodyProvider(ApiErrors errors) {
        this.errors = errors;
    }

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        String language = errors.languageOf(context.getRequest());
        HttpStatus status = response.getStatus();
        String key = RefusalWords.key(context, status.getCode(), RefusalWords.Reader.API);
        return ApiError.of(errors.message(language, key));
    }
}
