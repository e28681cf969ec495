package nl.samenspraak.limits;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.samenspraak.storage.DatabaseKind;
import nl.samenspraak.storage.SharedCommit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attempts in the database, so two instances behind one proxy count together and a restart forgives nobody early.
 * Buckets are stored as their keyed hash ({@link BucketHash}): the table holds no address or name, nor anything that
 * can be turned back into one without the server's secret. Attempts are counted per slot, a sixtieth
 * of the limit's window, so a count reads at most 61 rows by key, however many attempts a client made: with a row
 * per attempt, a client that starts many conversations (a shared tablet, a load test with the limit raised) paid a
 * count over all of its last hour's starts for every new one. The price: an attempt counts until the end of its
 * slot has left the window, at most a sixtieth of the window longer than exactly (a minute for the hourly start
 * limit). Rows older than a day go now and then.
 *
 * <p>On embedded H2 an attempt is written in the instance's next group commit, beside the answers of that moment:
 * there each commit rewrites every page it changed, so a count committed on its own cost a start as much as a batch
 * of answers. On PostgreSQL it commits on its own: batches of several instances could take two clients' slot rows in
 * opposite orders and deadlock, and a commit there is only a WAL flush.
 *
 * <p>A limit's check and its count are one step ({@link #addIfUnder}): on H2 both run on the group commit's one
 * writer thread (one instance, one writer); on PostgreSQL in one transaction that first takes an advisory lock on the
 * bucket, so attempts at once from any instances are counted one after another and only one can take a last place.
 */
@Singleton
public class DatabaseAttemptLog implements AttemptLog {
    private static final Duration KEPT = Duration.ofDays(1);
    private static final int PRUNE_EVERY = 500;
    private static final int SLOTS_PER_WINDOW = 60;

    private final AttemptRepository attempts;
    private final SharedCommit commits;
    private final DatabaseKind database;
    private final TransactionOperations<Connection> transactions;
    private final BucketHash buckets;
    private final AtomicInteger sincePrune = new AtomicInteger();

    DatabaseAttemptLog(AttemptRepository attempts, SharedCommit commits, DatabaseKind database,
                       TransactionOperations<Connection> transactions, BucketHash buckets) {
        this.attempts = attempts;
        this.commits = commits;
        this.database = database;
        this.transactions = transactions;
        this.buckets = buckets;
    }

    @Override
    public boolean addIfUnder(String bucket, Instant at, Duration window, long limit) {
        pruneNowAndThen(at);
        String hash = hash(bucket);
        Instant slotEnd = slotEnd(at, window);
        Instant since = at.minus(window);
        if (database.postgres()) {
            return transactions.executeWrite(status -> {
                lock(status.getConnection(), hash);
                return attempts.count(hash, since) < limit && addToSlot(hash, slotEnd);
            });
        }
        return commits.submit(() -> attempts.count(hash, since) < limit && addToSlot(hash, slotEnd));
    }

    @Override
    public void takeBack(String bucket, Instant at, Duration window) {
        String hash = hash(bucket);
        Instant slotEnd = slotEnd(at, window);
        if (database.postgres()) {
            attempts.takeFromSlot(hash, slotEnd);
        } else {
            commits.submit(() -> attempts.takeFromSlot(hash, slotEnd));
        }
    }

    /** Until this transaction ends, the bucket is this transaction's: the same bucket's others wait, others go on. */
    private static void lock(Connection connection, String hash) {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, Long.parseUnsignedLong(hash.substring(0, 15), 16));
            s.execute();
        } catch (SQLException e) {
            throw new io.micronaut.data.exceptions.DataAccessException("cannot lock a limit's count", e);
        }
    }

    @Override
    public long forgetOld(Instant now) {
        return attempts.prune(now.minus(KEPT));
    }

    private void pruneNowAndThen(Instant at) {
        if (sincePrune.incrementAndGet() >= PRUNE_EVERY) {
            sincePrune.set(0);
            attempts.prune(at.minus(KEPT));
        }
    }

    /** The slot's row usually exists (one statement); the first attempt in a slot makes it. */
    private boolean addToSlot(String hash, Instant slotEnd) {
        // when another instance made the row in between, the insert does nothing and the update counts on that row
        if (attempts.addToSlot(hash, slotEnd) == 0 && attempts.newSlot(hash, slotEnd) == 0) {
            attempts.addToSlot(hash, slotEnd);
        }
        return true;
    }

    /** The end of the slot {@code at} falls in: slots are a sixtieth of the window (at least a millisecond) long. */
    static Instant slotEnd(Instant at, Duration window) {
        long width = Math.max(1, window.toMillis() / SLOTS_PER_WINDOW);
        long millis = at.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(millis + width - 1, width) * width);
    }

    @Override
    public long count(String bucket, Instant since) {
        return attempts.count(hash(bucket), since);
    }

    @Override
    public void clear(String bucket) {
        attempts.clear(hash(bucket));
    }

    private String hash(String bucket) {
        return buckets.of(bucket);
    }
}
