package nl.samenspraak.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;

import java.util.List;

/**
 * A body sent to the API must say it is JSON: the framework took a body without a Content-Type for JSON. Another
 * site's page can send exactly that without this site's permission ({@code fetch(url, {method: 'POST', mode:
 * 'no-cors', body: new Blob([json])})}; a form or a string sends a type of its own, which the router already refuses),
 * so a visitor's browser could start conversations on their address's start budget (an office, a school behind one
 * address). A request that says {@code application/json} cannot come from another site without the CORS permission
 * this service never gives. 415, as for any other type the API does not read. A request without a body (going back)
 * has nothing to be taken for JSON and goes on as before.
 */
@ServerFilter(patterns = "/api/.*", patternStyle = FilterPatternStyle.REGEX) // a regular expression: as ApiSpeaksJson's
class ApiTakesOnlyJson {

    @RequestFilter
    void saysWhatItSends(HttpRequest<?> request) {
        boolean body = request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
        if (body && request.getContentType().isEmpty()) {
            throw new UnsupportedMediaException("(none)", List.of(MediaType.APPLICATION_JSON));
        }
    }
}
