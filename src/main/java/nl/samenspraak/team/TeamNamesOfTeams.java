package nl.samenspraak.team;

import jakarta.inject.Singleton;
import nl.samenspraak.conversation.TeamNames;

import java.util.Optional;

/** The conversation use cases ask a team's name through {@link TeamNames}; the teams table answers. */
@Singleton
class TeamNamesOfTeams implements TeamNames {
    private final TeamRepository teams;

    TeamNamesOfTeams(TeamRepository teams) {
        this.teams = teams;
    }

    @Override
    public Optional<String> name(long teamId) {
        return teams.findById(teamId).map(Team::name);
    }
}
