package nl.samenspraak.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.server.exceptions.NotAcceptableException;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which types a client accepts, by the rules of HTTP (RFC 9110, 12.5.1), for every route. Micronaut 4 matches
 * {@code Accept} against a route's {@code @Produces} by name alone and ignores q (micronaut-core issue 6637, open since
 * 2021; 4.10's router still does): a range such as {@code application/*} or {@code text/*} matched no route (406 at
 * every address, and 404 "this address does not exist" for a POST to the API), and {@code q=0}, "not this type",
 * matched as if the client had asked for it ({@code Accept: application/pdf;q=0} got the PDF). The rule, in one place:
 * <ul>
 *   <li>a type is accepted with the q of the most specific range that covers it ({@code type/subtype} before
 *   {@code type/*} before {@code *}{@code /*}); not at all when that q is 0, or when no range covers it. Without an
 *   Accept header (or one that names nothing readable) everything is accepted;</li>
 *   <li>before routing, the header also names, with their q, the types this service's routes give that only a range
 *   covers, so that the router finds the route ({@code application/*} finds {@code /api/flows});</li>
 *   <li>after routing and the login check, a route that gives no type the client accepts is 406, before it runs, for
 *   every method (nothing of a refused request is stored). The framework itself passes such a route over and then
 *   says 405 with {@code Allow: HEAD} to a GET, and 404 to a POST to the API;</li>
 *   <li>a file a GET or HEAD gets is 406 when the client does not accept its own type. A file's address also gives
 *   the page that says why there is no file (text/html in its {@code @Produces}, {@code web.PagesAreHtml}), so
 *   {@code application/pdf;q=0, text/html} reached the PDF's route; there is no HTML instead of a PDF.</li>
 * </ul>
 * A refusal is the error page or {@code {"error"}} in the person's language ({@link ErrorReplies}), labelled as what it
 * is whatever the client accepts. Who reads a refusal is decided on the header as the client sent it ({@link #asSent}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AcceptNegotiation implements Ordered {
    private static final String SENT = AcceptNegotiation.class.getName() + ".sent";

    private final Router router;
    private volatile List<MediaType> given;

    AcceptNegotiation(Router router) {
        this.router = router;
    }

    /** The client's Accept as it was sent (before routing named what its ranges cover), in the order it gives them. */
    public static Collection<MediaType> asSent(HttpRequest<?> request) {
        return request.getAttribute(SENT, Accepted.class).<Collection<MediaType>>map(Accepted::ranges).orElseGet(request::accept);
    }

    /** After the login check (a page asked for in a format it does not give is 401 for nobody logged in), before the views. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @PreMatching
    @RequestFilter
    void nameWhatRangesCover(MutableHttpRequest<?> request) {
        Accepted accepted = Accepted.of(request.getHeaders().getAll(HttpHeaders.ACCEPT));
        if (accepted == null) {
            return;
        }
        request.setAttribute(SENT, accepted);
        List<String> covered = new ArrayList<>();
        for (MediaType type : given()) {
            double q = accepted.quality(type);
            if (q > 0 && !accepted.namesForTheRouter(type)) {
                covered.add(type.getName() + ";q=" + q);
            }
        }
        if (!covered.isEmpty()) {
            request.getHeaders().add(HttpHeaders.ACCEPT, String.join(", ", covered));
        }
    }

    @RequestFilter
    void refuseARouteThatGivesNothingAccepted(HttpRequest<?> request) {
        Accepted accepted = request.getAttribute(SENT, Accepted.class).orElse(null);
        if (accepted == null) {
            return;
        }
        Optional<RouteInfo<?>> matched = RouteAttributes.getRouteInfo(request);
        List<RouteInfo<?>> routes = new ArrayList<>();
        if (matched.isPresent()) {
            routes.add(matched.get());
        } else {
            // no route taken: one for this method that takes what was sent was passed over for what it gives (a route
            // that does not take the body's type is the framework's 415, an address without this method its 405)
            MediaType body = request.getContentType().orElse(null);
            for (UriRouteMatch<Object, Object> any : router.findAny(request)) {
                UriRouteInfo<Object, Object> route = any.getRouteInfo();
                if (route.getHttpMethodName().equals(request.getMethodName())
                        && (!request.getMethod().permitsRequestBody() || route.doesConsume(body))) {
                    routes.add(route);
                }
            }
        }
        if (routes.isEmpty() || routes.stream().anyMatch(route -> route.producesAll()
                || route.getProduces().stream().anyMatch(type -> accepted.quality(type) > 0))) {
            return;
        }
        throw new NotAcceptableException(accepted.ranges().stream().map(MediaType::toString).toList(),
                routes.stream().flatMap(route -> route.getProduces().stream()).map(MediaType::toString).distinct().toList());
    }

    /**
     * A file that was made although its type is not accepted is not sent. Only for a GET or HEAD, which change nothing:
     * a reply to another method may say that something was stored, and refusing it after the fact would misreport it
     * (those are refused before they run, above).
     */
    @ResponseFilter
    void refuseAFileOfATypeNotAccepted(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Accepted accepted = request.getAttribute(SENT, Accepted.class).orElse(null);
        if (accepted == null || (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD)
                || response.code() < 200 || response.code() >= 300) {
            return;
        }
        Optional<MediaType> type = response.getContentType();
        if (type.isPresent() && accepted.quality(type.get()) <= 0) {
            throw new NotAcceptableException(accepted.ranges().stream().map(MediaType::toString).toList(),
                    List.of(type.get().getName()));
        }
    }

    /** Every type a route of this service gives (a range, {@code audio/*}, for a file whose type is its own). */
    private List<MediaType> given() {
        List<MediaType> types = given;
        if (types == null) {
            types = router.uriRoutes().flatMap(route -> route.getProduces().stream())
                    .filter(type -> !type.equals(MediaType.ALL_TYPE)).distinct().toList();
            given = types;
        }
        return types;
    }

    /** The ranges of an Accept header, as sent. Plain: the rule itself. */
    record Accepted(List<MediaType> ranges) {
        private static final String ANY = "*";

        /** The header's ranges; null when there is no header or it names nothing readable (then anything goes). */
        static Accepted of(List<String> header) {
            List<MediaType> ranges = MediaType.orderedOf(header);
            return ranges.isEmpty() ? null : new Accepted(ranges);
        }

        /**
         * How much the client wants {@code type}: the q of the most specific range that covers it, 0 when none does.
         * For a range ({@code audio/*}): the most it wants of any type in it.
         */
        double quality(MediaType type) {
            double q = covering(type);
            if (ANY.equals(type.getSubtype())) {
                for (MediaType range : ranges) {
                    if (range.getType().equalsIgnoreCase(type.getType()) && !ANY.equals(range.getSubtype())) {
                        q = Math.max(q, covering(range));
                    }
                }
            }
            return q;
        }

        private double covering(MediaType type) {
            int mostSpecific = -1;
            double q = 0;
            for (MediaType range : ranges) {
                int specific = specificity(range, type);
                double rangeQ = range.getQualityAsNumber().doubleValue();
                if (specific > mostSpecific) {
                    mostSpecific = specific;
                    q = rangeQ;
                } else if (specific == mostSpecific && specific >= 0) {
                    q = Math.max(q, rangeQ);
                }
            }
            return q;
        }

        /** 2: the range names the type; 1: {@code type/*}; 0: {@code *}{@code /*}; -1: it does not cover the type. */
        private static int specificity(MediaType range, MediaType type) {
            if (range.getName().equalsIgnoreCase(type.getName())) {
                return 2;
            }
            if (ANY.equals(range.getType())) {
                return ANY.equals(range.getSubtype()) ? 0 : -1;
            }
            return range.getType().equalsIgnoreCase(type.getType()) && ANY.equals(range.getSubtype()) ? 1 : -1;
        }

        /** Whether the router, which compares names only and takes {@code *}{@code /*} for anything, finds {@code type} as it is. */
        boolean namesForTheRouter(MediaType type) {
            return ranges.stream().anyMatch(range -> range.equals(MediaType.ALL_TYPE) || range.equals(type));
        }
    }
}
