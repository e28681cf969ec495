package nl.samenspraak.dashboard;

import nl.samenspraak.security.Account;
import nl.samenspraak.team.Team;

/**
 * A team the logged-in person may see on the dashboard (a manager: one of their teams; an admin: any), bound from
 * the address's {@code {id}} by {@link VisibleTeamBinder}. A handler that takes one never runs for another team:
 * the person gets 403 instead ({@link NotYourTeam}), also for a team that does not exist, so nobody learns which
 * teams exist.
 *
 * @param team    the team
 * @param account who is looking
 */
public record VisibleTeam(Team team, Account account) {
}
