package nl.samenspraak.telegram;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers which update ids this bot handled, in the database so it holds across a restart and between
 * webhook requests at the same moment. Old ids are pruned now and then.
 */
@Singleton
public class SeenUpdates {
    static final Duration KEPT = Duration.ofDays(2);
    private static final int PRUNE_EVERY = 256;

    private final TelegramUpdateRepository updates;
    private final long botId;
    private final AtomicInteger sincePrune = new AtomicInteger();

    public SeenUpdates(TelegramUpdateRepository updates, TelegramSettings settings) {
        this.updates = updates;
        this.botId = settings.botId();
    }

    /**
     * Takes the update id: true the first time. Inside the commit that handles the update, the claim goes with it:
     * when that commit fails the id is free again, and a second instance that takes the same update meanwhile waits
     * for that commit and then finds it taken (PostgreSQL waits on the uncommitted row).
     */
    boolean claim(long updateId) {
        return updates.claim(botId, updateId, Instant.now().truncatedTo(ChronoUnit.MICROS)) == 1;
    }

    /** Removes old ids on every {@value #PRUNE_EVERY}th update (outside the update's commit). */
    void pruneNowAndThen() {
        if (sincePrune.incrementAndGet() >= PRUNE_EVERY) {
            sincePrune.set(0);
            updates.prune(Instant.now().truncatedTo(ChronoUnit.MICROS).minus(KEPT));
        }
    }

    public long prune(Instant before) {
        return updates.prune(before);
    }
}
