package nl.samenspraak.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.samenspraak.system.AddressLanguage;

import java.util.Optional;

/**
 * A refusal to a logged-in account that chose the language of its own pages ({@link OwnLanguage}) is said in that
 * language, "no access" included: an intermediair with Arabic chosen got Dutch "Geen toegang" on {@code /admin/teams}.
 * After a conversation's or a resident link's own language (their addresses are someone else's words). Read only
 * when refusing.
 */
@Singleton
class OwnLanguageOfRefusals implements AddressLanguage {
    private final OwnLanguage own;

    OwnLanguageOfRefusals(OwnLanguage own) {
        this.own = own;
    }

    @Override
    public Optional<String> of(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
                .filter(me -> me.getAttributes().get(Accounts.ACCOUNT_CLAIM) instanceof Number)
                .flatMap(me -> own.chosen(Accounts.idOf(me)));
    }

    @Override
    public int getOrder() {
        return 100;
    }
}
