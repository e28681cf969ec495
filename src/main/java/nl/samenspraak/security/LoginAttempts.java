package nl.samenspraak.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lock-out: after {@code max-failures} failed logins for a username within {@code minutes}, that username is
 * locked for {@code minutes}, even with the right password. Counted per typed username whether or not an
 * account has it, so a lock says nothing about who exists. Kept in memory: a restart forgives.
 */
@Singleton
public class LoginAttempts {
    private static final int MAX_NAMES = 100_000;

    private final int maxFailures;
    private final Duration lockTime;
    private final Clock clock;
    private final Map<String, Failures> byName = new ConcurrentHashMap<>();

    @Inject
    public LoginAttempts(@Value("${samenspraak.security.lockout.max-failures:5}") int maxFailures,
                         @Value("${samenspraak.security.lockout.minutes:15}") int minutes) {
        this(maxFailures, Duration.ofMinutes(minutes), Clock.systemUTC());
    }

    LoginAttempts(int maxFailures, Duration lockTime, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockTime = lockTime;
        this.clock = clock;
    }

    public boolean locked(String username) {
        Failures f = current(username);
        return f != null && f.lockedUntil != null;
    }

    /** Counts a failed login; true when this failure locks the username. */
    public boolean failed(String username) {
        Instant now = clock.instant();
        if (byName.size() > MAX_NAMES) {
            byName.values().removeIf(f -> f.expired(now, lockTime));
        }
        Failures f = byName.compute(username, (k, old) -> {
            Failures next = old == null || old.expired(now, lockTime) ? new Failures(now) : old;
            next.count++;
            if (next.count >= maxFailures && next.lockedUntil == null) {
                next.lockedUntil = now.plus(lockTime);
            }
            return next;
        });
        return f.lockedUntil != null;
    }

    public void succeeded(String username) {
        byName.remove(username);
    }

    private Failures current(String username) {
        Instant now = clock.instant();
        return byName.computeIfPresent(username, (k, f) -> f.expired(now, lockTime) ? null : f);
    }

    private static final class Failures {
        final Instant first;
        int count;
        Instant lockedUntil;

        Failures(Instant first) {
            this.first = first;
        }

        /** A lock ends after its time; failures without a lock are forgotten after the same time. */
        boolean expired(Instant now, Duration lockTime) {
            return lockedUntil != null ? !now.isBefore(lockedUntil) : !now.isBefore(first.plus(lockTime));
        }
    }
}
