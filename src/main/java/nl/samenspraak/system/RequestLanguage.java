package nl.samenspraak.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.Translations;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language to answer a request in: the one asked for ({@code AR} and {@code ar-SA} are {@code ar}), else the
 * browser's (Accept-Language), else Dutch. A refusal first follows what the address names ({@link #refusal}).
 */
@Singleton
public class RequestLanguage {
    private static final String REFUSAL = RequestLanguage.class.getName() + ".refusal";

    private final Translations translations;
    private final List<AddressLanguage> addresses;

    /** Without addresses: for code and tests that only read what was asked and the browser's language. */
    public RequestLanguage(FlowLibrary library) {
        this(library, List.of());
    }

    @jakarta.inject.Inject
    public RequestLanguage(FlowLibrary library, List<AddressLanguage> addresses) {
        this.translations = library.translations();
        this.addresses = addresses.stream().sorted(java.util.Comparator.comparingInt(AddressLanguage::getOrder)).toList();
    }

    /**
     * {@code asked} when the product speaks it, else the first {@code lang} of the address that it speaks
     * ({@code ?lang=ar&lang=tr} is Arabic on every page: a page that bound {@code lang} as an argument got "ar,tr", no
     * language, and showed Dutch, where a page that read the first value showed Arabic), else the browser's.
     */
    public String of(@Nullable HttpRequest<?> request, @Nullable String asked) {
        Optional<String> known = translations.known(asked);
        if (known.isEmpty() && request != null) {
            known = request.getParameters().getAll("lang").stream().map(translations::known)
                    .flatMap(Optional::stream).findFirst();
        }
        if (known.isPresent()) {
            return known.get();
        }
        return fromHeader(request == null ? null : request.getHeaders().get("Accept-Language"));
    }

    /**
     * The language to refuse {@code request} in (a body too large, a wrong type or method, no access): the one its
     * address names (a conversation's, a resident link's, a logged-in account's own: {@link AddressLanguage}), else
     * its {@code ?lang=}, else the browser's. A Turkish chat in an English browser was refused in English. Read once
     * per request (the page and the Content-Language header agree) and only when refusing.
     */
    public String refusal(HttpRequest<?> request) {
        return refusal(request, request.getParameters().get("lang"));
    }

    /**
     * As {@link #refusal(HttpRequest)}, with {@code asked} (a form's own {@code lang} field, else its address's) in
     * place of the address's {@code ?lang=}: after what the address names, before the browser's.
     */
    public String refusal(HttpRequest<?> request, @Nullable String asked) {
        Optional<String> kept = request.getAttribute(REFUSAL, String.class);
        if (kept.isPresent()) {
            return kept.get();
        }
        String language = null;
        // an address may read what is stored: never on a network thread (a refusal the framework answers before any
        // route, 404, 405, 413, 415), where a slow database held every request of the service behind a few refused
        // ones (the audit of December 2026: a locked table, four PUTs, the start page 12 s); there only what the
        // instance holds in memory, else the language asked for, which the web chat sends as its page's (chat.js), as
        // a resident link's form does in its address
        boolean mayWait = !onNetworkThread(request);
        for (AddressLanguage address : addresses) {
            Optional<String> named;
            try {
                named = (mayWait ? address.of(request) : address.withoutWaiting(request)).flatMap(translations::known);
            } catch (RuntimeException e) {
                // the database may be what failed: the refusal is still said, in the language asked for or the browser's
                named = Optional.empty();
            }
            if (named.isPresent()) {
                language = named.get();
                break;
            }
        }
        if (language == null) {
            language = of(request, asked);
        }
        request.setAttribute(REFUSAL, language);
        return language;
    }

    /** Whether {@code request} is being answered on its connection's network thread (Netty's event loop). */
    private static boolean onNetworkThread(HttpRequest<?> request) {
        HttpRequest<?> r = request;
        while (r instanceof io.micronaut.http.HttpRequestWrapper<?> wrapper) {
            r = wrapper.getDelegate();
        }
        return r instanceof io.micronaut.http.server.netty.NettyHttpRequest<?> netty
                && netty.getChannelHandlerContext().executor().inEventLoop();
    }

    /** A refusal that reads nothing stored (a failure of the service itself, 5xx): the asked or browser's language. */
    public String withoutLookup(HttpRequest<?> request) {
        String language = request.getAttribute(REFUSAL, String.class).orElseGet(() -> of(request, request.getParameters().get("lang")));
        request.setAttribute(REFUSAL, language);
        return language;
    }

    /** The first language of an Accept-Language header that the product speaks, else Dutch. */
    public String fromHeader(@Nullable String header) {
        if (header == null) {
            return Language.SOURCE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() == 0) {
                    continue; // "ar;q=0": not Arabic, whatever else (RFC 9110, 12.4.2); it was answered in Arabic
                }
                String code = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (translations.language(code).isPresent()) {
                    return code;
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // a header anyone can write: the JDK's parser refuses some with an IndexOutOfBoundsException ("--"), not
            // the IllegalArgumentException it documents; either way there is no preference to follow
            return Language.SOURCE;
        }
        return Language.SOURCE;
    }
}
