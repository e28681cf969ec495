package nl.samenspraak.api;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts look-ups per client in one-minute windows, so resume codes can't be guessed by brute force.
 * Kept in memory: a restart forgives everyone, which is fine for a limit meant to slow guessing down.
 */
@Singleton
public class AttemptLimiter {
    private static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_CLIENTS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public AttemptLimiter(@Value("${samenspraak.resume.attempts-per-minute:20}") int perMinute) {
        this(perMinute, Clock.systemUTC());
    }

    AttemptLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts an attempt by {@code client}; false when it has had its share this minute. */
    public boolean tryAcquire(String client) {
        long now = clock.millis();
        if (windows.size() > MAX_CLIENTS) {
            windows.values().removeIf(w -> now - w.start >= WINDOW_MILLIS);
        }
        Window window = windows.compute(client, (k, w) -> w == null || now - w.start >= WINDOW_MILLIS ? new Window(now) : w);
        return window.count.incrementAndGet() <= perMinute;
    }

    private static final class Window {
        final long start;
        final AtomicInteger count = new AtomicInteger();

        Window(long start) {
            this.start = start;
        }
    }
}
