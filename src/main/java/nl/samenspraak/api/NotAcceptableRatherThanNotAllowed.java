package nl.samenspraak.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.http.server.exceptions.NotAllowedExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * A GET for a format an address does not give ({@code Accept: image/png} on {@code /api/flows}) is 406 Not
 * Acceptable. Micronaut answered it 405 with {@code Allow: HEAD}: the GET route it refused for the format is passed
 * over, and the HEAD route it makes beside every GET route is then the only "other method", which tells a client to
 * stop using GET at an address that answers GET. Every other refused method keeps its 405 and Allow header.
 */
@Singleton
@Replaces(NotAllowedExceptionHandler.class)
public class NotAcceptableRatherThanNotAllowed extends NotAllowedExceptionHandler {
    private static final Set<String> ONLY_HEAD = Set.of(HttpMethod.HEAD.name());

    public NotAcceptableRatherThanNotAllowed(ErrorResponseProcessor<?> responseProcessor) {
        super(responseProcessor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(NotAllowedException e) {
        if (HttpMethod.GET.name().equals(e.getRequestMethod()) && ONLY_HEAD.equals(e.getAllowedMethods())) {
            return HttpResponse.status(HttpStatus.NOT_ACCEPTABLE);
        }
        return super.createResponse(e);
    }
}
