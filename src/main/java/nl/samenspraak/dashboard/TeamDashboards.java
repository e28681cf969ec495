package nl.samenspraak.dashboard;

import jakarta.inject.Singleton;
import nl.samenspraak.conversation.FinishedConversations;
import nl.samenspraak.conversation.FinishedConversations.Finished;
import nl.samenspraak.conversation.FinishedConversations.Mark;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.round.Rounds;
import nl.samenspraak.round.SurveyRound;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Role;
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
    private final FinishedConversations finished;
    private final ConversationEngine engine;
    private final FlowVersions versions;
    private final ZoneId zone;
    private final StrictestMinimumGroupSize k;
    private final boolean roundsOnly;
    private final java.time.Duration roundFiguresAfter;
    private final Rounds rounds;
    private final RoundsAsFirstShown asFirstShown;

    public TeamDashboards(Teams teams, FlowLibrary library, FinishedConversations finished, ConversationEngine engine,
                          FlowVersions versions, DashboardSettings settings, Rounds rounds, StrictestMinimumGroupSize k,
                          RoundsAsFirstShown asFirstShown) {
        this.asFirstShown = asFirstShown;
        this.teams = teams;
        this.library = library;
        this.finished = finished;
        this.engine = engine;
        this.versions = versions;
        this.zone = ZoneId.of(settings.getTimeZone());
        this.k = k;
        this.roundsOnly = settings.isRoundsOnly();
        this.roundFiguresAfter = settings.getRoundFiguresAfter();
        this.rounds = rounds;
    }

    /** The service's minimum group size: this instance's, or another instance's on the database when larger. */
    public int minimumGroupSize() {
        return k.k();
    }

    /** The minimum group size of one flow's figures: its own (the flow file's) when larger, else the service's. */
    public int minimumGroupSize(Flow flow) {
        return new MinimumGroupSize(k.k()).atLeast(flow.minimumGroupSize()).k();
    }

    /** How many of those invited to the counted rounds took part: "5 of 6"; empty without invitations. */
    public record Participation(int took, int invited) {
    }

    /**
     * The conversations the figures count, per round (oldest first; without rounds, one list of all), and the
     * participation of the rounds they come from.
     */
    private record Counted(List<List<Response>> rounds, List<Integer> numbers, Participation participation, int everShown) {
        List<Response> responses() {
            return rounds.stream().flatMap(List::stream).toList();
        }
    }

    public boolean roundsOnly() {
        return roundsOnly;
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
        return library.listed().stream().filter(f -> f.dashboard() != DashboardUse.NONE).toList();
    }

    /** A flow that appears on dashboards with the given use; empty for any other (e.g. cultureel-interview). */
    public Optional<Flow> flow(String flowId, DashboardUse use) {
        return library.flowAsPublished(flowId).filter(f -> f.dashboard() == use);
    }

    public Optional<Flow> flow(String flowId) {
        return library.flowAsPublished(flowId).filter(f -> f.dashboard() != DashboardUse.NONE);
    }

    /** A flow's figures for one team and selection, under the minimum group size. */
    public Report report(Team team, Flow flow, Selection selection) {
        return figures(team, flow, selection).report();
    }

    /**
     * A flow's figures, the participation in the rounds they come from, and how many closed rounds shown before are no
     * longer shown ({@link RoundsAsFirstShown}): what the flow page shows.
     */
    /** {@code rounds}: how many closed rounds the figures count together (0 without rounds). */
    public record Figures(Report report, Optional<Participation> participation, long roundsNoLongerShown, int rounds) {
    }

    /**
     * A flow's figures for one team and selection, and the participation of the rounds counted (empty when they come
     * from none with invitations), from one read of the team's answers.
     */
    public Figures figures(Team team, Flow flow, Selection selection) {
        requireAnonymous(flow);
        Counted counted = counted(team, flow);
        MinimumGroupSize size = new MinimumGroupSize(minimumGroupSize(flow));
        Report report = new Aggregator(size, zone).reportOfRounds(flow, counted.rounds(), counted.numbers(), versions.of(flow.id()),
                selection);
        Participation p = counted.participation();
        // every round shown is written down when first shown: those written down and not counted now left since
        long gone = roundsOnly ? counted.everShown() - counted.rounds().size() : 0;
        return new Figures(report, p == null || p.invited() == 0 ? Optional.empty() : Optional.of(p), Math.max(0, gone),
                roundsOnly ? counted.rounds().size() : 0);
    }

    /**
     * One counted round's own figures, under its own cells alone: what that round's summary may show beyond
     * {@link RoundComparison} (the texts its people wrote). Every figure over several rounds counts each round as a
     * cell of its own (see {@link Aggregator}), so nothing here is finer than what the flow page could show, and a
     * later round of too few writers, which hides a text question on the flow page for all rounds, hides nothing of
     * this one's.
     */
    public Report roundReport(Flow flow, CountedRound round) {
        requireAnonymous(flow);
        return new Aggregator(new MinimumGroupSize(minimumGroupSize(flow)), zone)
                .report(flow, round.responses(), versions.of(flow.id()), Selection.ALL);
    }

    /**
     * How many the whole team's figures of a flow count, as {@link #report} with {@link Selection#ALL} says it
     * (respondents when shown), without working out the figures: what the team's page lists per flow.
     */
    public Aggregator.Count count(Team team, Flow flow) {
        requireAnonymous(flow);
        List<Mark> marks = finished.marks(team.id(), flow);
        int counted = 0;
        if (!roundsOnly) {
            counted = (int) marks.stream().filter(Mark::saysSomething).count();
        } else {
            for (List<Mark> round : countedRoundMarks(team, flow, marks).values()) {
                counted += round.size();
            }
        }
        return new Aggregator(new MinimumGroupSize(minimumGroupSize(flow)), zone).count(counted);
    }

    private static void requireAnonymous(Flow flow) {
        if (flow.dashboard() != DashboardUse.ANONYMOUS) {
            throw new IllegalArgumentException(flow.id() + " is not counted anonymously");
        }
    }

    /**
     * The conversations a team's figures of a flow count (as {@link #figures} does: closed rounds of at least k by
     * default), only those that say something (see {@link Information}): what the wijken are compared on.
     */
    public List<Response> responses(Team team, Flow flow) {
        requireAnonymous(flow);
        return counted(team, flow).responses().stream().filter(r -> Information.in(flow, r)).toList();
    }

    /**
     * Participation in the rounds the figures come from that had invitations: of those invited, how many took part;
     * empty when none had any. A round without invitations (a resident flow's, collecting its resident links) is
     * left out of both numbers: "22 van 12" counted its residents as invited ones.
     */
    public java.util.Optional<Participation> participation(Team team, Flow flow) {
        if (!roundsOnly) {
            return java.util.Optional.empty();
        }
        int took = 0;
        int invited = 0;
        for (var round : countedRoundMarks(team, flow, finished.marks(team.id(), flow)).entrySet()) {
            if (round.getKey().invited() > 0) { // of the invited only: a resident round's people were not invited
                took += round.getValue().size();
                invited += round.getKey().invited();
            }
        }
        return invited == 0 ? java.util.Optional.empty() : java.util.Optional.of(new Participation(took, invited));
    }

    /**
     * What a team's figures count. With rounds (the default): the conversations of closed rounds, each finished
     * before its round closed and saying something (see {@link Information}), and only rounds in which at least
     * k did; so the figures change only when a whole round of at least k closes, and nothing from the open join
     * link, a resident link outside a round or a round still open is in them.
     */
    private Counted counted(Team team, Flow flow) {
        if (!roundsOnly) {
            // only those that say something are counted (Aggregator checks again): the answers of no other are read
            List<String> saying = finished.marks(team.id(), flow).stream().filter(Mark::saysSomething).map(Mark::id).toList();
            return new Counted(List.of(finished.of(team.id(), flow.id(), saying).stream().map(c -> response(flow, c)).toList()),
                    List.of(1), null, 0);
        }
        List<List<Response>> counted = new java.util.ArrayList<>();
        List<Integer> numbers = new java.util.ArrayList<>();
        int took = 0;
        int invited = 0;
        Numbered shown = numberedRounds(team, flow);
        for (CountedRound round : shown.counted()) {
            counted.add(round.responses());
            numbers.add(round.number());
            if (round.round().invited() > 0) { // as in participation: of the invited only
                took += round.responses().size();
                invited += round.round().invited();
            }
        }
        return new Counted(counted, numbers, new Participation(took, invited), shown.everShown());
    }

    /**
     * A closed round whose figures count: the round, its conversations that say something (at least k), and its number
     * ({@code number}, "Ronde 2"): its place among the team's rounds of the flow that were ever shown, so a round keeps
     * its number when an earlier one is no longer shown (someone withdrew after it was). Numbered by the rounds shown
     * now, "Ronde 2" became "Ronde 1", and the summaries and exports a manager had kept no longer matched the pages
     * (the privacy probe of December 2026). A round closed under k was never shown and takes no number: no gap tells
     * of it. 0: not known, numbered by its place in the list.
     */
    public record CountedRound(nl.samenspraak.round.SurveyRound round, List<Response> responses, int number) {
        public CountedRound(nl.samenspraak.round.SurveyRound round, List<Response> responses) {
            this(round, responses, 0);
        }
    }

    /**
     * The closed rounds of a team and flow in which at least k finished, before the round closed, a
     * conversation that says something (see {@link Information}), oldest first; nothing else ever counts.
     */
    public List<CountedRound> countedRounds(Team team, Flow flow) {
        return numberedRounds(team, flow).counted();
    }

    /** The counted rounds, numbered, and how many of the team's rounds of the flow were ever shown (one read of each). */
    private record Numbered(List<CountedRound> counted, int everShown) {
    }

    private Numbered numberedRounds(Team team, Flow flow) {
        Map<SurveyRound, List<Mark>> chosen = countedRoundMarks(team, flow, finished.marks(team.id(), flow));
        // the answers of only the conversations counted, read once for all rounds
        List<String> ids = chosen.values().stream().flatMap(List::stream).map(Mark::id).toList();
        Map<String, Finished> read = new java.util.HashMap<>();
        finished.of(team.id(), flow.id(), ids).forEach(c -> read.put(c.id(), c));
        MinimumGroupSize size = new MinimumGroupSize(minimumGroupSize(flow));
        List<CountedRound> counted = new java.util.ArrayList<>();
        for (var round : chosen.entrySet()) {
            if (!round.getValue().stream().allMatch(m -> read.containsKey(m.id()))) {
                continue; // one withdrew a moment ago, between the two reads: the round is no longer shown as it was
            }
            // the same rule again on the answers as read
            List<Response> in = round.getValue().stream().map(m -> read.get(m.id())).filter(java.util.Objects::nonNull)
                    .map(c -> response(flow, c)).filter(r -> Information.in(flow, r)).toList();
            if (size.shows(in.size())) {
                counted.add(new CountedRound(round.getKey(), in));
            }
        }
        counted.sort(Comparator.comparing((CountedRound r) -> r.round().end()).thenComparing(r -> r.round().id()));
        return numbered(team, flow, counted);
    }

    /** {@code counted} with each round's number among the team's rounds of the flow that were ever shown (see {@link CountedRound}). */
    private Numbered numbered(Team team, Flow flow, List<CountedRound> counted) {
        List<SurveyRound> ofFlow = rounds.ofTeam(team.id()).stream().filter(r -> r.flowId().equals(flow.id()))
                .sorted(Comparator.comparing(SurveyRound::end).thenComparing(SurveyRound::id)).toList();
        java.util.Set<Long> shown = asFirstShown.everShown(ofFlow.stream().map(SurveyRound::id).toList());
        Map<Long, Integer> number = new java.util.HashMap<>();
        for (SurveyRound r : ofFlow) {
            if (shown.contains(r.id())) {
                number.put(r.id(), number.size() + 1);
            }
        }
        return new Numbered(counted.stream().map(c -> new CountedRound(c.round(), c.responses(),
                number.getOrDefault(c.round().id(), 0))).toList(), number.size());
    }

    /**
     * The closed rounds of a team and flow that count, and in each the conversations it counts: those finished
     * before the round closed that say something (see {@link Information}), in rounds where at least k did and that
     * count what they counted when first shown ({@link RoundsAsFirstShown}). From the marks alone
     * ({@link FinishedConversations#marks}): no answer is read.
     */
    private Map<SurveyRound, List<Mark>> countedRoundMarks(Team team, Flow flow, List<Mark> marks) {
        MinimumGroupSize size = new MinimumGroupSize(minimumGroupSize(flow));
        Map<SurveyRound, List<Mark>> counted = new java.util.LinkedHashMap<>();
        for (var round : rounds.closedRounds(team.id(), flow.id(), roundFiguresAfter).entrySet()) {
            List<Mark> in = marks.stream().filter(m -> round.getValue().contains(m.id()))
                    .filter(m -> round.getKey().counts(m.updatedAt())).filter(Mark::saysSomething).toList();
            if (size.shows(in.size())) {
                counted.put(round.getKey(), in);
            }
        }
        Map<Long, Integer> countedNow = new java.util.HashMap<>();
        counted.forEach((round, in) -> countedNow.put(round.id(), in.size()));
        java.util.Set<Long> unchanged = asFirstShown.unchanged(countedNow);
        counted.keySet().removeIf(round -> !unchanged.contains(round.id()));
        return counted;
    }

    /** A record flow's finished conversations for one team, newest first. */
    public List<Finished> records(Team team, Flow flow) {
        if (flow.dashboard() != DashboardUse.RECORD) {
            throw new IllegalArgumentException(flow.id() + " is not a record");
        }
        return finished.of(team.id(), flow.id()).stream()
                .sorted(Comparator.comparing(Finished::createdAt).reversed()).toList();
    }

    /** How many finished conversations a record flow has for one team: what the team's page lists, without reading them. */
    public long recordCount(Team team, Flow flow) {
        if (flow.dashboard() != DashboardUse.RECORD) {
            throw new IllegalArgumentException(flow.id() + " is not a record");
        }
        return finished.count(team.id(), flow.id());
    }

    /** A conversation's scores, as the engine computes them. */
    public Map<String, Integer> scores(Flow flow, Finished c) {
        return engine.scores(flow, c.progress());
    }

    private Response response(Flow flow, Finished c) {
        Map<String, Object> onPath = c.progress().answersOnPath();
        return new Response(c.createdAt(), c.flowVersion(), c.wijk(), c.language(),
                c.progress(), c.answerLanguages(), engine.scoresWhenRead(flow, c.progress(), onPath), onPath);
    }
}
