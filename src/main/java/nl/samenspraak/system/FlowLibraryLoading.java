package nl.samenspraak.system;

import nl.samenspraak.flow.FlowLibrary;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Reading and checking every flow and its words in five languages is about a fifth of a start, and Flyway's migration
 * of the database (made when the data source is, also at start-up) is another fifth that keeps one core busy. This
 * starts the first on a thread of its own before the data source is made ({@link CoreFactory}), so that the two
 * overlap; the {@link FlowLibrary} bean waits for the result. The service still serves nothing before every flow has
 * been checked, and a broken flow still stops the start with its problems listed: {@link #await()} throws what the
 * loading threw.
 */
public final class FlowLibraryLoading {
    private final CompletableFuture<FlowLibrary> library = new CompletableFuture<>();

    private FlowLibraryLoading() {
    }

    static FlowLibraryLoading start(Supplier<FlowLibrary> load) {
        FlowLibraryLoading loading = new FlowLibraryLoading();
        Thread thread = new Thread(() -> {
            try {
                loading.library.complete(load.get());
            } catch (Throwable e) {
                loading.library.completeExceptionally(e);
            }
        }, "flow-loading");
        thread.setDaemon(true);
        thread.start();
        return loading;
    }

    /** The checked flows, once loaded; what the loading threw (e.g. the flows' problems) otherwise. */
    FlowLibrary await() {
        try {
            return library.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the flows were loading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
