package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.storage.ConversationTraces;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A reply still waiting in the outbox (the Bot API away, or a chat told to wait) holds the chat's id and its text,
 * and its text may quote the person's answers: a question echoing the last one, the answers to check, a result. Once
 * the person has the conversation forgotten (on the web or the API by its code, "nee" to consent, retention) those
 * words must not stay, nor be sent afterwards as if nothing happened; once the retention run closes a result, the
 * chat's id beside that result is the link to a person the run takes away. So such replies are withdrawn in the same
 * commit: given up, as a reply Telegram refuses for good is, text and chat id cleared, and the chat's next reply goes
 * in its turn, so the chat's order holds. A reply about no conversation (the confirmation of {@code /vergeet}, written
 * after the chat left its conversations) is not touched. Sent replies keep no text at all
 * ({@link TelegramOutboxRepository#sent}). Here whether or not the bot is switched on: rows stay from when it was.
 */
@Singleton
class UnsentReplies implements ConversationTraces {
    private final TelegramOutboxRepository rows;
    private final Clock clock;
    private final MadeFiles made;

    /**
     * {@code clock}: the outbox's own (see {@link Outbox}), so a withdrawn row is pruned as a sent one is; {@code made}:
     * the result PDFs made on this instance and waiting for Telegram, which go with their rows.
     */
    UnsentReplies(TelegramOutboxRepository rows, @Nullable Clock clock, MadeFiles made) {
        this.rows = rows;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.made = made;
    }

    @Override
    public void forget(Forgotten conversation) {
        rows.withdraw(conversation.id(), now());
        made.dropConversation(conversation.id());
    }

    @Override
    public void resultsClosed(ClosedResults closed, Instant now) {
        made.dropAll(); // which of them were closed is the rows' to say; a file still due is made again
        Instant at = now();
        closed.byFlow().forEach((flowId, before) -> rows.withdrawFinished(flowId, before, at));
        rows.withdrawFinishedOfOtherFlows(closed.flowsLoaded(), closed.otherFlows(), at);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
