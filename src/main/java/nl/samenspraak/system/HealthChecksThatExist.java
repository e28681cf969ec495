package nl.samenspraak.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.management.health.indicator.HealthCheckType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /health/<check>} for a check that does not exist is 404, as any address that is not there (a page or JSON, as
 * {@link ErrorReplies} decides). The framework reads the check as liveness or readiness and answered anything else with
 * 400 "bad request" (and the API's words: "send a valid JSON message"), which sent an operator who mistyped the load
 * balancer's check looking for what was wrong with their request.
 */
@ServerFilter("/health/**")
public class HealthChecksThatExist {
    private static final Set<String> CHECKS = Arrays.stream(HealthCheckType.values())
            .map(type -> type.name().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private final ErrorResponseProcessor<?> errors;

    public HealthChecksThatExist(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> onlyChecksThatExist(HttpRequest<?> request) {
        String path = request.getPath();
        String check = path.startsWith("/health/") ? path.substring("/health/".length()) : "";
        if (check.isEmpty() || CHECKS.contains(check.toLowerCase(Locale.ROOT))) {
            return null; // on to the health endpoint (also /health itself, which this pattern takes too)
        }
        return errors.processResponse(ErrorContext.builder(request).errorMessage("Not Found").build(), HttpResponse.notFound());
    }
}
