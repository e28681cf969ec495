package nl.samenspraak.team;

import jakarta.inject.Singleton;
import nl.samenspraak.conversation.TeamNames;

import java.util.Optional;

/** The conversation use cases ask a team's name and wijken through {@link TeamNames}; the teams tables answer. */
@Singleton
class TeamNamesOfTeams implements TeamNames {
    private final TeamRepository teams;
    private final TeamWijkRepository wijken;

    TeamNamesOfTeams(TeamRepository teams, TeamWijkRepository wijken) {
        this.teams = teams;
        this.wijken = wijken;
    }

    @Override
    public java.util.List<String> wijken(long teamId) {
        return wijken.findByTeamIdOrderByPosition(teamId).stream().map(TeamWijk::name).toList();
    }

    @Override
    public Optional<String> name(long teamId) {
        return teams.findById(teamId).map(Team::name);
    }
}
