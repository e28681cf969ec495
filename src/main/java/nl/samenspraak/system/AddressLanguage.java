package nl.samenspraak.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;

import java.util.Optional;

/**
 * The language an address itself names, for a refusal the framework answers before (or without) the route: a
 * conversation's address its language, a resident link's the link's, a logged-in account its own. Asked only when
 * refusing ({@link RequestLanguage#refusal}), so the happy path reads nothing more, and never on a network thread
 * (an implementation may read the database). The seam keeps the system's error
 * replies from reaching into conversations, links and accounts: those features implement it. Lower order first.
 */
public interface AddressLanguage extends Ordered {
    /** The language for refusing {@code request}, if its address (or its login) names one the service speaks. */
    Optional<String> of(HttpRequest<?> request);

    /**
     * As {@link #of}, from what this instance holds in memory only, for a refusal on a network thread, which must not
     * wait for the database; empty by default.
     */
    default Optional<String> withoutWaiting(HttpRequest<?> request) {
        return Optional.empty();
    }
}
