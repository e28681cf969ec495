package nl.samenspraak.system;

import java.util.Map;

/**
 * A refusal as a page, for what answers before the framework reads the request (an address that does not decode,
 * {@link MalformedRequests}): the page with the message {@code key} in {@code language}, and the headers every
 * page carries, which the framework's filters never add to such an answer. The seam keeps that transport-level check
 * from reaching into the web chat's channel: the pages implement it ({@code web.ErrorPages}).
 */
public interface RefusalPages {
    /** The error page for {@code status} with the message {@code key}; all there is to go by is the browser's language. */
    String refusal(String language, int status, String key);

    /** The headers every page carries (security headers), to set on a page written outside the framework. */
    Map<String, String> headers();
}
