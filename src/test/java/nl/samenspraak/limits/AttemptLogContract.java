package nl.samenspraak.limits;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits' counts as every instance shares them, on every database we support (one subclass per database). */
abstract class AttemptLogContract {
    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    DatabaseAttemptLog log;
    @Inject
    nl.samenspraak.storage.OwnConnections connections;
    @Inject
    nl.samenspraak.storage.DatabaseKind database;
    @Inject
    BucketHash buckets;
    @Inject
    AttemptRepository repository;
    @Inject
    nl.samenspraak.storage.SharedCommit commits;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;

    /** Another instance on the same database, whose server secret is {@code secret}. */
    private DatabaseAttemptLog instance(String secret) {
        return new DatabaseAttemptLog(repository, commits, database, transactions,
                BucketHash.derivedFrom(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private long rowsNamed(String stored) throws Exception {
        try (var c = connections.open(10);
             var s = c.prepareStatement("SELECT COUNT(*) FROM limit_count WHERE bucket = ?")) {
            s.setString(1, stored);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** An attempt counted whatever came before. */
    private void add(String bucket, Instant at, Duration window) {
        assertTrue(log.addIfUnder(bucket, at, window, Long.MAX_VALUE));
    }

    private static String bucket() {
        return "test|" + UUID.randomUUID();
    }

    @Test
    void anAttemptCountsForItsWindowAndAtMostOneSixtiethLonger() {
        String bucket = bucket();
        Instant at = Instant.parse("2002-02-03T10:00:30Z");
        add(bucket, at, HOUR);
        assertEquals(1, log.count(bucket, at.minus(HOUR).plusSeconds(1)), "within the hour");
        assertEquals(1, log.count(bucket, at), "an attempt at the window's start counts");
        assertEquals(1, log.count(bucket, at.plusSeconds(29)), "still in its minute's slot: counted up to a minute longer");
        assertEquals(0, log.count(bucket, at.plusSeconds(31)), "its slot ended before the window began");
    }

    @Test
    void aClientsManyAttemptsAreCountedInAtMostSixtyOneRows() throws Exception {
        String bucket = bucket();
        // a day no other test writes to: the rows are counted by time, whatever their bucket
        Instant start = Instant.parse("2001-02-03T09:00:00.123Z");
        for (int i = 0; i < 600; i++) {
            add(bucket, start.plusSeconds(6L * i), HOUR);
        }
        Instant end = start.plusSeconds(6L * 599);
        assertEquals(600, log.count(bucket, end.minus(HOUR)), "all 600 in the last hour");
        long lastHalfHour = log.count(bucket, end.minus(Duration.ofMinutes(30)).plusMillis(1));
        assertTrue(lastHalfHour >= 300 && lastHalfHour <= 310, "300 made in the last half hour, and at most one minute's "
                + "slot (10) more: " + lastHalfHour);
        long rows;
        try (var c = connections.open(10);
             var s = c.prepareStatement("SELECT COUNT(*) FROM limit_count WHERE slot_end >= ? AND slot_end <= ?")) {
            s.setObject(1, java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC));
            s.setObject(2, java.time.OffsetDateTime.ofInstant(end.plus(HOUR), java.time.ZoneOffset.UTC));
            try (var r = s.executeQuery()) {
                r.next();
                rows = r.getLong(1);
            }
        }
        assertTrue(rows <= 61, "a row per minute, not per attempt: " + rows);
    }

    @Test
    void attemptsFromManyThreadsAtOnceAreAllCounted() throws Exception {
        String bucket = bucket();
        Instant at = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                done.add(pool.submit(() -> add(bucket, at, Duration.ofMinutes(1))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(80, log.count(bucket, at.minusSeconds(1)), "no attempt lost when many make the slot's row at once");
    }

    @Test
    void attemptsAtOnceNeverTakeMoreThanThePlacesLeft() throws Exception {
        String bucket = bucket();
        Instant at = Instant.now();
        add(bucket, at, Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int taken = 0;
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                done.add(pool.submit(() -> log.addIfUnder(bucket, at, Duration.ofMinutes(1), 10)));
            }
            for (Future<Boolean> f : done) {
                taken += f.get() ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(9, taken, "one of ten places was taken before: nine of the eighty get one");
        assertEquals(10, log.count(bucket, at.minusSeconds(1)), "and only those are counted");
    }

    @Test
    void aPlaceTakenBackIsFreeAgainAndNothingGoesBelowNone() {
        String bucket = bucket();
        Instant at = Instant.now();
        Duration minute = Duration.ofMinutes(1);
        assertTrue(log.addIfUnder(bucket, at, minute, 2));
        assertTrue(log.addIfUnder(bucket, at, minute, 2));
        assertEquals(false, log.addIfUnder(bucket, at, minute, 2), "both places taken");
        log.takeBack(bucket, at, minute);
        assertEquals(1, log.count(bucket, at.minusSeconds(1)));
        assertTrue(log.addIfUnder(bucket, at, minute, 2), "the place given back is free again");
        log.takeBack(bucket, at, minute);
        log.takeBack(bucket, at, minute);
        log.takeBack(bucket, at, minute);
        assertEquals(0, log.count(bucket, at.minusSeconds(1)), "never fewer than none");
    }

    @Test
    void clearingForgivesOneBucketOnly() {
        String forgiven = bucket();
        String other = bucket();
        Instant at = Instant.now();
        add(forgiven, at, HOUR);
        add(other, at, HOUR);
        log.clear(forgiven);
        assertEquals(0, log.count(forgiven, at.minusSeconds(1)));
        assertEquals(1, log.count(other, at.minusSeconds(1)));
    }

    /** A copy of the table gives nothing to try addresses or typed names against: only the keyed name is there. */
    @Test
    void theTableHoldsTheKeyedNameNeverThePlainSha256() throws Exception {
        String bucket = "login-name|192.0.2.7|" + UUID.randomUUID();
        add(bucket, Instant.now(), HOUR);
        String plain = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(bucket.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(0, rowsNamed(plain), "not the plain SHA-256 of the bucket");
        assertEquals(1, rowsNamed(buckets.of(bucket)), "its keyed name");
    }

    /** Two instances on one database with the same secret share a limit; a new secret starts the counts afresh. */
    @Test
    void instancesWithOneSecretCountTogetherAndAnotherSecretStartsAfresh() {
        String secret = "the shared secret, at least 32 bytes " + UUID.randomUUID();
        DatabaseAttemptLog one = instance(secret);
        DatabaseAttemptLog two = instance(secret);
        String bucket = bucket();
        Instant at = Instant.now();
        Duration minute = Duration.ofMinutes(1);
        assertTrue(one.addIfUnder(bucket, at, minute, 3));
        assertTrue(two.addIfUnder(bucket, at, minute, 3));
        assertTrue(one.addIfUnder(bucket, at, minute, 3));
        assertEquals(false, two.addIfUnder(bucket, at, minute, 3), "the other instance's attempts count too");
        assertEquals(3, two.count(bucket, at.minusSeconds(1)));

        DatabaseAttemptLog rekeyed = instance("another secret, at least 32 bytes " + UUID.randomUUID());
        assertEquals(0, rekeyed.count(bucket, at.minusSeconds(1)), "under a new secret the bucket has another name");
        assertTrue(rekeyed.addIfUnder(bucket, at, minute, 3));
    }

    @Test
    void slotsAreASixtiethOfTheWindowAndAnExactBoundaryIsItsOwnEnd() {
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        assertEquals(at, DatabaseAttemptLog.slotEnd(at, HOUR));
        assertEquals(at.plusSeconds(60), DatabaseAttemptLog.slotEnd(at.plusMillis(1), HOUR));
        assertEquals(at.plusSeconds(1), DatabaseAttemptLog.slotEnd(at.plusMillis(400), Duration.ofMinutes(1)));
    }
}
