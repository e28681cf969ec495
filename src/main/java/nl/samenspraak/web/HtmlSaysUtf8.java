package nl.samenspraak.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;

/**
 * Every HTML reply names its character set: {@code text/html;charset=utf-8}. The pages declare UTF-8 inside, but a
 * proxy, or a browser that sniffs before it reads that far, may take the Arabic, Polish or Turkish words for another
 * encoding; until issue 11's probe views, error pages and the 503 page went out as bare {@code text/html}. One filter
 * for them all, outermost as {@link SecurityHeaders}, so that it also sees what filters inside answer by themselves.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class HtmlSaysUtf8 implements io.micronaut.core.order.Ordered {
    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.util.Map.of(MediaType.CHARSET_PARAMETER,
            StandardCharsets.UTF_8.name().toLowerCase()));

    @Override
    public int getOrder() {
        return io.micronaut.http.filter.ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    public void charset(MutableHttpResponse<?> response) {
        response.getContentType().ifPresent(type -> {
            if (MediaType.TEXT_HTML.equals(type.getName()) && type.getParameters().get(MediaType.CHARSET_PARAMETER).isEmpty()) {
                response.contentType(HTML);
            }
        });
    }
}
