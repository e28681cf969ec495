package nl.samenspraak.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import nl.samenspraak.storage.DatabaseAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Honest failure. When the database cannot be reached, the reply is 503 with {@code Retry-After} and a message in
 * the person's language saying that what they sent was NOT saved and to try again (see {@code api.ApiErrorBodyProvider}).
 * Nothing is logged per request: {@link DatabaseAvailability} logs the outage once. Any other unexpected failure
 * stays a 500 with a plain message and is logged, as the framework would.
 */
@Singleton
@Produces
public class FailureResponses implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
    /** Seconds a client is asked to wait before trying again while the database is unreachable. */
    public static final int RETRY_AFTER_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(FailureResponses.class);

    private final ErrorResponseProcessor<?> errors;
    private final DatabaseAvailability availability;

    public FailureResponses(ErrorResponseProcessor<?> errors, DatabaseAvailability availability) {
        this.errors = errors;
        this.availability = availability;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        ErrorContext context = ErrorContext.builder(request).cause(exception).build();
        if (availability.noteFailure(exception)) {
            return errors.processResponse(context, HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
        }
        Throwable logged = LoggedFailure.of(exception);
        LOG.error("Unexpected error occurred: {}", logged.getMessage(), logged);
        return errors.processResponse(context, HttpResponse.serverError());
    }
}
