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
        return actions.save(checked(flow, new TeamAction(null, team.id(), round.id(), dimension, what, who, due, clock.instant()),
                null));
    }

    /**
     * Changes an action agreed after a counted round of this team's flow (what, who, by when, on which dimension) by the
     * same rules as a new one, but for a date already past that it had before: an action overdue, its words mended.
     * Deleting and writing it again was the only way, and put it last in the list. Refused, as not found, for an action
     * of another round, team or flow.
     */
    public TeamAction change(Team team, Flow flow, long roundId, long actionId, String dimension, String what, String who,
                             LocalDate due) {
        TeamAction before = ofTheTeam(team, flow, roundId, actionId);
        return actions.update(checked(flow, new TeamAction(before.id(), before.teamId(), before.roundId(), dimension, what,
                who, due, before.createdAt()), before.due()));
    }

    /**
     * {@code action} with its texts as stored, or refused with the words to say why. {@code dueBefore}: the date it had
     * (kept, a past one stays allowed), null for a new action.
     */
    private TeamAction checked(Flow flow, TeamAction action, LocalDate dueBefore) {
        if (action.dimension() == null || !flow.dimensions().contains(action.dimension())) {
            throw new Refused("manager.action_dimension_invalid");
        }
        // as every text staff type for others to read (TypedText): a NUL was stored and shown as nothing ("ab")
        String what = TypedText.lines(action.what());
        String who = TypedText.line(action.who());
        if (what.isEmpty() || what.length() > MAX_WHAT) {
            throw new Refused("manager.action_what_invalid", Map.of("max", MAX_WHAT));
        }
        if (who.isEmpty() || who.length() > MAX_WHO) {
            throw new Refused("manager.action_who_invalid", Map.of("max", MAX_WHO));
        }
        LocalDate due = action.due();
        // a date already past is a slip (a year typed wrong): it stood on the next round's summary and in the team
        // report (the manager probe of December 2026)
        if (due != null && due.isBefore(today()) && !due.equals(dueBefore)) {
            throw new Refused("manager.action_due_past");
        }
        // and a year typed with digits too many: +999999999-01-01 stood in the report as "29 juni 169108101"
        if (due != null && due.isAfter(lastDue())) {
            throw new Refused("manager.action_due_far");
        }
        return new TeamAction(action.id(), action.teamId(), action.roundId(), action.dimension(), what, who, due, action.createdAt());
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
        actions.delete(ofTheTeam(team, flow, roundId, actionId));
    }

    /** The action with this id agreed after that counted round of the team's flow; refused as not there otherwise. */
    private TeamAction ofTheTeam(Team team, Flow flow, long roundId, long actionId) {
        boolean counted = dashboards.countedRounds(team, flow).stream().anyMatch(r -> r.round().id() == roundId);
        return actions.findById(actionId).filter(a -> counted && a.roundId() == roundId && a.teamId().equals(team.id()))
                .orElseThrow(() -> new Refused("manager.action_round_invalid"));
    }

    /** The actions agreed after a round, in the order they were recorded. */
    public List<TeamAction> of(long roundId) {
        return actions.findByRoundIdOrderById(roundId);
    }
}
