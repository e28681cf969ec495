package nl.samenspraak.api;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;

/** The OpenAPI description is YAML: served as {@code application/yaml}, not as the static files' guess (text/plain). */
@ServerFilter(patterns = "/openapi(/.*)?", patternStyle = FilterPatternStyle.REGEX) // a regular expression: as SameOriginCheck's
class OpenApiContentType {
    static final String YAML = "application/yaml";

    @ResponseFilter
    void yaml(MutableHttpResponse<?> response) {
        if (response.getStatus().getCode() == 200) {
            response.contentType(YAML);
        }
    }
}
