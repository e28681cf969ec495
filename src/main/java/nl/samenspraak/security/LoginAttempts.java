package nl.samenspraak.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.samenspraak.limits.AttemptLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Lock-out that cannot be turned against the owner of a name: failures are counted per (client, name), so
 * {@code max-failures} wrong passwords for a name lock that name only for the client that sent them (for
 * {@code minutes}); the owner logging in from elsewhere is not locked out. A client that fails
 * {@code max-failures-per-client} times across any names within the same time (spraying one password over many names)
 * is locked for every name. Counted per typed name whether or not an account has it, so a lock says nothing about
 * who exists. In the database ({@link AttemptLog}): every instance counts the same failures. The client is as
 * {@link nl.samenspraak.limits.ClientAddress} says (a trusted proxy's X-Forwarded-For, an IPv6 /64).
 */
@Singleton
public class LoginAttempts {
    private final AttemptLog log;
    private final int maxFailures;
    private final int maxPerClient;
    private final Duration lockTime;
    private final Clock clock;

    @Inject
    public LoginAttempts(AttemptLog log, SecuritySettings settings) {
        this(log, settings.lockout().maxFailures(), settings.lockout().maxFailuresPerClient(),
                Duration.ofMinutes(settings.lockout().minutes()), Clock.systemUTC());
    }

    LoginAttempts(AttemptLog log, int maxFailures, int maxPerClient, Duration lockTime, Clock clock) {
        this.log = log;
        this.maxFailures = maxFailures;
        this.maxPerClient = maxPerClient;
        this.lockTime = lockTime;
        this.clock = clock;
    }

    public boolean locked(String client, String username) {
        Instant since = clock.instant().minus(lockTime);
        return log.count(nameBucket(client, username), since) >= maxFailures || log.count(clientBucket(client), since) >= maxPerClient;
    }

    /** Counts a failed login; true when this failure locks the name (for this client) or the client. */
    public boolean failed(String client, String username) {
        Instant now = clock.instant();
        log.add(nameBucket(client, username), now, lockTime);
        log.add(clientBucket(client), now, lockTime);
        return locked(client, username);
    }

    /** The owner got in: their earlier failures from this client are forgiven (the client's spraying count is not). */
    public void succeeded(String client, String username) {
        log.clear(nameBucket(client, username));
    }

    private static String nameBucket(String client, String username) {
        return "login-name|" + client + "|" + username;
    }

    private static String clientBucket(String client) {
        return "login-client|" + client;
    }
}
