package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.storage.ConversationTraces;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The messages of a private chat stay on the person's phone after {@code /vergeet} forgot the chat's conversations,
 * and on a shared phone anyone can scroll up and read them. Telegram lets a bot delete a private chat's messages, the
 * person's and its own, for 48 hours after they were sent; so the ids of those messages are noted here (by the chat's
 * keyed hash, with nothing else), the person's when their update is handled (in that update's commit, as of when they
 * sent it) and the bot's
 * when they are marked sent, and {@code /vergeet} takes them to delete ({@link #take}). Older ids are of no use to
 * anyone and are pruned: every hour by the outbox's sender, and by the daily retention run also while the bot is
 * switched off. Groups are not noted: there the bot only points to a private chat. A conversation forgotten another
 * way (its code on the web, "nee" to consent, retention) leaves the ids as they are: they hold nothing of it, and they
 * go by age like the outbox's sent rows.
 * <p>
 * The result PDF goes through the outbox as a message does, and is noted when marked sent; one that arrived after the
 * chat was forgotten (its row withdrawn while it went) is deleted instead ({@link OutboxSender}).
 */
@Singleton
class ChatMessages implements ConversationTraces {
    /** How long Telegram lets a bot delete a message of a private chat. */
    static final Duration DELETABLE = Duration.ofHours(48);
    /** How many ids one deleteMessages call takes. */
    static final int PER_CALL = 100;

    private final TelegramChatMessageRepository rows;
    private final Clock clock;

    /** {@code clock}: the outbox's own (see {@link Outbox}). */
    ChatMessages(TelegramChatMessageRepository rows, @Nullable Clock clock) {
        this.rows = rows;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Notes a message of the private chat with this hash that the bot sent just now. */
    void note(String chatHash, long messageId) {
        rows.note(chatHash, messageId, now());
    }

    /**
     * Notes a message the person sent at {@code sentAt} (Telegram's date of it; null: now). Telegram's 48 hours count
     * from then, not from when the bot handled it, which after an outage may be much later: such a message is not asked
     * for once Telegram no longer deletes it, and goes with the pruning in time.
     */
    void note(String chatHash, long messageId, @Nullable Instant sentAt) {
        Instant now = now();
        rows.note(chatHash, messageId, sentAt == null || sentAt.isAfter(now) ? now : sentAt);
    }

    /**
     * The ids of the chat's messages Telegram may still delete, in groups of at most {@link #PER_CALL}; the chat's rows
     * go (older ones too), in the caller's commit.
     */
    List<List<Integer>> take(String chatHash) {
        List<Long> ids = rows.ids(chatHash, now().minus(DELETABLE));
        rows.forget(chatHash);
        List<List<Integer>> calls = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += PER_CALL) {
            calls.add(ids.subList(from, Math.min(ids.size(), from + PER_CALL)).stream().map(Long::intValue).toList());
        }
        return calls;
    }

    /** Drops the ids Telegram would no longer delete. */
    long prune() {
        return rows.prune(now().minus(DELETABLE));
    }

    @Override
    public void resultsClosed(ClosedResults closed, Instant now) {
        rows.prune(now.minus(DELETABLE));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
