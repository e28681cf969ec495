package nl.samenspraak.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code samenspraak.security.*} in application.yml, the one place its defaults are written: how long a password must
 * be, how costly its BCrypt hash is, and when failed logins lock a name. Read by {@link PasswordRules},
 * {@link BCryptPasswordEncoderService}, {@link LoginAttempts} and the login page (which tells how long a lock lasts),
 * so the lock-out minutes are read in one place. The hash cost is BCrypt's own range (4 to 31); the tests run with
 * the cheapest, as every login there pays it, while production keeps 10. The JWT signing secret and the first
 * admin's password are not here: they have no default anywhere (see {@link JwtSecretFactory}, {@link FirstAdmin}).
 */
@ConfigurationProperties("samenspraak.security")
public record SecuritySettings(@Min(8) int passwordMinLength, @Min(4) @Max(31) int passwordHashCost,
                               @Valid @NotNull Lockout lockout) {

    /** {@code samenspraak.security.lockout.*}: failures per (client, name), per client over all names, and for how long. */
    @ConfigurationProperties("lockout")
    public record Lockout(@Min(1) int maxFailures, @Min(1) int maxFailuresPerClient, @Min(1) int minutes) {
    }
}
