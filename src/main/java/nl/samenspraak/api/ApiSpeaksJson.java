package nl.samenspraak.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The API answers JSON, also when it refuses: a client that sends a browser's Accept header (or a form) to
 * {@code /api/**} gets {@code {"error": ...}} as the contract says, not the HTML error page meant for people.
 */
@ServerFilter("/api/**")
class ApiSpeaksJson {

    @RequestFilter
    void json(MutableHttpRequest<?> request) {
        request.getHeaders().set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
    }
}
