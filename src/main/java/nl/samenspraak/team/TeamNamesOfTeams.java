package nl.samenspraak.team;

import jakarta.inject.Singleton;
import nl.samenspraak.conversation.TeamNames;

import java.util.Optional;

/** The conversation use cases ask a team's name and wijken through {@link TeamNames}; the teams tables answer. */
@Singleton
class TeamNamesOfTeams implements TeamNames {
    private final TeamRepository teams;
    private final TeamWijkRepository wijken;

    private final TeamMemberRepository members;

    TeamNamesOfTeams(TeamRepository teams, TeamWijkRepository wijken, TeamMemberRepository members) {
        this.members = members;
        this.teams = teams;
        this.wijken = wijken;
    }

    @Override
    public java.util.List<String> wijken(long teamId) {
        return wijken.findByTeamIdOrderByPosition(teamId).stream().map(TeamWijk::name).toList();
    }

    @Override
    public java.util.List<Long> teamsOf(long accountId) {
        return members.findByAccountId(accountId).stream().map(TeamMember::teamId).toList();
    }

    @Override
    public Optional<String> name(long teamId) {
        return teams.findById(teamId).map(Team::name);
    }
}
