package nl.samenspraak.limits;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.FilterPatternStyle;

/**
 * The {@link DocumentLimit} on every web route that makes a result PDF (the web chat's, an intermediair's, a
 * handed-over result's: every address ending in {@code /result.pdf}), counted per client address
 * ({@link ClientAddress}). Every request for one counts, before anything is looked up: a client over its share gets
 * 429 whether the conversation or link is there or not, so the limit tells nothing about an id. The refusal is the
 * usual one, a page or {@code {"error"}} in the reader's language ("too many attempts, try again in a minute"), with
 * {@code Retry-After}.
 */
@ServerFilter(patterns = ".*/result\\.pdf", patternStyle = FilterPatternStyle.REGEX)
public class DocumentLimitFilter implements Ordered {
    private final DocumentLimit limit;
    private final ClientAddress clients;

    public DocumentLimitFilter(DocumentLimit limit, ClientAddress clients) {
        this.limit = limit;
        this.clients = clients;
    }

    @RequestFilter
    void count(HttpRequest<?> request) {
        if (!limit.tryMake(clients.of(request))) {
            throw new HttpStatusException(HttpStatus.TOO_MANY_REQUESTS, "");
        }
    }

    /** After {@link RetryAfter}, which then sees this filter's refusal. */
    @Override
    public int getOrder() {
        return RetryAfter.ORDER + 1;
    }

    /**
     * Says when to try again on the refusal: a filter whose request side refused does not see its own response, so
     * the header is put on by this one, around it.
     */
    @ServerFilter(patterns = ".*/result\\.pdf", patternStyle = FilterPatternStyle.REGEX)
    static class RetryAfter implements Ordered {
        static final int ORDER = 0;

        @ResponseFilter
        void retryAfter(MutableHttpResponse<?> response) {
            if (response.code() == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
                response.header(HttpHeaders.RETRY_AFTER, String.valueOf(DocumentLimit.WINDOW.toSeconds()));
            }
        }

        @Override
        public int getOrder() {
            return ORDER;
        }
    }
}
