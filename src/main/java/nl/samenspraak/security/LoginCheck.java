package nl.samenspraak.security;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/**
 * Checks a username and password. Says only "right", "wrong" or "locked": an unknown username, a disabled
 * account and a wrong password all look the same, and take about as long (an unknown name is checked
 * against a dummy hash).
 */
@Singleton
public class LoginCheck {
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final LoginAttempts attempts;
    private final String dummyHash;

    public enum Status { OK, WRONG, LOCKED }

    public record Result(Status status, @Nullable Account account) {
    }

    public LoginCheck(Accounts accounts, PasswordEncoder encoder, LoginAttempts attempts) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.attempts = attempts;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

        /** Checks a login from {@code client} (see {@link nl.samenspraak.limits.ClientAddress}): lock-outs count per client. */
    public Result check(String client, @Nullable String username, @Nullable String password) {
        String name = Accounts.normalize(username);
        if (name.isEmpty() || name.length() > 64) {
            return new Result(Status.WRONG, null);
        }
        Optional<LoginAttempts.Attempt> attempt = attempts.begin(client, name);
        if (attempt.isEmpty()) {
            return new Result(Status.LOCKED, null);
        }
        Optional<Account> account = accounts.byUsername(name);
        boolean matches = encoder.matches(password == null ? "" : password,
                account.map(Account::passwordHash).orElse(dummyHash));
        if (matches && account.isPresent() && account.get().enabled()) {
            attempts.succeeded(attempt.get());
            return new Result(Status.OK, account.get());
        }
        return new Result(attempts.failed(attempt.get()) ? Status.LOCKED : Status.WRONG, null);
    }
}
