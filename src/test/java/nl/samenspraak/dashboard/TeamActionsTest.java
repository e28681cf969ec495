package nl.samenspraak.dashboard;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.round.SurveyRound;
import nl.samenspraak.security.Refused;
import nl.samenspraak.support.FlowWalk;
import nl.samenspraak.team.Team;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Which round an action may be recorded on: a counted round (closed, at least k) of the manager's own team and the
 * page's flow, as {@link TeamDashboards#countedRounds} gives them for that team and flow. Team and
 * round ids are database numbers that pass 127 in any real deployment, where comparing boxed numbers by identity
 * stops working; the ids here are large on purpose and made as separate objects.
 */
class TeamActionsTest {
    private final TeamDashboards dashboards = mock(TeamDashboards.class);
    private final TeamActionRepository repository = mock(TeamActionRepository.class);
    /** "Today" for these tests: 7 December 2026 in Amsterdam. */
    private final TeamActions actions = new TeamActions(repository, dashboards,
            java.time.Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), java.time.ZoneOffset.UTC), java.time.ZoneId.of("Europe/Amsterdam"));
    private final Flow werkJij = FlowWalk.library().flow("werk-jij-diversiteitsproof").orElseThrow();

    private SurveyRound round(long team, String flow) {
        return new SurveyRound(Long.valueOf(4_000), Long.valueOf(team), flow, 6, Instant.parse("2026-11-01T00:00:00Z"),
                null, Instant.parse("2026-10-01T00:00:00Z"));
    }

    private static TeamDashboards.CountedRound counted(SurveyRound round) {
        return new TeamDashboards.CountedRound(round, List.of());
    }

    @Test
    void aCountedRoundOfTheTeamWithALargeIdTakesTheAction() {
        Team team = new Team(Long.valueOf(1_000), "Wijkteam Noord", "code", Instant.EPOCH);
        when(dashboards.countedRounds(team, werkJij)).thenReturn(List.of(counted(round(1_000, werkJij.id()))));
        when(repository.save(any())).thenAnswer(a -> a.getArgument(0));

        TeamAction saved = actions.record(team, werkJij, 4_000, "houding", "Elke maand een casus bespreken", "Teamleider",
                LocalDate.parse("2027-03-01"));

        assertEquals("Elke maand een casus bespreken", saved.what());
        assertEquals(Long.valueOf(4_000), saved.roundId());
    }

    /** A date already past is refused (it stood for good on the next summary and in the report); today is not past. */
    @Test
    void aDueDateAlreadyPastIsRefused() {
        Team team = new Team(Long.valueOf(1_000), "Wijkteam Noord", "code", Instant.EPOCH);
        when(dashboards.countedRounds(team, werkJij)).thenReturn(List.of(counted(round(1_000, werkJij.id()))));
        when(repository.save(any())).thenAnswer(a -> a.getArgument(0));
        Refused refused = assertThrows(Refused.class, () -> actions.record(team, werkJij, 4_000, "houding", "Casus bespreken",
                "Teamleider", LocalDate.parse("2026-12-01")));
        assertEquals("manager.action_due_past", refused.key());
        assertEquals(LocalDate.parse("2026-12-07"), actions.record(team, werkJij, 4_000, "houding", "Casus bespreken",
                "Teamleider", LocalDate.parse("2026-12-07")).due());
    }

    /**
     * A date years ahead is a typo (the privacy probe's +999999999-01-01 stood in the report as "29 juni 169108101"):
     * five years ahead is the last day allowed. What and who are kept without control characters: a NUL was stored
     * and shown as nothing, and PostgreSQL refuses it outright.
     */
    @Test
    void aDueDateYearsAheadIsRefusedAndControlCharactersDoNotReachTheReport() {
        Team team = new Team(Long.valueOf(1_000), "Wijkteam Noord", "code", Instant.EPOCH);
        when(dashboards.countedRounds(team, werkJij)).thenReturn(List.of(counted(round(1_000, werkJij.id()))));
        when(repository.save(any())).thenAnswer(a -> a.getArgument(0));
        Refused refused = assertThrows(Refused.class, () -> actions.record(team, werkJij, 4_000, "houding", "Casus bespreken",
                "Teamleider", LocalDate.parse("2031-12-08")));
        assertEquals("manager.action_due_far", refused.key());
        TeamAction saved = actions.record(team, werkJij, 4_000, "houding", "Casus\u0000 bespreken\u202E\nelke maand",
                "Team\u0007leider", LocalDate.parse("2031-12-07"));
        assertEquals("Casus bespreken\nelke maand", saved.what());
        assertEquals("Team leider", saved.who(), "on one line, a control character a space (as a team's name)");
        assertEquals(LocalDate.parse("2031-12-07"), saved.due());
    }

    /** Another team's round, an open one and one of fewer than k are none of the team's counted rounds. */
    @Test
    void aRoundThatIsNotCountedForTheTeamIsRefused() {
        Team team = new Team(Long.valueOf(1_000), "Wijkteam Noord", "code", Instant.EPOCH);
        when(dashboards.countedRounds(team, werkJij)).thenReturn(List.of());

        Refused refused = assertThrows(Refused.class, () -> actions.record(team, werkJij, 4_000, "houding", "x", "y", null));
        assertEquals("manager.action_round_invalid", refused.key());
    }
}
