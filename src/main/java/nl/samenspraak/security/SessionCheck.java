package nl.samenspraak.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * A login token is only good while its account exists, is enabled and has not ended its sessions since
 * (logout, a new password, a new role, disabled): the token's session version must be the account's.
 * Runs for every request that carries a login cookie, on a worker thread (see application.yml).
 */
@Singleton
public class SessionCheck<T> implements GenericJwtClaimsValidator<T> {
    private final AccountRepository accounts;

    public SessionCheck(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        if (!(claims.get(Accounts.ACCOUNT_CLAIM) instanceof Number id)
                || !(claims.get(Accounts.SESSION_CLAIM) instanceof Number version)) {
            return false;
        }
        return accounts.findById(id.longValue())
                .filter(a -> a.enabled() && a.sessionVersion() == version.longValue())
                .isPresent();
    }
}
