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
 * stop using GET at an address that answers GET (beside DELETE too, at an address that takes both). Every other
 * refused method keeps its 405 and Allow header.
 */
@Singleton
@Replaces(NotAllowedExceptionHandler.class)
public class NotAcceptableRatherThanNotAllowed extends NotAllowedExceptionHandler {
    public NotAcceptableRatherThanNotAllowed(ErrorResponseProcessor<?> responseProcessor) {
        super(responseProcessor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(NotAllowedException e) {
        // HEAD is only ever allowed beside a GET route: where it is and GET is not, the GET was refused for its format
        // (also at an address that takes DELETE too: /api/conversations/{id} answered 405 "Allow: HEAD, DELETE")
        Set<String> allowed = e.getAllowedMethods();
        if (HttpMethod.GET.name().equals(e.getRequestMethod()) && allowed.contains(HttpMethod.HEAD.name())
                && !allowed.contains(HttpMethod.GET.name())) {
            return HttpResponse.status(HttpStatus.NOT_ACCEPTABLE);
        }
        return super.createResponse(e);
    }
}
