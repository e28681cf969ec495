package nl.samenspraak.dashboard;

import jakarta.inject.Singleton;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.FinishedConversation;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's use cases: which teams a manager sees (an admin all), which flows appear (see
 * {@link DashboardUse}), a flow's figures under the minimum group size, and a record flow's conversations.
 */
@Singleton
public class TeamDashboards {
    private final Teams teams;
    private final FlowLibrary library;
    private final ConversationStore store;
    private final ConversationEngine engine;
    private final FlowVersions versions;
    private final Aggregator aggregator;
    private final ZoneId zone;
    private final int k;

    public TeamDashboards(Teams teams, FlowLibrary library, ConversationStore store, ConversationEngine engine,
                          FlowVersions versions, DashboardSettings settings) {
        this.teams = teams;
        this.library = library;
        this.store = store;
        this.engine = engine;
        this.versions = versions;
        this.zone = ZoneId.of(settings.getTimeZone());
        this.k = settings.getMinimumGroupSize();
        this.aggregator = new Aggregator(new MinimumGroupSize(k), zone);
    }

    public int minimumGroupSize() {
        return k;
    }

    /** The minimum group size of one flow's figures: its own (the flow file's) when larger, else the service's. */
    public int minimumGroupSize(Flow flow) {
        return k;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The teams {@code account} may see: an admin every team, a manager the teams they are linked to. */
    public List<Team> teamsOf(Account account) {
        if (account.is(Role.ADMIN)) {
            return teams.all();
        }
        if (!account.is(Role.MANAGER)) {
            return List.of();
        }
        List<Long> mine = teams.teamIdsOf(account.id());
        return teams.all().stream().filter(t -> mine.contains(t.id())).toList();
    }

    /** The team, when {@code account} may see it; empty for a team that is not theirs or does not exist. */
    public Optional<Team> team(Account account, long teamId) {
        return teamsOf(account).stream().filter(t -> t.id() == teamId).findFirst();
    }

    public List<String> wijken(Team team) {
        return teams.wijken(team.id());
    }

    /** The flows that appear on dashboards: anonymous ones counted together, record ones in full. */
    public List<Flow> flows() {
        return library.flows().stream().filter(f -> f.dashboard() != DashboardUse.NONE).toList();
    }

    /** A flow that appears on dashboards with the given use; empty for any other (e.g. cultureel-interview). */
    public Optional<Flow> flow(String flowId, DashboardUse use) {
        return library.flow(flowId).filter(f -> f.dashboard() == use);
    }

    public Optional<Flow> flow(String flowId) {
        return library.flow(flowId).filter(f -> f.dashboard() != DashboardUse.NONE);
    }

    /** A flow's figures for one team and selection, under the minimum group size. */
    public Report report(Team team, Flow flow, Selection selection) {
        if (flow.dashboard() != DashboardUse.ANONYMOUS) {
            throw new IllegalArgumentException(flow.id() + " is not counted anonymously");
        }
        List<Response> responses = store.finished(team.id(), flow.id()).stream().map(c -> response(flow, c)).toList();
        return aggregator.report(flow, responses, versions.of(flow.id()), selection);
    }

    /** A record flow's finished conversations for one team, newest first. */
    public List<FinishedConversation> records(Team team, Flow flow) {
        if (flow.dashboard() != DashboardUse.RECORD) {
            throw new IllegalArgumentException(flow.id() + " is not a record");
        }
        return store.finished(team.id(), flow.id()).stream()
                .sorted(Comparator.comparing((FinishedConversation c) -> c.record().createdAt()).reversed()).toList();
    }

    /** A conversation's scores, as the engine computes them. */
    public Map<String, Integer> scores(Flow flow, FinishedConversation c) {
        return engine.scores(flow, c.progress());
    }

    private Response response(Flow flow, FinishedConversation c) {
        return new Response(c.record().createdAt(), c.record().flowVersion(), c.record().wijk(), c.record().language(),
                c.progress(), c.answerLanguages(), engine.scores(flow, c.progress()));
    }
}
