package nl.samenspraak.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code samenspraak.jwt-secret} (SAMENSPRAAK_JWT_SECRET): the key login tokens are signed with, at least 32 bytes,
 * and that the limits' bucket names are keyed from. It has no default anywhere; without it {@link JwtSecretFactory}
 * makes a random one at start-up.
 */
@ConfigurationProperties("samenspraak")
public record JwtSecretSettings(@Nullable String jwtSecret) {
}
