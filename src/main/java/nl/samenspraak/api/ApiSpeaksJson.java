package nl.samenspraak.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;

/**
 * The API answers JSON, also when it refuses: a client that sends a browser's Accept header (or a form) to
 * {@code /api/**} gets {@code {"error": ...}} as the contract says, not the HTML error page meant for people.
 */
@ServerFilter(patterns = "/api(/.*)?", patternStyle = FilterPatternStyle.REGEX) // a regular expression: as SameOriginCheck's
class ApiSpeaksJson {

    @RequestFilter
    void json(MutableHttpRequest<?> request) {
        request.getHeaders().set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
    }
}
