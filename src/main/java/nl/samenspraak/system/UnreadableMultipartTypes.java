package nl.samenspraak.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;

/**
 * A multipart body whose header names a boundary that is empty or a lone quote, or a character set Java does not know,
 * cannot be read: Netty's decoder fails on it with an index or charset exception while the framework binds the form,
 * which was a 500 "something went wrong on our side". This filter refuses such a request before its body is read, as
 * the form that did not arrive intact it is ({@link UnreadableForms}: 400, a page in the person's language for a
 * browser, JSON for a client that accepts anything). It runs after the login is checked, so a request without one
 * still goes to the login page; an address that takes no multipart has answered 415 before.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class UnreadableMultipartTypes implements Ordered {

    @RequestFilter
    public void check(HttpRequest<?> request) {
        if (unreadable(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))) {
            throw new HttpPostRequestDecoder.ErrorDataDecoderException("unreadable multipart header");
        }
    }

    /** Whether {@code contentType} is multipart with a boundary that is empty once unquoted, or an unknown charset. */
    static boolean unreadable(String contentType) {
        if (contentType == null || !contentType.regionMatches(true, 0, "multipart/", 0, "multipart/".length())) {
            return false;
        }
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = parameter.substring(equals + 1).trim();
            if (name.equals("boundary") && unquoted(value).isEmpty() || name.equals("charset") && !knownCharset(value)) {
                return true;
            }
        }
        return false;
    }

    private static String unquoted(String value) {
        if (!value.startsWith("\"")) {
            return value;
        }
        return value.length() >= 2 && value.endsWith("\"") ? value.substring(1, value.length() - 1) : "";
    }

    private static boolean knownCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
