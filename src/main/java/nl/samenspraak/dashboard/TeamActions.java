package nl.samenspraak.dashboard;

import jakarta.inject.Singleton;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.round.Rounds;
import nl.samenspraak.round.SurveyRound;
import nl.samenspraak.security.Refused;
import nl.samenspraak.team.Team;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The actions a team agrees after a round (issue 15, "reflection that leads to change"): per dimension, what the
 * team will do, who does it (a role or a name, as the team writes it) and by when. Recorded on a closed round of
 * the team; the next round's summary shows them beside the change in that dimension. The rule on who may record
 * (the team's managers, admins) is the dashboard's: the caller passes a team the account may see.
 */
@Singleton
public class TeamActions {
    static final int MAX_WHAT = 1000;
    static final int MAX_WHO = 200;

    private final TeamActionRepository actions;
    private final Rounds rounds;
    private final Clock clock = Clock.systemUTC();

    public TeamActions(TeamActionRepository actions, Rounds rounds) {
        this.actions = actions;
        this.rounds = rounds;
    }

    /** Records an action; refused (with a message key) when the round is not this team's closed round of the flow. */
    public TeamAction record(Team team, Flow flow, long roundId, String dimension, String what, String who, LocalDate due) {
        SurveyRound round = rounds.find(roundId).filter(r -> r.teamId().equals(team.id()) && r.flowId().equals(flow.id()))
                .filter(rounds::closed).orElseThrow(() -> new Refused("manager.action_round_invalid"));
        if (dimension == null || !flow.dimensions().contains(dimension)) {
            throw new Refused("manager.action_dimension_invalid");
        }
        String w = what == null ? "" : what.strip();
        String by = who == null ? "" : who.strip();
        if (w.isEmpty() || w.length() > MAX_WHAT) {
            throw new Refused("manager.action_what_invalid", Map.of("max", MAX_WHAT));
        }
        if (by.isEmpty() || by.length() > MAX_WHO) {
            throw new Refused("manager.action_who_invalid", Map.of("max", MAX_WHO));
        }
        return actions.save(new TeamAction(null, team.id(), round.id(), dimension, w, by, due, clock.instant()));
    }

    /** The actions agreed after a round, in the order they were recorded. */
    public List<TeamAction> of(long roundId) {
        return actions.findByRoundIdOrderById(roundId);
    }
}
