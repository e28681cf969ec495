package nl.samenspraak.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code samenspraak.security.*} in application.yml, the one place its defaults are written: how long a password must
 * be and when failed logins lock a name. Read by {@link PasswordRules}, {@link LoginAttempts} and the login page (which
 * tells how long a lock lasts), so the lock-out minutes are read in one place. The JWT signing secret and the first
 * admin's password are not here: they have no default anywhere (see {@link JwtSecretFactory}, {@link FirstAdmin}).
 */
@ConfigurationProperties("samenspraak.security")
public record SecuritySettings(@Min(8) int passwordMinLength, @Valid @NotNull Lockout lockout) {

    /** {@code samenspraak.security.lockout.*}: failures per (client, name), per client over all names, and for how long. */
    @ConfigurationProperties("lockout")
    public record Lockout(@Min(1) int maxFailures, @Min(1) int maxFailuresPerClient, @Min(1) int minutes) {
    }
}
