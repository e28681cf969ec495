package nl.samenspraak.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.samenspraak.limits.AttemptLog;
import nl.samenspraak.limits.ClientShare;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Lock-out that cannot be turned against the owner of a name: failures are counted per (client, name), so
 * {@code max-failures} wrong passwords for a name lock that name only for the client that sent them (for
 * {@code minutes}); the owner logging in from elsewhere is not locked out. A client that fails
 * {@code max-failures-per-client} times across any names within the same time (spraying one password over many names)
 * is locked for every name. Counted per typed name whether or not an account has it, so a lock says nothing about
 * who exists. In the database ({@link AttemptLog}): every instance counts the same failures. The client is as
 * {@link nl.samenspraak.limits.ClientAddress} says (a trusted proxy's X-Forwarded-For, an IPv6 /64).
 *
 * <p>An attempt counts as a failure from the moment it {@link #begin begins}, before its password is checked, and
 * only while the lock has places left: a check first and a count after the password would let a hundred guesses sent
 * at once all find the name unlocked. A login that succeeds takes its place back.
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

    /** A login attempt under way: counted as a failure until it {@link #succeeded succeeds}. */
    public record Attempt(String client, String username, Instant at) {
    }

    /** Whether the name is locked for this client, or the client for every name. */
    public boolean locked(String client, String username) {
        Instant since = clock.instant().minus(lockTime);
        return name(client, username).full(log, since) || client(client).full(log, since);
    }

    /**
     * Begins a login attempt: empty when the name is locked for this client or the client is locked; otherwise the
     * attempt, already counted as a failure of the name and of the client.
     */
    public Optional<Attempt> begin(String client, String username) {
        Instant now = clock.instant();
        if (!name(client, username).addIfUnder(log, now, lockTime)) {
            return Optional.empty();
        }
        if (!client(client).addIfUnder(log, now, lockTime)) {
            name(client, username).takeBack(log, now, lockTime);
            return Optional.empty();
        }
        return Optional.of(new Attempt(client, username, now));
    }

    /** The password was wrong: the attempt stays counted. True when it locks the name (for this client) or the client. */
    public boolean failed(Attempt attempt) {
        return locked(attempt.client(), attempt.username());
    }

    /**
     * The owner got in: their failures from this client are forgiven (not those of the rest of its IPv6 /48, which
     * may be someone else's), and this attempt is not one of the client's.
     */
    public void succeeded(Attempt attempt) {
        name(attempt.client(), attempt.username()).clearOwn(log, attempt.at(), lockTime);
        client(attempt.client()).takeBack(log, attempt.at(), lockTime);
    }

    /**
     * A name's failures from a client; an IPv6 client's /48 has five clients' shares together
     * ({@link ClientShare}): counted per /64 alone, whoever holds a /48 could try 65,536 times as many passwords.
     */
    private ClientShare name(String client, String username) {
        return ClientShare.of("login-name", client, "|" + username, maxFailures);
    }

    private ClientShare client(String client) {
        return ClientShare.of("login-client", client, "", maxPerClient);
    }
}
