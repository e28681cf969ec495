package nl.samenspraak.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Words for the framework's own refusal of a request from another site. Micronaut's guard against drive-by-localhost
 * attacks (its CORS filter, before any of ours: a page on the internet posting to a service its visitor runs on their
 * own machine) answers a request with another site's Origin to a service addressed as localhost with an EMPTY 403, so
 * a person who filled in a form there saw a blank page, and a JSON client no error. The guard stays as it is; its
 * refusal gets {@link SameOriginCheck}'s words: a page in the person's language saying the form came from elsewhere
 * and to open the page again here, or {@code {"error"}} for a JSON client.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CrossSiteRefusalWords implements Ordered {
    private final SameOriginCheck sameOrigin;

    public CrossSiteRefusalWords(SameOriginCheck sameOrigin) {
        this.sameOrigin = sameOrigin;
    }

    /** Outside the framework's CORS filter (METRICS.after()), so that its refusal passes here; inside SecurityHeaders. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    public void words(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() != HttpStatus.FORBIDDEN.getCode() || response.getBody().isPresent()
                || request.getMethod() == HttpMethod.HEAD || request.getHeaders().get("Origin") == null) {
            return;
        }
        HttpResponse<?> refusal = sameOrigin.refusal(request);
        MutableHttpResponse<Object> filled = (MutableHttpResponse<Object>) response;
        refusal.getContentType().ifPresent(filled::contentType);
        filled.body(refusal.body());
    }
}
