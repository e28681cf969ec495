package nl.samenspraak.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;

/**
 * A form whose body cannot be decoded (a lone {@code %}, {@code %zz}: broken percent-encoding) is the sender's
 * mistake, so it gets 400 with words in the person's language (a page for a browser, JSON for a client that accepts
 * anything), not the 500 and logged stack trace of an unexpected failure ({@link FailureResponses}). Netty's decoder
 * refuses such a body while the framework binds the form, before any controller sees it, so nothing was stored. The
 * error bodies ask {@link #about} to word it as such rather than by its status alone.
 */
@Singleton
@Produces
public class UnreadableForms implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<?>> {
    /** The message that says so. */
    public static final String MESSAGE = "error.unreadable_form";

    private final ErrorResponseProcessor<?> errors;

    public UnreadableForms(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        return errors.processResponse(ErrorContext.builder(request).cause(exception).build(), HttpResponse.badRequest());
    }

    /** Whether an error reply is about a form that could not be read. */
    public static boolean about(ErrorContext context) {
        return context.getRootCause().filter(HttpPostRequestDecoder.ErrorDataDecoderException.class::isInstance).isPresent();
    }
}
