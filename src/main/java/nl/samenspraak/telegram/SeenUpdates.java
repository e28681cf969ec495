package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers which update ids this bot handled, in the database so it holds across a restart and between
 * webhook requests at the same moment. Old ids are pruned now and then. When an id was taken is read on the outbox's
 * clock ({@link Outbox}), the same injected clock (none in production: the system's).
 */
@Singleton
public class SeenUpdates {
    static final Duration KEPT = Duration.ofDays(2);
    private static final int PRUNE_EVERY = 256;

    private final TelegramUpdateRepository updates;
    private final long botId;
    private final AtomicInteger sincePrune = new AtomicInteger();
    private final Clock clock;

    public SeenUpdates(TelegramUpdateRepository updates, TelegramSettings settings, @Nullable Clock clock) {
        this.updates = updates;
        this.botId = settings.botId();
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /**
     * Takes the update id: true the first time. Inside the commit that handles the update, the claim goes with it:
     * when that commit fails the id is free again, and a second instance that takes the same update meanwhile waits
     * for that commit and then finds it taken (PostgreSQL waits on the uncommitted row).
     */
    boolean claim(long updateId) {
        return updates.claim(botId, updateId, now()) == 1;
    }

    /** Removes old ids on every {@value #PRUNE_EVERY}th update (outside the update's commit). */
    void pruneNowAndThen() {
        if (sincePrune.incrementAndGet() >= PRUNE_EVERY) {
            sincePrune.set(0);
            updates.prune(now().minus(KEPT));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public long prune(Instant before) {
        return updates.prune(before);
    }
}
