package nl.samenspraak.system;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Accept-Language} and {@code Accept-Charset} are preferences, lists a server may honour or ignore. Their
 * items that name nothing (empty, or parameters only: {@code ","}, {@code ";"}, {@code ",;q=1"}) are dropped before
 * routing, and a header left empty is removed, so such a request is served in the default language instead of
 * failing: the framework takes the first item of these headers for the request's locale and charset, and answered
 * 500 to every route when there was none.
 */
final class PreferenceHeaders {
    private static final List<CharSequence> NAMES = List.of(HttpHeaderNames.ACCEPT_LANGUAGE, HttpHeaderNames.ACCEPT_CHARSET);

    private PreferenceHeaders() {
    }

    /** Drops the items that name nothing from the request's preference headers, in place. */
    static void tidy(HttpHeaders headers) {
        for (CharSequence name : NAMES) {
            List<String> values = headers.getAll(name);
            if (values.isEmpty()) {
                continue;
            }
            String kept = kept(values);
            if (kept.isEmpty()) {
                headers.remove(name);
            } else if (values.size() > 1 || !kept.equals(values.get(0))) {
                headers.set(name, kept);
            }
        }
    }

    /** The items of the header's lines that name something, in their order, as one list (empty if none). */
    static String kept(List<String> values) {
        List<String> items = new ArrayList<>();
        boolean dropped = false;
        for (String value : values) {
            for (String item : value.split(",", -1)) {
                String range = item.split(";", -1)[0].trim();
                if (range.isEmpty()) {
                    dropped = true;
                } else {
                    items.add(item.trim());
                }
            }
        }
        return !dropped && values.size() == 1 ? values.get(0) : String.join(", ", items);
    }
}
