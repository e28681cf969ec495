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
 */
final class GroupCommit<R> implements AutoCloseable {
    private static final int MAX_BATCH = 128;

    private final TransactionOperations<Connection> transactions;
    private final BlockingQueue<Pending<R>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    /** A change: returns its result, or throws {@link OptimisticLockException} to be skipped. */
    interface Change<R> {
        R apply();
    }

    private record Pending<R>(Change<R> change, CompletableFuture<R> done) {
    }

    GroupCommit(TransactionOperations<Connection> transactions, String name) {
        this.transactions = transactions;
        this.writer = new Thread(this::run, name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Runs {@code change} in the next batch and returns once that batch is committed. */
    R submit(Change<R> change) {
        if (closed) {
            throw new IllegalStateException("shutting down");
        }
        Pending<R> pending = new Pending<>(change, new CompletableFuture<>());
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
        try {
            transactions.executeWrite(status -> {
                outcomes.clear();
                for (Pending<R> p : batch) {
                    try {
                        outcomes.add(p.change().apply());
                    } catch (OptimisticLockException e) {
                        outcomes.add(e);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
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

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }
}
