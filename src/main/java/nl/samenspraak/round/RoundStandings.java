package nl.samenspraak.round;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.RoundStanding;

import java.time.Instant;

/**
 * Tells the conversation use cases whether a conversation missed its round, by the same rule the team's figures
 * count with ({@link SurveyRound#counts}), so what a person is told and what the dashboard counts never differ.
 */
@Singleton
class RoundStandings implements RoundStanding {
    private final RoundConversationRepository conversations;
    private final SurveyRoundRepository rounds;

    RoundStandings(RoundConversationRepository conversations, SurveyRoundRepository rounds) {
        this.conversations = conversations;
        this.rounds = rounds;
    }

    /**
     * A round is a team's: a conversation under no team is in none, and is not looked up (a finishing turn outside
     * any team reads nothing more than before: api.TurnCostH2Test).
     */
    @Override
    public boolean finishedAfterItsRound(String conversationId, @Nullable Long teamId, Instant finishedAt) {
        if (teamId == null) {
            return false;
        }
        return conversations.findById(conversationId).flatMap(rc -> rounds.findById(rc.roundId()))
                .map(round -> !round.counts(finishedAt)).orElse(false);
    }
}
