package nl.samenspraak.round;

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

    @Override
    public boolean finishedAfterItsRound(String conversationId, Instant finishedAt) {
        return conversations.findById(conversationId).flatMap(rc -> rounds.findById(rc.roundId()))
                .map(round -> !round.counts(finishedAt)).orElse(false);
    }
}
