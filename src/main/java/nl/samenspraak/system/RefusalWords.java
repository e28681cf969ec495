package nl.samenspraak.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.ErrorContext;

import java.util.Collection;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which message a refusal the framework answers carries, by what happened and who reads it: one table, so a page and
 * the JSON API never disagree on what a status means to the person (above all that during a database outage, 503,
 * what they sent was NOT saved). They differ only where the API's words speak to a program sending JSON, which a
 * person on a page did not; such a page asks them to go back and try again.
 */
public final class RefusalWords {
    /** Who reads the refusal: a person on a page, or a client of the JSON API (the web chat's script, an app). */
    public enum Reader {
        PAGE, API;

        /** The JSON routes: the API, the intermediair's chat API, the Telegram webhook. */
        private static final Pattern JSON_ROUTES = Pattern.compile("/api(/.*)?|/intermediair/api/.*|/telegram/.*");

        /** Who reads the answer to {@code request}: see {@link #of(String, Collection)}, on its Accept as it was sent. */
        public static Reader of(HttpRequest<?> request) {
            return of(request.getPath(), AcceptNegotiation.asSent(request));
        }

        /**
         * The one rule for who reads an answer to a request for {@code path} that accepts {@code accept}: a JSON
         * route's answer is read by a program; a page's by a person, unless the client explicitly prefers JSON (it
         * names application/json above text/html). A browser, a webview or curl that accepts anything (a missing
         * Accept, {@code *}{@code /*}) gets a page: answering it in JSON showed a person a line of code.
         */
        public static Reader of(String path, Collection<MediaType> accept) {
            if (JSON_ROUTES.matcher(path).matches()) {
                return API;
            }
            return quality(accept, Reader::json) > quality(accept, type -> type.getName().equalsIgnoreCase(MediaType.TEXT_HTML))
                    ? API : PAGE;
        }

        private static boolean json(MediaType type) {
            return type.getName().equalsIgnoreCase(MediaType.APPLICATION_JSON) || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json");
        }

        private static double quality(Collection<MediaType> accept, Predicate<MediaType> which) {
            return accept.stream().filter(which).mapToDouble(type -> type.getQualityAsNumber().doubleValue()).max().orElse(0);
        }
    }

    private RefusalWords() {
    }

    /** The message key for a refusal with this status, worded for this reader. */
    public static String key(ErrorContext context, int status, Reader reader) {
        if (UnreadableForms.about(context)) {
            return UnreadableForms.MESSAGE;
        }
        String key = key(status, reader);
        // whoever sent a form filled in a page, also when their client asks for JSON (curl's */*): not the API's
        // request for a JSON body, which they never sent, but the page's words
        if (key.equals("error.bad_request") && sentAForm(context.getRequest())) {
            return "error.page_bad_request";
        }
        // a page refused what was sent to it (a form as multipart, JSON): "send it as JSON" is only true of a route
        // that takes JSON, the API's; that page would refuse JSON too
        return key.equals("error.unsupported_media_type") && refusedWithoutTakingJson(context) ? "error.page_bad_request" : key;
    }

    private static boolean refusedWithoutTakingJson(ErrorContext context) {
        return context.getRootCause().filter(UnsupportedMediaException.class::isInstance)
                .map(cause -> ((UnsupportedMediaException) cause).getAcceptableContentTypes().stream()
                        .map(MediaType::of).noneMatch(type -> type.getName().equalsIgnoreCase(MediaType.APPLICATION_JSON)))
                .orElse(false);
    }

    private static boolean sentAForm(HttpRequest<?> request) {
        return request.getContentType().map(MediaType::getName)
                .filter(name -> name.equalsIgnoreCase(MediaType.APPLICATION_FORM_URLENCODED)
                        || name.equalsIgnoreCase(MediaType.MULTIPART_FORM_DATA)).isPresent();
    }

    static String key(int status, Reader reader) {
        return switch (status) {
            // "log in first", "your account may not do this": as true on a page as in the API (a page's 401 reaches a
            // client that did not ask for HTML, curl's */*: only a browser is sent to the login page)
            case 401 -> "auth.json_unauthorized";
            case 403 -> "auth.json_forbidden";
            case 405 -> "error.method_not_allowed";
            case 406 -> "error.not_acceptable"; // a format the address does not give: the same for a page
            case 413 -> "error.too_large";
            case 429 -> "error.too_many_attempts";
            case 503 -> "error.unavailable";
            default -> status >= 500 ? "error.internal" : reader == Reader.PAGE ? "error.page_bad_request" : apiOnly(status);
        };
    }

    private static String apiOnly(int status) {
        return switch (status) {
            case 404 -> "error.not_found";
            case 415 -> "error.unsupported_media_type";
            default -> "error.bad_request";
        };
    }
}
