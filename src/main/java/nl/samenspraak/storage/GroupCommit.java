package nl.samenspraak.storage;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes the changes of many requests in one transaction, so one durable commit (one write to disk) serves
 * every answer that arrived meanwhile. A caller waits until its change is committed, so an answer is never
 * acknowledged before it is on disk. A change that finds its conversation changed by someone else fails
 * with an {@link OptimisticLockException} without spoiling the others in its batch.
 *
 * <p>A change may also only queue its statement ({@link Queued}): the queued statements of changes that follow
 * each other in a batch go to the database together ({@link Statements#send()}), in one round trip instead of one
 * each, and then each change reads its own outcome. The one thread that writes waits out every round trip, so with
 * the database on another host that wait, not the commit, is what bounds an instance's answers per second. The
 * batch keeps its order: queued statements are sent before the next change that is not queued runs.
 */
final class GroupCommit<R> implements AutoCloseable {
    private static final int MAX_BATCH = 128;

    private final TransactionOperations<Connection> transactions;
    private final Statements statements;
    private final BlockingQueue<Pending<R>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    /** A change: returns its result, or throws {@link OptimisticLockException} to be skipped. */
    interface Change<R> {
        R apply();
    }

    /** A change that queues its statement and says how to read its result once the queued statements are sent. */
    interface Queued<R> {
        Outcome<R> queue();
    }

    /** A queued change's result, read after the send: its value, or {@link OptimisticLockException} to be skipped. */
    interface Outcome<R> {
        R read();
    }

    /** Where {@link Queued} changes put their statements; used only by the writer thread. */
    interface Statements {
        /** Runs the queued statements, in the order they were queued, in one round trip; then none is queued. */
        void send();

        /** Forgets what is queued (the batch failed before sending). */
        void discard();
    }

    private record Pending<R>(Change<R> change, Queued<R> queued, CompletableFuture<R> done) {
    }

    GroupCommit(TransactionOperations<Connection> transactions, String name, Statements statements) {
        this.transactions = transactions;
        this.statements = statements;
        this.writer = new Thread(this::run, name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Runs {@code change} in the next batch and returns once that batch is committed. */
    R submit(Change<R> change) {
        return await(new Pending<>(change, null, new CompletableFuture<>()));
    }

    /** As {@link #submit}, for a change whose statement is sent with those of the changes around it. */
    R submitQueued(Queued<R> change) {
        return await(new Pending<>(null, change, new CompletableFuture<>()));
    }

    private R await(Pending<R> pending) {
        if (closed) {
            throw new IllegalStateException("shutting down");
        }
        queue.add(pending);
        try {
            return pending.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Pending<R>> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
        Pending<R> left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("shutting down"));
        }
    }

    private void commit(List<Pending<R>> batch) {
        List<Object> outcomes = new ArrayList<>(batch.size());
        List<Integer> waiting = new ArrayList<>();
        try {
            transactions.executeWrite(status -> {
                outcomes.clear();
                waiting.clear();
                for (Pending<R> p : batch) {
                    if (p.queued() == null) {
                        read(waiting, outcomes);
                    }
                    try {
                        if (p.queued() == null) {
                            outcomes.add(p.change().apply());
                        } else {
                            outcomes.add(p.queued().queue());
                            waiting.add(outcomes.size() - 1);
                        }
                    } catch (OptimisticLockException e) {
                        outcomes.add(e);
                    }
                }
                read(waiting, outcomes);
                return null;
            });
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        } finally {
            statements.discard();
        }
        for (int i = 0; i < batch.size(); i++) {
            Object outcome = outcomes.get(i);
            if (outcome instanceof OptimisticLockException e) {
                batch.get(i).done().completeExceptionally(e);
            } else {
                @SuppressWarnings("unchecked")
                R result = (R) outcome;
                batch.get(i).done().complete(result);
            }
        }
    }

    /** Sends the queued statements and puts each waiting change's result (or its skip) in its place. */
    private void read(List<Integer> waiting, List<Object> outcomes) {
        if (waiting.isEmpty()) {
            return;
        }
        statements.send();
        for (int i : waiting) {
            @SuppressWarnings("unchecked")
            Outcome<R> outcome = (Outcome<R>) outcomes.get(i);
            try {
                outcomes.set(i, outcome.read());
            } catch (OptimisticLockException e) {
                outcomes.set(i, e);
            }
        }
        waiting.clear();
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }
}
