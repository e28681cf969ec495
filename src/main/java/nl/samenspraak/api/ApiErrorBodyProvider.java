package nl.samenspraak.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import nl.samenspraak.system.UnreadableForms;

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
        String key = UnreadableForms.about(context) ? UnreadableForms.MESSAGE : switch (status.getCode()) {
            case 400, 422 -> "error.bad_request";
            case 401 -> "auth.json_unauthorized";
            case 403 -> "auth.json_forbidden";
            case 404 -> "error.not_found";
            case 405 -> "error.method_not_allowed";
            case 406 -> "error.not_acceptable";
            case 413 -> "error.too_large";
            case 415 -> "error.unsupported_media_type";
            case 429 -> "error.too_many_attempts";
            case 503 -> "error.unavailable";
            default -> status.getCode() >= 500 ? "error.internal" : "error.bad_request";
        };
        return ApiError.of(errors.message(language, key));
    }
}
