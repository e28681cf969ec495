package nl.samenspraak.round;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.FlowLibrary;

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
    private final FlowLibrary library;

    public RoundStarts(Rounds rounds, StartConversation startConversation, FlowLibrary library) {
        this.rounds = rounds;
        this.startConversation = startConversation;
        this.library = library;
    }

    /** What an invitation code gave: its state and, when it was OPEN, the started turn (which may be refused). */
    public record Invited(Rounds.Invitation state, @Nullable Turn turn) {
    }

    /**
     * Uses an invitation code and starts its round's flow, counted in that round; the code answers once. It is used
     * only when the start can go: a round whose flow is no longer served is NOT_OFFERED and the code stays unused; a
     * person whose page is in a language the flow lacks starts in the flow's first language (the chat offers the
     * others), where a refusal burnt the code for nothing.
     */
    public Invited startInvited(String code, String language) {
        Rounds.Found looked = rounds.look(code);
        if (looked.state() == Rounds.Invitation.OPEN && library.flow(looked.round().flowId()).isEmpty()) {
            return new Invited(Rounds.Invitation.NOT_OFFERED, null);
        }
        Rounds.Found found = rounds.use(code);
        if (found.state() != Rounds.Invitation.OPEN) {
            return new Invited(found.state(), null);
        }
        SurveyRound round = found.round();
        String spoken = library.flow(round.flowId()).filter(f -> !f.speaks(language) && !f.languages().isEmpty())
                .map(f -> f.languages().get(0)).orElse(language);
        Turn turn = startConversation.start(round.flowId(), spoken, Channel.WEB, Origin.team(round.teamId()));
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
