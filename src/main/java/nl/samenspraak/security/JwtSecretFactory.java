package nl.samenspraak.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import nl.samenspraak.keys.ServerSecret;
import nl.samenspraak.limits.BucketHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs login tokens (HMAC-SHA256): {@code samenspraak.jwt-secret}, i.e. the environment variable
 * SAMENSPRAAK_JWT_SECRET, at least 32 bytes (256 bits). There is no default in the repository. Without one a
 * random key is made at start-up, so the service runs on a fresh machine, but every login ends at a restart
 * (and several instances would not accept each other's logins): a warning says so, except in a command that
 * runs and exits ({@link CreateAdminCommand#ENVIRONMENT}), which signs no token.
 *
 * <p>The same secret keys the limits' bucket names ({@link BucketHash}) and, as {@link ServerSecret}, the hashes of the
 * free texts a manager gave a theme, each with a label of its own: it is the one secret every instance on a database
 * already shares, which those names must be computed with. Made here because limits and the dashboard must not depend
 * on security.
 */
@Factory
public class JwtSecretFactory {
    static final int MIN_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecretFactory.class);

    /** The secret of this start, once: a made-up one must be the same for everything keyed with it. */
    @Singleton
    JwtSecret jwtSecret(JwtSecretSettings settings, Environment environment) {
        boolean serving = !environment.getActiveNames().contains(CreateAdminCommand.ENVIRONMENT);
        return new JwtSecret(secret(settings.jwtSecret(), serving).getBytes(StandardCharsets.UTF_8));
    }

    /** Made at start-up, so a missing or short secret is reported (or refused) then. */
    @Context
    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration loginTokenSignature(JwtSecret secret) {
        return new LoginTokenSignature(secret.bytes());
    }

    /** The limits' bucket names: the same on every instance that has the same secret. */
    @Singleton
    BucketHash limitBucketHash(JwtSecret secret) {
        return BucketHash.derivedFrom(secret.bytes());
    }

    /** The same secret as other features key what they store with it (a manager's themes on free texts). */
    @Singleton
    ServerSecret serverSecret(JwtSecret secret) {
        return new ServerSecret(secret.bytes());
    }

    /** The secret to sign with; {@code serving}: logins are made with it, so a random one is worth a warning. */
    static String secret(String configured, boolean serving) {
        if (configured == null || configured.isBlank()) {
            if (serving) {
                LOG.warn("SAMENSPRAAK_JWT_SECRET is not set: using a random secret for login tokens, so every login "
                        + "ends when the service restarts (the limits' counts start afresh, and managers' themes on free texts are "
                        + "lost). Set it to at least {} "
                        + "random bytes, e.g. `openssl rand -base64 48`.",
                        MIN_BYTES);
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        }
        if (configured.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new nl.samenspraak.system.SettingRefused("SAMENSPRAAK_JWT_SECRET is too short: it needs at least " + MIN_BYTES
                    + " bytes (256 bits), e.g. `openssl rand -base64 48`.");
        }
        return configured;
    }
}
