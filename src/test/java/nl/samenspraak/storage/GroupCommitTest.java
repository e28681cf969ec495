package nl.samenspraak.storage;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a caller of the group commit can count on: a reply only after its change is committed, changes that arrive
 * together in one commit, one change skipped without spoiling the others, a failure reported to every change it
 * undid, and queued statements sent together in the batch's order. The database is a fake that records what
 * happened in which transaction; the real ones are behind {@code ConversationStoreContract}.
 */
class GroupCommitTest {
    private final FakeTransactions transactions = new FakeTransactions();
    private final RecordingStatements statements = new RecordingStatements(transactions.log);
    private final GroupCommit<String> commits = new GroupCommit<>(transactions, "test-writer", statements);

    @AfterEach
    void close() {
        commits.close();
    }

    @Test
    void aCallerHearsBackOnlyOnceItsChangeIsCommitted() throws Exception {
        CountDownLatch commit = transactions.holdCommit();
        CompletableFuture<String> reply = submitInBackground(() -> change("a"));
        assertThrows(TimeoutException.class, () -> reply.get(300, TimeUnit.MILLISECONDS),
                "a reply before the commit would acknowledge an answer that a crash could still lose");
        commit.countDown();
        assertEquals("a", reply.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("begin", "apply a", "commit"), transactions.log);
    }

    @Test
    void changesThatArriveWhileACommitRunsShareTheNextOne() throws Exception {
        List<CompletableFuture<String>> later = inOneBatch(
                () -> change("b"), () -> change("c"), () -> change("d"), () -> change("e"));
        for (CompletableFuture<String> f : later) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertEquals(2, transactions.commits, "one commit for the first, one for the four that waited: " + transactions.log);
        assertEquals(List.of("begin", "apply holder", "commit", "begin", "apply b", "apply c", "apply d", "apply e", "commit"),
                transactions.log);
    }

    @Test
    void aChangeWhoseConversationMovedMeanwhileIsSkippedAndTheOthersAreKept() throws Exception {
        List<CompletableFuture<String>> batch = inOneBatch(
                () -> change("a"),
                () -> {
                    transactions.log.add("apply b (stale)");
                    throw new OptimisticLockException("conversation changed meanwhile");
                },
                () -> change("c"));
        assertEquals("a", batch.get(0).get(5, TimeUnit.SECONDS));
        ExecutionException stale = assertThrows(ExecutionException.class, () -> batch.get(1).get(5, TimeUnit.SECONDS));
        assertInstanceOf(OptimisticLockException.class, stale.getCause());
        assertEquals("c", batch.get(2).get(5, TimeUnit.SECONDS));
        assertEquals(0, transactions.rollbacks);
        assertEquals(List.of("apply a", "apply b (stale)", "apply c", "commit"),
                transactions.log.subList(transactions.log.size() - 4, transactions.log.size()));
    }

    @Test
    void anyOtherFailureUndoesTheBatchAndNoChangeOfItIsReportedStored() {
        List<CompletableFuture<String>> batch = inOneBatch(
                () -> change("a"),
                () -> {
                    throw new IllegalStateException("disk full");
                },
                () -> change("c"));
        for (CompletableFuture<String> f : batch) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
            assertEquals("disk full", e.getCause().getMessage());
        }
        assertEquals(1, transactions.rollbacks);
        assertEquals(1, transactions.commits, "only the batch that held the writer committed");
    }

    @Test
    void aCommitThatFailsFailsEveryChangeInIt() {
        transactions.failNextCommit = true;
        CompletableFuture<String> a = submitInBackground(() -> change("a"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> a.get(5, TimeUnit.SECONDS));
        assertEquals("commit failed", e.getCause().getMessage());
    }

    @Test
    void queuedStatementsGoTogetherAndBeforeTheNextChangeThatIsNotQueued() throws Exception {
        List<CompletableFuture<String>> batch = inOneBatch(
                queued("q1", true), queued("q2", true), () -> change("p3"), queued("q4", true));
        for (CompletableFuture<String> f : batch) {
            f.get(5, TimeUnit.SECONDS);
        }
        List<String> second = transactions.log.subList(transactions.log.indexOf("commit") + 1, transactions.log.size());
        assertEquals(List.of("begin", "queue q1", "queue q2", "send [q1, q2]", "apply p3", "queue q4", "send [q4]", "commit"),
                second);
        assertEquals(List.of("q1", "q2", "p3", "q4"), List.of(batch.get(0).get(), batch.get(1).get(), batch.get(2).get(),
                batch.get(3).get()));
    }

    @Test
    void aQueuedStatementThatChangedNothingSkipsOnlyItsOwnChange() throws Exception {
        List<CompletableFuture<String>> batch = inOneBatch(queued("q1", true), queued("q2", false), queued("q3", true));
        assertEquals("q1", batch.get(0).get(5, TimeUnit.SECONDS));
        ExecutionException stale = assertThrows(ExecutionException.class, () -> batch.get(1).get(5, TimeUnit.SECONDS));
        assertInstanceOf(OptimisticLockException.class, stale.getCause());
        assertEquals("q3", batch.get(2).get(5, TimeUnit.SECONDS));
        assertEquals(0, transactions.rollbacks);
    }

    @Test
    void aSendThatFailsUndoesTheBatchAndNoChangeOfItIsReportedStored() {
        statements.failNextSend = true;
        List<CompletableFuture<String>> batch = inOneBatch(queued("q1", true), queued("q2", true));
        for (CompletableFuture<String> f : batch) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
            assertEquals("connection lost", e.getCause().getMessage());
        }
        assertEquals(1, transactions.rollbacks);
    }

    @Test
    void aBatchThatFailsBeforeItsSendLeavesNothingQueuedForTheNext() throws Exception {
        Submission broken = new Submission() {
            @Override
            public String get() {
                throw new AssertionError();
            }

            @Override
            public GroupCommit.Queued<String> queued() {
                return () -> {
                    throw new IllegalStateException("value too long");
                };
            }
        };
        List<CompletableFuture<String>> batch = inOneBatch(queued("q1", true), broken);
        for (CompletableFuture<String> f : batch) {
            assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        }
        assertEquals("q3", submitInBackground(queued("q3", true)).get(5, TimeUnit.SECONDS));
        assertEquals("send [q3]", transactions.log.get(transactions.log.size() - 2),
                "the undone batch's statement must not go out with the next one: " + transactions.log);
    }

    @Test
    void afterClosingNoChangeIsTaken() {
        commits.close();
        assertThrows(IllegalStateException.class, () -> commits.submit(() -> change("late")));
        assertFalse(transactions.log.contains("apply late"));
    }

    // --- helpers

    private String change(String name) {
        transactions.log.add("apply " + name);
        return name;
    }

    /** A change that queues its statement; {@code moves}: whether the statement will have changed a row. */
    private Submission queued(String name, boolean moves) {
        return new Submission() {
            @Override
            public String get() {
                throw new AssertionError("a queued change is not applied");
            }

            @Override
            public GroupCommit.Queued<String> queued() {
                return () -> {
                    transactions.log.add("queue " + name);
                    int index = statements.queue(name, moves);
                    return () -> {
                        if (!statements.moved(index)) {
                            throw new OptimisticLockException("conversation changed meanwhile");
                        }
                        return name;
                    };
                };
            }
        };
    }

    /** What a test submits: a plain change, or (overriding {@link #queued()}) a queued one. */
    private interface Submission extends java.util.function.Supplier<String> {
        default GroupCommit.Queued<String> queued() {
            return null;
        }
    }

    /** Submits every change while the writer is held, so they all wait and go in its next batch, in this order. */
    private List<CompletableFuture<String>> inOneBatch(Submission... changes) {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        CompletableFuture<String> holder = submitInBackground(() -> {
            entered.countDown();
            await(hold);
            return change("holder");
        });
        await(entered); // the writer is inside the holder's batch: whatever comes now waits for the next one
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (Submission s : changes) {
            futures.add(submitWaiting(s));
        }
        hold.countDown();
        try {
            holder.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return futures;
    }

    private CompletableFuture<String> submitInBackground(Submission change) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                GroupCommit.Queued<String> q = change.queued();
                result.complete(q == null ? commits.submit(change::get) : commits.submitQueued(q));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        t.setDaemon(true);
        t.start();
        threads.add(t);
        return result;
    }

    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

    /** Submits in the background and returns once the caller waits for its commit (its change is queued). */
    private CompletableFuture<String> submitWaiting(Submission change) {
        CompletableFuture<String> f = submitInBackground(change);
        Thread t = threads.get(threads.size() - 1);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (t.getState() != Thread.State.WAITING && !f.isDone()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the change was never queued");
            }
            Thread.onSpinWait();
        }
        return f;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Transactions that record begin, commit and rollback in the shared log; a commit can be held or made to fail. */
    private static final class FakeTransactions implements TransactionOperations<Connection> {
        final List<String> log = Collections.synchronizedList(new ArrayList<>());
        volatile int commits;
        volatile int rollbacks;
        volatile boolean failNextCommit;
        private volatile CountDownLatch commitGate;

        CountDownLatch holdCommit() {
            commitGate = new CountDownLatch(1);
            return commitGate;
        }

        @Override
        public <R> R execute(TransactionDefinition definition, TransactionCallback<Connection, R> callback) {
            log.add("begin");
            R result;
            try {
                result = callback.call(null);
            } catch (RuntimeException e) {
                rollbacks++;
                log.add("rollback");
                throw e;
            } catch (Exception e) {
                rollbacks++;
                throw new IllegalStateException(e);
            }
            CountDownLatch gate = commitGate;
            if (gate != null) {
                await(gate);
            }
            if (failNextCommit) {
                failNextCommit = false;
                rollbacks++;
                throw new IllegalStateException("commit failed");
            }
            commits++;
            log.add("commit");
            return result;
        }

        @Override
        public Connection getConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasConnection() {
            return false;
        }

        @Override
        public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
            return Optional.empty();
        }
    }

    /** Statements queued by name; a send logs them and fixes, per statement, whether it moved its row. */
    private static final class RecordingStatements implements GroupCommit.Statements {
        private final List<String> log;
        final List<String> queued = new ArrayList<>();
        private final List<Boolean> moves = new ArrayList<>();
        private List<Boolean> sent = List.of();
        volatile boolean failNextSend;

        RecordingStatements(List<String> log) {
            this.log = log;
        }

        int queue(String name, boolean moved) {
            queued.add(name);
            moves.add(moved);
            return queued.size() - 1;
        }

        boolean moved(int index) {
            return sent.get(index);
        }

        @Override
        public void send() {
            try {
                if (failNextSend) {
                    failNextSend = false;
                    throw new IllegalStateException("connection lost");
                }
                log.add("send " + queued);
                sent = List.copyOf(moves);
            } finally {
                queued.clear();
                moves.clear();
            }
        }

        @Override
        public void discard() {
            queued.clear();
            moves.clear();
        }
    }
}
