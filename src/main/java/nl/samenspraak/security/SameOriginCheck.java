package nl.samenspraak.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.system.PublicUrlSettings;
import nl.samenspraak.system.RefusalWords;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CSRF defence for the forms that change something with a login: a POST (or other unsafe method) to these
 * paths must come from a page of this site, as its Origin header says (or, when a browser leaves Origin out,
 * its Referer). Anything else gets 403 before it reaches a controller.
 *
 * <p>Why this and not a token in every form: the login cookie is SameSite=Strict, so a browser does not send
 * it with a request another site starts; that is the first wall. This check is the second, independent one
 * (OWASP's "verifying origin with standard headers"), and it needs no server state, no token plumbing in
 * every form, and also covers the login form itself (login CSRF), where there is no session to bind a token
 * to. Every browser we support sends Origin on a POST. A request with neither header is refused.
 *
 * <p>The paths, as one regular expression: /login and /logout, also with the trailing slash the router accepts (the
 * Ant pattern "/login" missed "/login/", so a login from another site without Origin got through there), and
 * everything under /account, /admin, /intermediair and /dashboard; and the two public forms that delete a
 * conversation without a login, by its code or its link (a closed result's page): a page elsewhere could make its
 * visitors' browsers guess codes, each address with a share of the limit of its own (the audit of December 2026).
 * A regular expression, because Micronaut's Ant
 * matcher splits pattern and path anew for every pattern of every filter on every request (docs/performance-log.md, tenth session).
 */
@ServerFilter(patterns = "/(login|logout)/?|/(account|admin|intermediair|dashboard)(/.*)?|/resume/delete/?|/c/[^/]+/delete/?",
        patternStyle = FilterPatternStyle.REGEX)
public class SameOriginCheck implements Ordered {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Pages pages;
    private final String publicAuthority;

    public SameOriginCheck(Pages pages, PublicUrlSettings settings) {
        String publicUrl = settings.url();
        this.pages = pages;
        this.publicAuthority = publicUrl.isBlank() ? null : authority(publicUrl);
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        // No route matched (an unknown path, or none that reads this content type, which the router already left
        // out): nothing runs, so nothing can be forged; the framework answers 404 or 415 in the reader's words.
        Optional<RouteInfo<?>> route = RouteAttributes.getRouteInfo(request);
        if (route.isEmpty() || route.get().isErrorRoute()) {
            return null;
        }
        if (sameOrigin(request)) {
            return null;
        }
        return refusal(request);
    }

    /**
     * The refusal of a form from another site, in the person's language: a page saying so and to open the page again
     * here, or {@code {"error"}} to a JSON route and a client that prefers JSON. Also what fills the framework's own,
     * empty, refusal of such a form ({@link CrossSiteRefusalWords}).
     */
    HttpResponse<?> refusal(HttpRequest<?> request) {
        String language = pages.language(request, null);
        SafeHtml message = pages.message(language, "auth.cross_site_refused", Map.of());
        if (RefusalWords.Reader.of(request) == RefusalWords.Reader.API) {
            // the intermediair's chat API (or a client that prefers JSON) reads {"error"}, as every other refusal:
            // the page below came as an empty 403 to a client that accepts only JSON
            Map<String, String> body = new java.util.LinkedHashMap<>();
            body.put("code", "cross_site_refused"); // as every refusal of the API has one (api.ApiError)
            body.put("error", message.html());
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
        }
        Map<String, Object> model = pages.model(language, "auth");
        model.put("message", message);
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                .body(pages.html("forbidden", model, request));
    }

    private boolean sameOrigin(HttpRequest<?> request) {
        // A browser says where a request comes from in Sec-Fetch-Site, which no page can set; it is there even under
        // Referrer-Policy: no-referrer, which makes a browser send "Origin: null" with a form from our own pages.
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null) {
            return site.equalsIgnoreCase("same-origin");
        }
        String from = request.getHeaders().get("Origin");
        if (from == null) {
            from = request.getHeaders().get(HttpHeaders.REFERER);
        }
        String source = from == null ? null : authority(from);
        if (source == null) {
            return false;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return source.equals(host == null ? null : host.toLowerCase(Locale.ROOT)) || source.equals(publicAuthority);
    }

    /** {@code host[:port]} of a URL, lower case; null when it is not one (e.g. Origin "null"). */
    private static String authority(String url) {
        try {
            String a = URI.create(url.trim()).getRawAuthority();
            return a == null ? null : a.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
