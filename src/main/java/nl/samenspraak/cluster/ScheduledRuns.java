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
 * the others see a run that has just started. A run that fails is not tried again before its next turn.
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
        Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MICROS));
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
