package nl.samenspraak.support;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a piece of work on a thread of a given stack size and hands back what it gave, or what it threw (a
 * StackOverflowError too, as its name): whether an input is refused must not depend on the thread it is judged on.
 */
public final class OnStack {
    public static final long SMALL = 256L << 10;
    public static final long LARGE = 512L << 20;

    private OnStack() {
    }

    public static Object run(long stackBytes, Callable<?> work) {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.call());
            } catch (Throwable e) {
                result.set(e.getClass().getSimpleName());
            }
        }, "stack-" + stackBytes, stackBytes);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return result.get();
    }
}
