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
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many result PDFs one client may have made in a minute ({@code samenspraak.limits.documents-per-minute}, 20),
 * whichever route makes them (the web chat's, an intermediair's, a handed-over result's). A PDF is made anew at each
 * request and costs a tenth to a quarter of a second of CPU: without a limit, one client asking in a loop for a
 * finished conversation's PDF kept both cores of a small server busy. Twenty a minute is more than a person saving
 * results in five languages needs. Counted per client (see {@link ClientAddress}), in the database as every limit,
 * so every instance counts the same requests. Every request for one counts, before anything is looked up: a client over
 * its share gets 429 whether the conversation or link is there or not, so the limit tells nothing about an id. The
 * refusal is the usual one, a page or {@code {"error"}} in the reader's language ("too many attempts, try again in a
 * minute"), with {@code Retry-After}.
 */
@ServerFilter(patterns = ".*/result\\.pdf", patternStyle = FilterPatternStyle.REGEX)
public class DocumentLimit implements Ordered {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final AttemptLog log;
    private final ClientAddress clients;
    private final int perMinute;
    private final Clock clock;

    @Inject
    public DocumentLimit(AttemptLog log, ClientAddress clients, LimitSettings settings) {
        this(log, clients, settings.documentsPerMinute(), Clock.systemUTC());
    }

    DocumentLimit(AttemptLog log, ClientAddress clients, int perMinute, Clock clock) {
        this.log = log;
        this.clients = clients;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a PDF asked for by the request's client; false when it has had its share this minute (nothing counted then). */
    boolean tryMake(HttpRequest<?> request) {
        return log.addIfUnder("document|" + clients.of(request), clock.instant(), WINDOW, perMinute);
    }

    @RequestFilter
    void count(HttpRequest<?> request) {
        if (!tryMake(request)) {
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
                response.header(HttpHeaders.RETRY_AFTER, String.valueOf(WINDOW.toSeconds()));
            }
        }

        @Override
        public int getOrder() {
            return ORDER;
        }
    }
}
