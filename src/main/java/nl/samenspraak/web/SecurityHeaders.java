package nl.samenspraak.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import nl.samenspraak.limits.ClientAddress;

/**
 * The browser-side defences, on every reply in one place. The Content-Security-Policy lets a page run only this
 * site's script files (no inline script or handler: chat.js and dashboard.js wire everything) and lets no other site
 * frame it; join, resident and resume links carry secrets in their path, so no Referer goes to another site. HSTS only
 * when the request came over HTTPS (directly, or as a trusted proxy says). Anything that may show a conversation or
 * a figure is {@code no-store}: a reply that does not say how long it may be kept is kept nowhere. Content-hashed
 * assets and versioned webjars set their own long lifetime.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders implements io.micronaut.core.order.Ordered {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final String FOREVER = "public, max-age=31536000, immutable";
    /** The headers every reply carries, also one written before routing ({@code system.MalformedRequests}'s pages). */
    public static final java.util.Map<String, String> ALWAYS = java.util.Map.of(
            "Content-Security-Policy", CSP,
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            // same-origin, not no-referrer: no Referer (with the secret in a join, resident or resume link's path) ever
            // goes to another site, while our own forms keep a real Origin (no-referrer makes browsers send "Origin:
            // null", which the same-origin check and the framework's drive-by-localhost guard must refuse)
            "Referrer-Policy", "same-origin");

    private final ClientAddress clients;

    public SecurityHeaders(ClientAddress clients) {
        this.clients = clients;
    }

    /** Outermost: it also sees what filters inside it answer by themselves (a login redirect, a 403, a 404). */
    @Override
    public int getOrder() {
        return io.micronaut.http.filter.ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpResponse<?> r = response;
        ALWAYS.forEach(r::header);
        if (clients.secure(request)) {
            r.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        String path = request.getPath();
        if (path.startsWith("/webjars/") && r.getStatus().getCode() < 400) {
            // the version is part of the path (chart.js/4.4.1/...): a new version is a new name. Only a file that is
            // there (or unchanged, 304): a refusal (404, 405) is a page in the person's language, kept nowhere
            r.getHeaders().set(HttpHeaders.CACHE_CONTROL, FOREVER);
        } else if (!r.getHeaders().contains(HttpHeaders.CACHE_CONTROL) || path.startsWith("/api/")
                || path.startsWith("/dashboard") || path.startsWith("/intermediair/api/")) {
            r.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
