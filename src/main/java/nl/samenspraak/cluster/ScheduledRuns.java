package nl.samenspraak.cluster;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Once across instances: a job that each instance runs on its own timer does its work only on the instance that
 * claims the run, by moving the job's row (table {@code scheduled_job}) from a start at least {@code every} ago
 * to now in one conditional statement. Of several instances that look at the same moment one gets the row;
 * the others see a run that has just started. A run claimed with {@link #claim(String, Duration, Instant)} that
 * fails is not tried again before its next turn; one claimed with {@link #claimUntilDone} holds its turn only for
 * {@code retryAfter} until {@link #done} records it, so a run that failed (a short database outage: then even a
 * release could not be written) is tried again once that has passed.
 */
@Singleton
public class ScheduledRuns {
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public ScheduledRuns(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** True when this instance is to run {@code job} now: no instance started it within {@code every} before {@code now}. */
    public boolean claim(String job, Duration every, Instant now) {
        return claimAt(job, every, now, now);
    }

    /**
     * Like {@link #claim(String, Duration, Instant)}, but the claim holds only {@code retryAfter} (shorter than
     * {@code every}): the row is set as if the run had started {@code every - retryAfter} ago. Only {@link #done}
     * makes it the day's run; a run that never got there is due again {@code retryAfter} after {@code now}.
     */
    public boolean claimUntilDone(String job, Duration every, Duration retryAfter, Instant now) {
        if (retryAfter.compareTo(every) >= 0 || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be shorter than every: " + retryAfter);
        }
        return claimAt(job, every, now, now.minus(every).plus(retryAfter));
    }

    /**
     * Records that the run claimed by {@link #claimUntilDone} with the same arguments succeeded: it now counts as
     * started at {@code now}, and is not due before {@code every} has passed. Nothing when another instance has
     * taken the row since.
     */
    public void done(String job, Duration every, Duration retryAfter, Instant now) {
        Timestamp held = Timestamp.from(now.minus(every).plus(retryAfter).truncatedTo(ChronoUnit.MICROS));
        Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MICROS));
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE scheduled_job SET started_at = ? WHERE name = ? AND started_at = ?", s -> {
                    s.setTimestamp(1, at);
                    s.setString(2, job);
                    s.setTimestamp(3, held);
                    return s.executeUpdate();
                }));
    }

    private boolean claimAt(String job, Duration every, Instant now, Instant startedAt) {
        Timestamp at = Timestamp.from(startedAt.truncatedTo(ChronoUnit.MICROS));
        Timestamp due = Timestamp.from(now.minus(every).truncatedTo(ChronoUnit.MICROS));
        return transactions.executeWrite(status -> {
            int first = jdbc.prepareStatement("INSERT INTO scheduled_job (name, started_at) VALUES (?, ?) ON CONFLICT DO NOTHING", s -> {
                s.setString(1, job);
                s.setTimestamp(2, at);
                return s.executeUpdate();
            });
            if (first == 1) {
                return true;
            }
            return jdbc.prepareStatement("UPDATE scheduled_job SET started_at = ? WHERE name = ? AND started_at <= ?", s -> {
                s.setTimestamp(1, at);
                s.setString(2, job);
                s.setTimestamp(3, due);
                return s.executeUpdate();
            }) == 1;
        });
    }
}
