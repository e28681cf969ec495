package nl.samenspraak.round;

import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Which conversations a round counts: the rule every way in calls, so no channel can count one differently. */
class RoundStartsTest {
    private final Rounds rounds = mock(Rounds.class);
    private final StartConversation startConversation = mock(StartConversation.class);
    private final FlowLibrary library = FlowWalk.library();
    private final RoundStarts starts = new RoundStarts(rounds, startConversation, library);
    private final SurveyRound round = new SurveyRound(7L, 3L, "werk-jij-diversiteitsproof", 6,
            Instant.parse("2026-12-31T23:00:00Z"), null, Instant.parse("2026-12-01T08:00:00Z"));

    private static Turn started(String id) {
        ConversationState state = mock(ConversationState.class);
        when(state.id()).thenReturn(id);
        return new Turn(Turn.Kind.OK, state, null, null);
    }

    @Test
    void anInvitationStartsItsRoundsFlowForItsTeamAndCountsTheConversationInThatRound() {
        when(rounds.use("ABCD-EFGH")).thenReturn(new Rounds.Found(Rounds.Invitation.OPEN, round));
        when(rounds.look("ABCD-EFGH")).thenReturn(new Rounds.Found(Rounds.Invitation.OPEN, round));
        Turn turn = started("c1");
        when(startConversation.start("werk-jij-diversiteitsproof", "tr", Channel.WEB, Origin.team(3L))).thenReturn(turn);

        RoundStarts.Invited invited = starts.startInvited("ABCD-EFGH", "tr");

        assertEquals(Rounds.Invitation.OPEN, invited.state());
        assertSame(turn, invited.turn());
        verify(rounds).attach("c1", 7L);
    }

    @Test
    void aUsedOrClosedInvitationStartsNothing() {
        when(rounds.use("USED-CODE")).thenReturn(new Rounds.Found(Rounds.Invitation.USED, round));
        when(rounds.look("USED-CODE")).thenReturn(new Rounds.Found(Rounds.Invitation.USED, round));
        when(rounds.use("LATE-CODE")).thenReturn(new Rounds.Found(Rounds.Invitation.CLOSED, round));
        when(rounds.look("LATE-CODE")).thenReturn(new Rounds.Found(Rounds.Invitation.CLOSED, round));

        assertNull(starts.startInvited("USED-CODE", "nl").turn());
        assertEquals(Rounds.Invitation.CLOSED, starts.startInvited("LATE-CODE", "nl").state());
        verifyNoInteractions(startConversation);
        verify(rounds, never()).attach(anyString(), anyLong());
    }

    /** A round whose flow was taken away: the code is not used up on a start that cannot go, and says why. */
    @Test
    void anInvitationToAFlowNoLongerServedIsNotUsed() {
        SurveyRound gone = new SurveyRound(8L, 3L, "uit-flows-gehaald", 6,
                Instant.parse("2026-12-31T23:00:00Z"), null, Instant.parse("2026-12-01T08:00:00Z"));
        when(rounds.look("GONE-FLOW")).thenReturn(new Rounds.Found(Rounds.Invitation.OPEN, gone));

        RoundStarts.Invited invited = starts.startInvited("GONE-FLOW", "nl");

        assertEquals(Rounds.Invitation.NOT_OFFERED, invited.state());
        verify(rounds, never()).use(anyString());
        verifyNoInteractions(startConversation);
    }

    /** A page in a language the round's flow lacks starts it in the flow's first language, not a refusal that burns the code. */
    @Test
    void anInvitationOpenedInALanguageTheFlowLacksStartsInItsFirstLanguage() {
        when(rounds.look("ABCD-EFGH")).thenReturn(new Rounds.Found(Rounds.Invitation.OPEN, round));
        when(rounds.use("ABCD-EFGH")).thenReturn(new Rounds.Found(Rounds.Invitation.OPEN, round));
        String first = library.flow("werk-jij-diversiteitsproof").orElseThrow().languages().get(0);
        Turn turn = started("c2");
        when(startConversation.start("werk-jij-diversiteitsproof", first, Channel.WEB, Origin.team(3L))).thenReturn(turn);

        assertSame(turn, starts.startInvited("ABCD-EFGH", "de").turn());
        verify(rounds).attach("c2", 7L);
    }

    @Test
    void aStartThatWasRefusedIsCountedNowhere() {
        when(rounds.use("ABCD-EFGH")).thenReturn(new Rounds.Found(Rounds.Invitation.OPEN, round));
        when(rounds.look("ABCD-EFGH")).thenReturn(new Rounds.Found(Rounds.Invitation.OPEN, round));
        when(startConversation.start(anyString(), anyString(), any(Channel.class), any(Origin.class)))
                .thenReturn(new Turn(Turn.Kind.UNKNOWN_LANGUAGE, null, "niet in deze taal", "nl"));
        when(startConversation.start(anyString(), anyString(), any(Channel.class), any(Origin.class), any(), any(Caller.class)))
                .thenReturn(new Turn(Turn.Kind.UNKNOWN_LANGUAGE, null, "niet in deze taal", "nl"));

        starts.startInvited("ABCD-EFGH", "xx");
        starts.startFromTeamLink("wijkanalyse", "xx", Channel.WEB, new Origin(3L, "Noord"), null, Caller.PUBLIC);

        verify(rounds, never()).attach(anyString(), anyLong());
        verify(rounds, never()).attachToOpenRound(anyString(), any(), anyString());
    }

    @Test
    void aResidentLinkConversationIsOfferedToTheOpenResidentRoundOfItsTeamAndFlow() {
        Turn turn = started("c2");
        when(startConversation.start("wijkanalyse", "ar", Channel.WEB, new Origin(3L, "Noord"), "nl", Caller.PUBLIC)).thenReturn(turn);

        assertSame(turn, starts.startFromTeamLink("wijkanalyse", "ar", Channel.WEB, new Origin(3L, "Noord"), "nl", Caller.PUBLIC));
        verify(rounds).attachToOpenRound(eq("c2"), eq(3L), eq("wijkanalyse"));
    }
}
