package nl.samenspraak.round;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Channel;

/**
 * Starting a conversation that may count in a survey round: the one home of the rule which conversations a round
 * counts, so no channel decides it. An invitation's conversation counts in the invitation's round; a conversation
 * from a multi-use way in (a resident link, an intermediair entering a resident's answers) counts in the open round
 * of its team and flow that has no invitations, if there is one; a conversation from a team's join link or the
 * public start page counts nowhere (those ways in can be used again and again, so they could pad a round).
 * <p>
 * Using the invitation and starting the conversation are two commits: if the database goes away between them, the
 * person gets the honest 503 and the code is used up (see README, "Survey rounds and invitations").
 */
@Singleton
public class RoundStarts {
    private final Rounds rounds;
    private final StartConversation startConversation;

    public RoundStarts(Rounds rounds, StartConversation startConversation) {
        this.rounds = rounds;
        this.startConversation = startConversation;
    }

    /** What an invitation code gave: its state and, when it was OPEN, the started turn (which may be refused). */
    public record Invited(Rounds.Invitation state, @Nullable Turn turn) {
    }

    /** Uses an invitation code and starts its round's flow, counted in that round; the code answers once. */
    public Invited startInvited(String code, String language) {
        Rounds.Found found = rounds.use(code);
        if (found.state() != Rounds.Invitation.OPEN) {
            return new Invited(found.state(), null);
        }
        SurveyRound round = found.round();
        Turn turn = startConversation.start(round.flowId(), language, Channel.WEB, Origin.team(round.teamId()));
        if (turn.kind() == Turn.Kind.OK) {
            rounds.attach(turn.state().id(), round.id());
        }
        return new Invited(Rounds.Invitation.OPEN, turn);
    }

    /**
     * Starts a conversation from a multi-use way in of a team (a resident link, an intermediair with a resident), and
     * counts it in the open resident round of that team and flow when there is one.
     */
    public Turn startFromTeamLink(String flowId, String language, Channel channel, Origin origin,
                                  @Nullable String readerLanguage, Caller holder) {
        Turn turn = startConversation.start(flowId, language, channel, origin, readerLanguage, holder);
        if (turn.kind() == Turn.Kind.OK) {
            rounds.attachToOpenRound(turn.state().id(), origin.teamId(), flowId);
        }
        return turn;
    }
}
