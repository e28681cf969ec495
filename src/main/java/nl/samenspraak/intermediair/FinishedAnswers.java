package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ConversationOverviews;
import nl.samenspraak.conversation.ConversationSettings;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.FlowLibrary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one rule for how long an intermediair reads a finished conversation's answers: only for a short while after it
 * finished ({@code samenspraak.intermediair.finished-readable-for}, 2 hours), long enough to go through the tips with
 * the resident and hand the result over to their phone, and never longer than its result opens at all (the flow's
 * {@code retention.result}). Intermediairs share phones: a resident's answers are not to be reread on one for days.
 * After the window the line stays in "Mijn gesprekken" without "Resultaat"; the resident keeps the result through
 * a hand-over link (and can have it deleted with their own code), which this rule does not touch. An unfinished conversation is always readable
 * (its holder goes on with it).
 */
@Singleton
public class FinishedAnswers {
    private final ConversationOverviews stored;
    private final FlowLibrary library;
    private final ConversationSettings conversations;
    private final Duration readableFor;
    private final Clock clock;

    @Inject
    public FinishedAnswers(ConversationOverviews stored, FlowLibrary library, ConversationSettings conversations,
                           IntermediairSettings settings, @Nullable Clock clock) {
        this.stored = stored;
        this.library = library;
        this.conversations = conversations;
        this.readableFor = settings.finishedReadableFor();
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Whether its holder may read this conversation's answers now: unfinished, or finished within the window. */
    public boolean readable(ConversationOverviews.Overview c) {
        if (c.status() != Status.DONE) {
            return true;
        }
        // finished is final: nothing changes a finished conversation any more, so its last change is when it finished
        return clock.instant().isBefore(c.changedAt().plus(window(c.flowId())));
    }

    /** As {@link #readable(ConversationOverviews.Overview)} by id; one that does not exist is for the other checks to refuse. */
    public boolean readable(String conversationId) {
        return stored.find(conversationId).map(this::readable).orElse(true);
    }

    /** The setting, shortened to how long the flow's result opens at all (by its own link: at least the short grace). */
    private Duration window(String flowId) {
        Duration result = library.flow(flowId).map(f -> f.retention().resultOpenFor(conversations.getResultOpenFor()))
                .orElse(Duration.ZERO);
        if (result.compareTo(conversations.getResultGrace()) < 0) {
            result = conversations.getResultGrace();
        }
        return result.compareTo(readableFor) < 0 ? result : readableFor;
    }
}
