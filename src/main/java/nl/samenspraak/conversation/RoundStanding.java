package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * Whether a conversation was finished too late for the survey round it belongs to, so its result can tell the
 * person their answers are not in the team's figures (the invitation said they would be). An interface here
 * because the rounds ({@code round}) already use the conversation use cases: the round package implements it,
 * and this package never reaches into it.
 */
public interface RoundStanding {
    /**
     * True only for a conversation in a round that, finished at {@code finishedAt}, does not count in it;
     * {@code teamId}: the team the conversation counts under (null: none).
     */
    boolean finishedAfterItsRound(String conversationId, @Nullable Long teamId, Instant finishedAt);
}
