package nl.samenspraak.intermediair;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.samenspraak.system.AddressLanguage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refusal on a resident link's page ({@code /r/{code}}: a form too large, sent as another type) is said as its page
 * is: in the language asked for ({@code ?lang=}), else the one the intermediair chose for the link, not the browser's
 * (it came in Dutch to an Arabic link). Read only when refusing.
 */
@Singleton
class ResidentLinkAddressLanguage implements AddressLanguage {
    private static final Pattern ADDRESS = Pattern.compile("/r/([^/]+)/?");

    private final ResidentLinks links;

    ResidentLinkAddressLanguage(ResidentLinks links) {
        this.links = links;
    }

    @Override
    public Optional<String> of(HttpRequest<?> request) {
        Matcher address = ADDRESS.matcher(request.getPath());
        if (!address.matches()) {
            return Optional.empty();
        }
        // ?lang= of a language the service lacks falls through (RequestLanguage#refusal) to the link's
        String asked = request.getParameters().get("lang");
        Optional<ResidentLink> link = links.find(address.group(1));
        return link.map(l -> asked != null && !asked.isBlank() ? asked : l.language());
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
