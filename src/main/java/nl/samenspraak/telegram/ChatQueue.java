package nl.samenspraak.telegram;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the updates of one chat one after another, in the order they came, and those of different chats
 * side by side. Two quick taps in one chat therefore never race: the second sees what the first did.
 */
final class ChatQueue implements AutoCloseable {
    private final ExecutorService workers;
    private final Map<Long, CompletableFuture<Void>> tails = new HashMap<>();

    ChatQueue(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "telegram-chat-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} after everything queued before for {@code chat}; completes when it ran (or failed). */
    synchronized CompletableFuture<Void> submit(long chat, Runnable task) {
        CompletableFuture<Void> before = tails.getOrDefault(chat, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> next = before.handle((ok, failed) -> null).thenRunAsync(task, workers);
        tails.put(chat, next);
        next.whenComplete((ok, failed) -> {
            synchronized (this) {
                tails.remove(chat, next);
            }
        });
        return next;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
