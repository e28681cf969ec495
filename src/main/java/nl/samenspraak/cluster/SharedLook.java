package nl.samenspraak.cluster;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One look at what is published, shared by everyone who asks within {@code every} of its beginning. Every list of
 * the flows (the start page, {@code GET /api/flows}, Telegram's menu, the intermediair's start form, a manager's
 * dashboard) and every flow id this instance does not serve needs what is published now, as another instance may
 * have just published or withdrawn one; a read each would be a read per start page, and an outsider asking for
 * made-up flow ids would make the instance read the database per request (the lists have one of these, the ids
 * another: see {@code questionnaire.Questionnaires}; the dashboard's k of the instances a third, see
 * {@code dashboard.StrictestMinimumGroupSize}). So at most one look begins per
 * {@code every}: an asker within it is served what that look found (what was published at most {@code every}
 * ago). An asker who comes while a look runs waits for it (up to {@code every}), as what is served until it ends may
 * be far older than {@code every} after a quiet spell: not waiting, the second visitor of a start page after a quiet
 * hour was shown the list of an hour ago while the first one's look ran. A look that failed (the database away) is
 * not tried again within {@code every} either. Plain Java: the clock is given, so a test moves it.
 */
public final class SharedLook {
    private final Runnable look;
    private final long everyNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock looking = new ReentrantLock();
    private volatile boolean begun;
    private volatile long lastBegun;

    /**
     * @param look     one read of what is published, taking over what changed
     * @param every    the least time between two looks' beginnings
     * @param nanoTime the clock ({@code System::nanoTime})
     */
    public SharedLook(Runnable look, Duration every, LongSupplier nanoTime) {
        this.look = look;
        this.everyNanos = every.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Returns once what is served is what was published at most {@code every} ago, looking when it is older. */
    public void recent() {
        if (lookedRecently() && !looking.isLocked()) {
            return; // (in this order: the look that began recently has ended, so what is served is what it found)
        }
        try {
            if (!looking.tryLock(everyNanos, TimeUnit.NANOSECONDS)) {
                return; // the look under way took longer than every (the database slow or away): what is served
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if (lookedRecently()) {
                return;
            }
            lastBegun = nanoTime.getAsLong();
            begun = true;
            look.run();
        } finally {
            looking.unlock();
        }
    }

    private boolean lookedRecently() {
        return begun && nanoTime.getAsLong() - lastBegun < everyNanos;
    }
}
