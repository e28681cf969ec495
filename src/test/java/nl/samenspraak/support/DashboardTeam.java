package nl.samenspraak.support;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;

import java.util.List;
import java.util.UUID;

/**
 * The set-up the manager's summary, compare and drill-down tests share (issue 15): a new team with its wijken, one
 * of its managers and an admin, both logged in, and {@link TeamRounds} to run rounds as the admin. Names carry a
 * random suffix, so tests share one database without meeting each other's teams.
 */
public final class DashboardTeam {
    public final PageHttp http;
    public final Respondents respondents;
    public final Team team;
    public final Account managerAccount;
    /** The manager's login cookie. */
    public final String manager;
    public final Account adminAccount;
    /** The admin's login cookie. */
    public final String admin;
    public final TeamRounds rounds;
    public final String password;
    private final Accounts accounts;
    private final String suffix;

    private DashboardTeam(EmbeddedServer server, Accounts accounts, Teams teams, Respondents respondents, String name,
                          String password, List<String> wijken) {
        this.accounts = accounts;
        this.password = password;
        suffix = UUID.randomUUID().toString().substring(0, 8);
        http = new PageHttp(server.getURL().toString());
        this.respondents = respondents;
        team = teams.create(name + " " + suffix, wijken);
        managerAccount = accounts.create("mgr-" + suffix, password, Role.MANAGER);
        teams.addMember(team.id(), managerAccount.id());
        manager = http.login(managerAccount.username(), password);
        adminAccount = accounts.create("adm-" + suffix, password, Role.ADMIN);
        admin = http.login(adminAccount.username(), password);
        rounds = new TeamRounds(http, respondents, admin);
    }

    public static DashboardTeam create(EmbeddedServer server, Accounts accounts, Teams teams, Respondents respondents,
                                       String name, String password, String... wijken) {
        return new DashboardTeam(server, accounts, teams, respondents, name, password, List.of(wijken));
    }

    /** Another manager, of no team: logged in, for "not your team". */
    public String stranger() {
        return http.login(accounts.create("other-" + suffix, password, Role.MANAGER).username(), password);
    }

    /** The path of a dashboard page of this team and a flow: {@code flow("wijkanalyse", "/compare?lang=nl")}. */
    public String flow(String flowId, String rest) {
        return "/dashboard/teams/" + team.id() + "/flows/" + flowId + rest;
    }
}
