package nl.samenspraak.limits;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * Counts resume-code look-ups per client over the last minute, so codes can't be guessed by brute force. The client
 * is as {@link ClientAddress} says (behind a trusted proxy the real client, an IPv6 /64), so
 * one person cannot block resuming for everyone behind the same proxy. In the database: every instance counts the
 * same look-ups.
 */
@Singleton
public class AttemptLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final AttemptLog log;
    private final int perMinute;
    private final Clock clock;

    @Inject
    public AttemptLimiter(AttemptLog log, LimitSettings settings) {
        this(log, settings.resumeAttemptsPerMinute(), Clock.systemUTC());
    }

    AttemptLimiter(AttemptLog log, int perMinute, Clock clock) {
        this.log = log;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /**
     * Counts an attempt by {@code client}; false when it has had its share this minute (nothing more is counted then).
     * An IPv6 client's whole /48 also has a share ({@link ClientShare}): counted per /64 alone, whoever holds a /48 had
     * 65,536 shares (a resume code found about once a day at the server's own pace, outsider probe).
     */
    public boolean tryAcquire(String client) {
        return ClientShare.of("resume", client, "", perMinute).addIfUnder(log, clock.instant(), WINDOW);
    }
}
