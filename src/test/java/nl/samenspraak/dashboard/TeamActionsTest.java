package nl.samenspraak.dashboard;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.round.Rounds;
import nl.samenspraak.round.SurveyRound;
import nl.samenspraak.security.Refused;
import nl.samenspraak.support.FlowWalk;
import nl.samenspraak.team.Team;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Which round an action may be recorded on: a closed round of the manager's own team and the page's flow. Team and
 * round ids are database numbers that pass 127 in any real deployment, where comparing boxed numbers by identity
 * stops working; the ids here are large on purpose and made as separate objects.
 */
class TeamActionsTest {
    private final Rounds rounds = mock(Rounds.class);
    private final TeamActionRepository repository = mock(TeamActionRepository.class);
    private final TeamActions actions = new TeamActions(repository, rounds);
    private final Flow werkJij = FlowWalk.library().flow("werk-jij-diversiteitsproof").orElseThrow();

    private SurveyRound round(long team, String flow) {
        return new SurveyRound(Long.valueOf(4_000), Long.valueOf(team), flow, 6, Instant.parse("2026-11-01T00:00:00Z"),
                null, Instant.parse("2026-10-01T00:00:00Z"));
    }

    @Test
    void aClosedRoundOfTheTeamWithALargeIdTakesTheAction() {
        SurveyRound round = round(1_000, werkJij.id());
        when(rounds.find(4_000)).thenReturn(Optional.of(round));
        when(rounds.closed(round)).thenReturn(true);
        when(repository.save(any())).thenAnswer(a -> a.getArgument(0));

        Team team = new Team(Long.valueOf(1_000), "Wijkteam Noord", "code", Instant.EPOCH);
        TeamAction saved = actions.record(team, werkJij, 4_000, "houding", "Elke maand een casus bespreken", "Teamleider",
                LocalDate.parse("2027-03-01"));

        assertEquals("Elke maand een casus bespreken", saved.what());
    }

    @Test
    void anotherTeamsRoundOrAnOpenOneIsRefused() {
        SurveyRound others = round(1_001, werkJij.id());
        when(rounds.find(4_000)).thenReturn(Optional.of(others));
        when(rounds.closed(others)).thenReturn(true);
        Team team = new Team(Long.valueOf(1_000), "Wijkteam Noord", "code", Instant.EPOCH);

        Refused notOurs = assertThrows(Refused.class, () -> actions.record(team, werkJij, 4_000, "houding", "x", "y", null));
        assertEquals("manager.action_round_invalid", notOurs.key());

        SurveyRound open = round(1_000, werkJij.id());
        when(rounds.find(4_000)).thenReturn(Optional.of(open));
        when(rounds.closed(open)).thenReturn(false);
        assertThrows(Refused.class, () -> actions.record(team, werkJij, 4_000, "houding", "x", "y", null));
    }
}
