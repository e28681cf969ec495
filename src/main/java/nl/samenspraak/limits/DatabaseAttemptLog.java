package nl.samenspraak.limits;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attempts in the database, so two instances behind one proxy count together and a restart forgives nobody early.
 * Buckets are stored as their SHA-256: the table holds no address or name. Rows older than a day go now and then.
 */
@Singleton
public class DatabaseAttemptLog implements AttemptLog {
    private static final Duration KEPT = Duration.ofDays(1);
    private static final int PRUNE_EVERY = 500;

    private final AttemptRepository attempts;
    private final AtomicInteger sincePrune = new AtomicInteger();

    DatabaseAttemptLog(AttemptRepository attempts) {
        this.attempts = attempts;
    }

    @Override
    public void add(String bucket, Instant at) {
        if (sincePrune.incrementAndGet() >= PRUNE_EVERY) {
            sincePrune.set(0);
            attempts.prune(at.minus(KEPT));
        }
        attempts.add(hash(bucket), at.truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public long count(String bucket, Instant since) {
        return attempts.count(hash(bucket), since);
    }

    @Override
    public void clear(String bucket) {
        attempts.clear(hash(bucket));
    }

    private static String hash(String bucket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bucket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
