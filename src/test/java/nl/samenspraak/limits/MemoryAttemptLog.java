package nl.samenspraak.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Attempts in memory, exactly when they were made (an attempt at {@code since} counts), for unit tests. */
public final class MemoryAttemptLog implements AttemptLog {
    private final Map<String, List<Instant>> byBucket = new HashMap<>();

    @Override
    public synchronized boolean addIfUnder(String bucket, Instant at, Duration window, long limit) {
        if (count(bucket, at.minus(window)) >= limit) {
            return false;
        }
        byBucket.computeIfAbsent(bucket, k -> new ArrayList<>()).add(at);
        return true;
    }

    @Override
    public synchronized void takeBack(String bucket, Instant at, Duration window) {
        byBucket.getOrDefault(bucket, new ArrayList<>()).remove(at);
    }

    @Override
    public synchronized long count(String bucket, Instant since) {
        return byBucket.getOrDefault(bucket, List.of()).stream().filter(t -> !t.isBefore(since)).count();
    }

    @Override
    public synchronized void clear(String bucket) {
        byBucket.remove(bucket);
    }

    @Override
    public synchronized long forgetOld(Instant now) {
        long before = byBucket.values().stream().mapToLong(List::size).sum();
        byBucket.values().forEach(times -> times.removeIf(t -> t.isBefore(now.minus(Duration.ofDays(1)))));
        return before - byBucket.values().stream().mapToLong(List::size).sum();
    }
}
