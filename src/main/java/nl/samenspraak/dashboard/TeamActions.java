package nl.samenspraak.dashboard;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.i18n.TypedText;
import nl.samenspraak.round.SurveyRound;
import nl.samenspraak.security.Refused;
import nl.samenspraak.team.Team;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The actions a team agrees after a round (issue 15, "reflection that leads to change"): per dimension, what the
 * team will do, who does it (a role or a name, as the team writes it) and by when. Recorded on a counted round of
 * the team (closed, with at least k: one its summary shows); the next round's summary shows them beside the change
 * in that dimension. The rule on who may record
 * (the team's managers, admins) is the dashboard's: the caller passes a team the account may see.
 */
@Singleton
public class TeamActions {
    static final int MAX_WHAT = 1000;
    static final int MAX_WHO = 200;
    /** How far ahead an action may be due: a plan for the years a team looks ahead, not a typo's year 169108101. */
    static final int MAX_YEARS_AHEAD = 5;

    private final TeamActionRepository actions;
    private final TeamDashboards dashboards;
    private final Clock clock;
    private final ZoneId zone;

    @Inject
    public TeamActions(TeamActionRepository actions, TeamDashboards dashboards, DashboardSettings settings) {
        this(actions, dashboards, Clock.systemUTC(), ZoneId.of(settings.getTimeZone()));
    }

    TeamActions(TeamActionRepository actions, TeamDashboards dashboards, Clock clock, ZoneId zone) {
        this.actions = actions;
        this.dashboards = dashboards;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Records an action; refused (with a message key) when the round is not one of this team's counted rounds of the
     * flow. A closed round of fewer than k is shown nowhere, not even that it closed: taking an action on it (where
     * an open round was refused) told a manager trying round ids which closed with fewer than k.
     */
    public TeamAction record(Team team, Flow flow, long roundId, String dimension, String what, String who, LocalDate due) {
        SurveyRound round = dashboards.countedRounds(team, flow).stream().map(TeamDashboards.CountedRound::round)
                .filter(r -> r.id() == roundId).findFirst().orElseThrow(() -> new Refused("manager.action_round_invalid"));
        if (dimension == null || !flow.dimensions().contains(dimension)) {
            throw new Refused("manager.action_dimension_invalid");
        }
        // as every text staff type for others to read (TypedText): a NUL was stored and shown as nothing ("ab")
        String w = TypedText.lines(what);
        String by = TypedText.line(who);
        if (w.isEmpty() || w.length() > MAX_WHAT) {
            throw new Refused("manager.action_what_invalid", Map.of("max", MAX_WHAT));
        }
        if (by.isEmpty() || by.length() > MAX_WHO) {
            throw new Refused("manager.action_who_invalid", Map.of("max", MAX_WHO));
        }
        // a date already past is a slip (a year typed wrong): it stood on the next round's summary and in the team
        // report (the manager probe of December 2026)
        if (due != null && due.isBefore(today())) {
            throw new Refused("manager.action_due_past");
        }
        // and a year typed with digits too many: +999999999-01-01 stood in the report as "29 juni 169108101"
        if (due != null && due.isAfter(lastDue())) {
            throw new Refused("manager.action_due_far");
        }
        return actions.save(new TeamAction(null, team.id(), round.id(), dimension, w, by, due, clock.instant()));
    }

    /** The first date an action may be due: today where the team works (the form's date picker starts there too). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The last date an action may be due (the date picker ends there too). */
    public LocalDate lastDue() {
        return today().plusYears(MAX_YEARS_AHEAD);
    }

    /**
     * Deletes an action agreed after a counted round of this team's flow (a slip, a plan given up): there was no way to
     * take one back, and a typo stood for good on the next round's summary and in the team report (the manager probe of
     * December 2026). Refused, as not found, for an action of another round, team or flow.
     */
    public void delete(Team team, Flow flow, long roundId, long actionId) {
        boolean counted = dashboards.countedRounds(team, flow).stream().anyMatch(r -> r.round().id() == roundId);
        TeamAction action = actions.findById(actionId).filter(a -> counted && a.roundId() == roundId && a.teamId().equals(team.id()))
                .orElseThrow(() -> new Refused("manager.action_round_invalid"));
        actions.delete(action);
    }

    /** The actions agreed after a round, in the order they were recorded. */
    public List<TeamAction> of(long roundId) {
        return actions.findByRoundIdOrderById(roundId);
    }
}
