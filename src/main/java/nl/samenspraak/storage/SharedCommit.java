package nl.samenspraak.storage;

import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * The one {@link GroupCommit} of this instance: small writes of many requests (answers, a limit's count) go to the
 * database together, so they share one durable commit. On embedded H2 every commit writes each changed page of the
 * store anew (a chunk), so a write that commits on its own costs about as much as a whole batch of answers.
 */
@Singleton
public class SharedCommit {
    private final GroupCommit<Object> commits;

    SharedCommit(TransactionOperations<Connection> transactions, TurnWrites turns) {
        this.commits = new GroupCommit<>(transactions, "database-writer", turns);
    }

    /**
     * Runs {@code change} in the next batch and returns its result once that batch is committed. A change that
     * throws {@link io.micronaut.data.exceptions.OptimisticLockException} is skipped without spoiling the others;
     * any other failure fails the whole batch.
     */
    @SuppressWarnings("unchecked")
    public <T> T submit(Supplier<T> change) {
        return (T) commits.submit(change::get);
    }

    /** As {@link #submit}, for a change that only queues its statement, an answered turn or a start (see {@link GroupCommit.Queued}). */
    @SuppressWarnings("unchecked")
    <T> T submitQueued(GroupCommit.Queued<T> change) {
        return (T) commits.submitQueued(() -> {
            GroupCommit.Outcome<T> outcome = change.queue();
            return outcome::read;
        });
    }

    @PreDestroy
    void close() {
        commits.close();
    }
}
