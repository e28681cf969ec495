package nl.samenspraak.round;

import jakarta.transaction.Transactional;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.Audience;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.security.Refused;
import nl.samenspraak.storage.ResumeCodes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Survey rounds (issue 9), the way employee-survey tools keep a minimum group size meaningful: an admin opens a
 * round for a team and a flow with a closing date and N single-use invitations; whoever holds one answers once;
 * team figures come from closed rounds only, so the page does not change while a round runs (no comparing two
 * days) and nobody can pad a round (an invitation answers once). Storage keeps that a code was used, never
 * which conversation came from it. A closed round stays closed. A resident round has no invitations: what
 * comes in through the team's resident links for that flow while it is open belongs to it.
 */
@Singleton
public class Rounds {
    /** About 60 bits: not to be guessed, still short enough to type from a printed sheet. */
    static final int CODE_LENGTH = 12;
    static final int MAX_INVITATIONS = 1000;

    private final SurveyRoundRepository rounds;
    private final RoundInvitationRepository invitations;
    private final RoundConversationRepository conversations;
    private final FlowLibrary library;
    private final Clock clock;

    public Rounds(SurveyRoundRepository rounds, RoundInvitationRepository invitations, RoundConversationRepository conversations,
                  FlowLibrary library) {
        this(rounds, invitations, conversations, library, Clock.systemUTC());
    }

    Rounds(SurveyRoundRepository rounds, RoundInvitationRepository invitations, RoundConversationRepository conversations,
           FlowLibrary library, Clock clock) {
        this.rounds = rounds;
        this.invitations = invitations;
        this.conversations = conversations;
        this.library = library;
        this.clock = clock;
    }

    /**
     * Opens a round that closes at the end of {@code closes} (in {@code zone}), with {@code invited} invitations;
     * a resident flow may have none (its residents answer through the team's resident links). Only one such round
     * without invitations may be open for a team and flow at a time: what the links bring in goes to one of them (the
     * newest, {@link #attachToOpenRound}), so a second (a form sent twice) would leave the first open and empty, a round
     * the intermediair's count numbers and the manager's pages do not.
     */
    @Transactional
    public SurveyRound open(long teamId, String flowId, LocalDate closes, int invited, ZoneId zone) {
        Flow flow = library.flow(flowId).filter(f -> f.dashboard() == DashboardUse.ANONYMOUS)
                .orElseThrow(() -> new Refused("admin.round_flow_invalid"));
        boolean resident = flow.audience() == Audience.RESIDENT;
        if (invited < (resident ? 0 : 1) || invited > MAX_INVITATIONS) {
            throw new Refused("admin.round_count_invalid", Map.of("max", MAX_INVITATIONS));
        }
        Instant now = clock.instant();
        Instant closesAt = closes == null ? null : closes.plusDays(1).atStartOfDay(zone).toInstant();
        if (closesAt == null || !closesAt.isAfter(now)) {
            throw new Refused("admin.round_date_invalid");
        }
        if (invited == 0 && rounds.findByTeamIdAndFlowId(teamId, flowId).stream().anyMatch(r -> r.invited() == 0 && !closed(r))) {
            throw new Refused("admin.round_already_collecting");
        }
        SurveyRound round = rounds.save(new SurveyRound(null, teamId, flowId, invited, closesAt, null, now));
        for (int i = 0; i < invited; i++) {
            invitations.save(new RoundInvitation(ResumeCodes.next(CODE_LENGTH), round.id(), false));
        }
        return round;
    }

    public List<SurveyRound> ofTeam(long teamId) {
        return rounds.findByTeamIdOrderByCreatedAtDesc(teamId);
    }

    public Optional<SurveyRound> find(long roundId) {
        return rounds.findById(roundId);
    }

    /** The codes of a round, for the admin's sheet and CSV only (managers never get them). */
    public List<String> codes(long roundId) {
        return invitations.findByRoundIdOrderByCode(roundId).stream().map(RoundInvitation::code).toList();
    }

    /** Closes a round now; one that is closed already stays as it is. There is no way to reopen one. */
    public void close(long roundId) {
        rounds.close(roundId, clock.instant());
    }

    public boolean closed(SurveyRound round) {
        return round.closed(clock.instant());
    }

    /** What an invitation code can do now; NOT_OFFERED: open, but its round's flow is no longer served (the code is not used). */
    public enum Invitation { OPEN, USED, CLOSED, UNKNOWN, NOT_OFFERED }

    public record Found(Invitation state, SurveyRound round) {
    }

    /** Looks at a code without using it. */
    public Found look(String code) {
        String c = normalize(code);
        Optional<RoundInvitation> invitation = c == null ? Optional.empty() : invitations.findById(c);
        Optional<SurveyRound> round = invitation.flatMap(i -> rounds.findById(i.roundId()));
        if (invitation.isEmpty() || round.isEmpty()) {
            return new Found(Invitation.UNKNOWN, null);
        }
        if (closed(round.get())) {
            return new Found(Invitation.CLOSED, round.get());
        }
        return new Found(invitation.get().used() ? Invitation.USED : Invitation.OPEN, round.get());
    }

    /** Uses a code: OPEN only for the one request that used it first. */
    @Transactional
    public Found use(String code) {
        Found found = look(code);
        if (found.state() != Invitation.OPEN) {
            return found;
        }
        return invitations.use(normalize(code)) == 1 ? found : new Found(Invitation.USED, found.round());
    }

    /** Counts a conversation in a round (never with the code it came from). */
    public void attach(String conversationId, long roundId) {
        conversations.save(new RoundConversation(conversationId, roundId));
    }

    /**
     * Counts a conversation from a multi-use way in (a resident link, an intermediair entering a resident's
     * answers) in the open round of its team and flow that has no invitations, if there is one. A round with
     * invitations never takes such a conversation: there, only an invitation answers.
     */
    public void attachToOpenRound(String conversationId, Long teamId, String flowId) {
        if (teamId == null) {
            return;
        }
        openWithoutInvitations(teamId, flowId).ifPresent(r -> attach(conversationId, r.id()));
    }

    /** Whether a conversation begun now from a multi-use way in would count in a round of its team and flow. */
    public boolean takesConversations(long teamId, String flowId) {
        return openWithoutInvitations(teamId, flowId).isPresent();
    }

    private Optional<SurveyRound> openWithoutInvitations(long teamId, String flowId) {
        return rounds.findByTeamIdAndFlowId(teamId, flowId).stream().filter(r -> !closed(r) && r.invited() == 0)
                .max(Comparator.comparing(SurveyRound::createdAt));
    }

    /**
     * The round each of {@code conversationIds} was answered in, for an intermediair's count of their own finished
     * conversations; a conversation outside any round is left out. Named by its end, as the manager's pages name it
     * beside their own numbers (which count only the rounds they show): a number of the intermediair's would count
     * every round and say "ronde 3" where the manager reads "Ronde 2".
     */
    public Map<String, SurveyRound> roundsOf(java.util.Collection<String> conversationIds) {
        Map<String, SurveyRound> out = new java.util.HashMap<>();
        Map<Long, java.util.Optional<SurveyRound>> found = new java.util.HashMap<>();
        if (conversationIds.isEmpty()) {
            return out;
        }
        conversations.findByConversationIdIn(conversationIds).forEach(rc ->
                found.computeIfAbsent(rc.roundId(), rounds::findById).ifPresent(r -> out.put(rc.conversationId(), r)));
        return out;
    }

    /**
     * The rounds of a team and flow closed at least {@code settled} ago ({@link SurveyRound#settled}), each with the
     * conversations answered in it.
     */
    public Map<SurveyRound, Set<String>> closedRounds(long teamId, String flowId, java.time.Duration settled) {
        Instant now = clock.instant();
        return rounds.findByTeamIdAndFlowId(teamId, flowId).stream().filter(r -> r.settled(now, settled))
                .collect(Collectors.toMap(r -> r, r -> conversations.findByRoundId(r.id()).stream()
                        .map(RoundConversation::conversationId).collect(Collectors.toSet())));
    }

    /**
     * An invitation's code as typed or copied from the sheet, compared as every code is ({@link ResumeCodes#comparable}:
     * a direction mark, an isolate or a non-breaking hyphen around or in it does not matter); null when it can't be one.
     */
    static String normalize(String code) {
        if (code == null || code.length() > 40) {
            return null;
        }
        String c = ResumeCodes.comparable(code);
        return c.length() == CODE_LENGTH ? c : null;
    }
}
