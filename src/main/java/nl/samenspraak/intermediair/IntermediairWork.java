package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ConversationOverviews;
import nl.samenspraak.conversation.OfferedFlows;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Refused;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an intermediair may work with: the flows for residents and clients, the teams they belong to and those
 * teams' wijken, and the conversations counted under those teams. A flow for residents is counted per wijk (of
 * the chosen team, when it has wijken); a flow for clients per team only.
 */
@Singleton
public class IntermediairWork {

    private final Teams teams;
    private final FlowLibrary library;
    private final ConversationOverviews stored;
    private final OfferedFlows offered;
    private final FinishedAnswers finishedAnswers;

    public IntermediairWork(Teams teams, FlowLibrary library, ConversationOverviews stored, OfferedFlows offered,
                            FinishedAnswers finishedAnswers) {
        this.finishedAnswers = finishedAnswers;
        this.offered = offered;
        this.teams = teams;
        this.library = library;
        this.stored = stored;
    }

    /** Where a conversation can be counted: a team, and a wijk of it (null: the team as a whole). */
    public record Place(long teamId, String teamName, @Nullable String wijk) {
        /** As a form sends it back: the team's id, then "|" and the wijk when there is one. */
        String value() {
            return wijk == null ? Long.toString(teamId) : teamId + "|" + wijk;
        }

        Origin origin() {
            return new Origin(teamId, wijk);
        }
    }

    /** A flow, the resident's language and where it counts, as the intermediair chose them. */
    public record Choice(Flow flow, String language, Origin origin) {
    }

    /** A flow an intermediair asks a person: one for residents or clients that the service offers ({@link OfferedFlows}). */
    private boolean asks(Flow flow) {
        return flow.audience().askedByIntermediair() && offered.offers(flow);
    }

    /**
     * The flows an intermediair asks, those a resident can also answer alone by a link first ({@link #linkable}: the
     * residents' own, the page's "Gesprek met een bewoner"), then those had together, each group in the service's
     * order. In the service's order a new intermediair's first phone screen held the client's interview alone, with
     * its note on why it has no QR code, and the residents' questions began below it (the intermediair's probe).
     */
    public List<Flow> flows() {
        return library.listed().stream().filter(this::asks)
                .sorted(java.util.Comparator.comparing(f -> !linkable(f))).toList();
    }

    /** This intermediair as the conversation use cases know them: the only one an assisted conversation of theirs opens for. */
    public static Caller caller(Authentication me) {
        return Caller.intermediair(Accounts.idOf(me));
    }

    public List<Long> teamIds(Authentication me) {
        return teams.teamIdsOf(Accounts.idOf(me));
    }

    /** The places a flow can be counted under for this intermediair, team by team. */
    public List<Place> places(Authentication me, Flow flow) {
        List<Place> places = new ArrayList<>();
        for (Long id : teamIds(me)) {
            Optional<Team> team = teams.find(id);
            if (team.isEmpty()) {
                continue;
            }
            List<String> wijken = flow.audience().countedPerWijk() ? teams.wijken(id) : List.of();
            if (wijken.isEmpty()) {
                places.add(new Place(id, team.get().name(), null));
            }
            wijken.forEach(w -> places.add(new Place(id, team.get().name(), w)));
        }
        places.sort(java.util.Comparator.comparing(Place::teamName).thenComparing(p -> p.wijk() == null ? "" : p.wijk()));
        return places;
    }

    /**
     * The choice in a start form ({@code flow}, {@code language}, {@code place}), checked against what this
     * intermediair may choose; refused with a message key otherwise.
     */
    public Choice choose(Authentication me, Map<String, String> form) {
        Flow flow = library.flow(form.get("flow")).filter(this::asks)
                .orElseThrow(() -> new Refused("intermediair.choose_flow_error"));
        String language = form.get("language");
        if (language == null || !flow.speaks(language) || library.translations().language(language).isEmpty()) {
            throw new Refused("intermediair.choose_language_error");
        }
        String place = form.get("place");
        Place chosen = places(me, flow).stream().filter(p -> p.value().equals(place)).findFirst()
                .orElseThrow(() -> new Refused(teamIds(me).isEmpty() ? "intermediair.no_team" : "intermediair.choose_place_error"));
        return new Choice(flow, language, chosen.origin());
    }

    /**
     * Whether a resident link may be made for {@code flow}: not for a flow whose answers are for the professional in
     * the talk ({@link Flow#answersForProfessional}, the cultureel interview). A link's conversations are held by no
     * one, so the client's story reached no professional at all, while its consent and closing spoke of the care worker
     * having the talk with them (the advice probe of December 2026); such a talk is had together, on this device.
     */
    public static boolean linkable(Flow flow) {
        return !flow.answersForProfessional();
    }

    /** {@link #choose}, for a resident link: refused for a flow that is had together ({@link #linkable}). */
    public Choice chooseForLink(Authentication me, Map<String, String> form) {
        Choice choice = choose(me, form);
        if (!linkable(choice.flow())) {
            throw new Refused("intermediair.link_not_for_talk");
        }
        return choice;
    }

    /**
     * Whether this intermediair may work on a conversation: it is counted under one of their teams and its flow is
     * one an intermediair asks. A conversation that is not theirs is treated as one that does not exist. Besides,
     * every conversation use case opens it ({@link nl.samenspraak.conversation.Caller}) only for the intermediair who holds it.
     */
    public boolean mayAssist(Authentication me, String conversationId) {
        return assisted(me, conversationId).isPresent();
    }

    /**
     * Whether this intermediair may read the conversation's answers now (the chat, its API, the result's PDF, a new
     * hand-over, a voice answer): they may work on it ({@link #mayAssist}) and, once it finished, only within the short
     * window of {@link FinishedAnswers}. Deleting it, its hand-over link or labelling it needs only {@link #mayAssist}.
     */
    public boolean mayRead(Authentication me, String conversationId) {
        return mayAssist(me, conversationId) && finishedAnswers.readable(conversationId);
    }

    /**
     * Theirs, finished, and past the window in which they read its answers: their pages say so (410 in their
     * language) instead of "not found", and that the resident keeps the result through the hand-over link (their own
     * code only has it deleted).
     */
    public boolean answersNoLongerShown(Authentication me, String conversationId) {
        // the one who holds it only: a team colleague told "no longer shown" where an id that does not exist gets "not
        // found" learnt that the conversation exists and is finished (the probe of December 2026)
        return mayAssist(me, conversationId) && stored.opensFor(conversationId, caller(me))
                && !finishedAnswers.readable(conversationId);
    }

    /**
     * Where a conversation this intermediair may work on is counted (its team and wijk) and its flow: what the chat's
     * header shows and the wijk menu offers. Empty as for {@link #mayAssist}.
     */
    public Optional<Assisted> assisted(Authentication me, String conversationId) {
        return stored.find(conversationId)
                .filter(c -> c.teamId() != null && teamIds(me).contains(c.teamId()))
                // one already under way goes on, as the respondent's own does: only new starts follow the offer
                .flatMap(c -> library.flow(c.flowId()).filter(f -> f.audience().askedByIntermediair())
                        .map(f -> new Assisted(f, new Origin(c.teamId(), c.wijk()),
                                teams.find(c.teamId()).map(Team::name).orElse(""),
                                c.wijk() == null ? List.of() : teams.wijken(c.teamId()))));
    }

    /** A conversation as its intermediair works on it: its flow, where it counts, the team's name and wijken. */
    public record Assisted(Flow flow, Origin origin, String teamName, List<String> wijken) {
    }
}
