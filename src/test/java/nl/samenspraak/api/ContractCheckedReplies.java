package nl.samenspraak.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * In every test that starts the service in-process, each reply of the public API is checked against the OpenAPI
 * description before the test sees it ({@link ApiContract}). A reply that breaks the contract reaches the test as a
 * 500 naming the problem, so the test that produced it fails where it stands, and is kept in
 * {@link ApiContract#VIOLATIONS}. This is how "the description is the source of truth" holds for the whole suite,
 * not only for the replies one contract test thinks of.
 */
@ServerFilter("/api/**")
class ContractCheckedReplies {
    private static final Logger LOG = LoggerFactory.getLogger(ContractCheckedReplies.class);
    private final JsonMapper json;

    ContractCheckedReplies(JsonMapper json) {
        this.json = json;
    }

    @ResponseFilter
    MutableHttpResponse<?> check(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String body = response.getBody().map(this::write).orElse(null);
        String contentType = response.getContentType().map(MediaType::toString).orElse(null);
        if (body != null && contentType == null) {
            contentType = MediaType.APPLICATION_JSON;
        }
        List<String> problems = ApiContract.problems(request.getMethodName(), request.getPath(),
                response.code(), contentType, body);
        if (problems.isEmpty()) {
            return response;
        }
        String violation = request.getMethodName() + " " + request.getPath() + " " + response.code() + ": " + problems;
        ApiContract.VIOLATIONS.add(violation);
        LOG.error("Reply breaks the API contract: {}", violation);
        return HttpResponse.serverError(Map.of("error", "reply breaks the API contract: " + violation));
    }

    private String write(Object body) {
        if (body instanceof CharSequence text) {
            return text.toString();
        }
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
