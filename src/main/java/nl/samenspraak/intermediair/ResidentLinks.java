package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.FinishedConversations;
import nl.samenspraak.conversation.HolderAtWork;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.ResumeByCode;
import nl.samenspraak.flow.FlowLibrary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resident links ({@code /r/<code>}): made by an intermediair for one flow, language, team and wijk; they work
 * for a while ({@code samenspraak.intermediair.resident-link-lifetime}, 8 hours in application.yml) or until the
 * intermediair who made them stops them. A code is 16 characters from an alphabet without look-alikes (about 79
 * random bits): unguessable.
 * <p>
 * Counts: a link knows how many of the conversations it started finished saying something, and shows that to its
 * maker only ({@link #counted}). They never reach a colleague or a manager: next to the word-for-word free texts a
 * manager reads, a link's "1 finished" could point at the one resident the intermediair handed the QR code to. The maker, who stood
 * next to that resident, learns nothing new from them, and never sees an answer of a conversation they did not hold.
 */
@Singleton
public class ResidentLinks {
    static final int CODE_LENGTH = 16;

    private static final Logger LOG = LoggerFactory.getLogger(ResidentLinks.class);

    private final ResidentLinkRepository links;
    private final ResidentLinkConversationRepository started;
    private final FinishedConversations finished;
    private final FlowLibrary library;
    private final HolderAtWork makers;
    private final Duration lifetime;
    private final Clock clock;

    @Inject
    public ResidentLinks(ResidentLinkRepository links, ResidentLinkConversationRepository started,
                         FinishedConversations finished, FlowLibrary library, HolderAtWork makers,
                         IntermediairSettings settings) {
        this(links, started, finished, library, makers, settings.residentLinkLifetime(), Clock.systemUTC());
    }

    ResidentLinks(ResidentLinkRepository links, ResidentLinkConversationRepository started, FinishedConversations finished,
                  FlowLibrary library, HolderAtWork makers, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("samenspraak.intermediair.resident-link-lifetime must be positive: " + lifetime);
        }
        this.links = links;
        this.started = started;
        this.finished = finished;
        this.library = library;
        this.makers = makers;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public static String path(ResidentLink link) {
        return "/r/" + link.code();
    }

    /** A link of the team as a whole, with no maker: any intermediair of the team may open and stop it (as before links had one). */
    public ResidentLink create(String flowId, String language, Origin origin) {
        return create(flowId, language, origin, null);
    }

    /**
     * A new link for {@code flowId} in {@code language}, counted under {@code origin}'s team and wijk, made by the
     * intermediair with account {@code madeBy}.
     */
    public ResidentLink create(String flowId, String language, Origin origin, @Nullable Long madeBy) {
        Instant now = now();
        links.deleteEndedBy(now);
        return links.save(new ResidentLink(ResumeByCode.newCode(CODE_LENGTH), flowId, language, origin.teamId(), origin.wijk(),
                now, now.plus(lifetime), madeBy));
    }

    /**
     * The link of a code (typed or copied as any code is, {@link ResumeByCode#comparable}) while it works; empty once it
     * ended or was stopped, or once its maker left its team, their account was disabled or is no longer an
     * intermediair's: they can no longer see or stop it, nor can anyone else (a link is its maker's), so it would go
     * on collecting answers for the team.
     */
    public Optional<ResidentLink> find(String code) {
        if (code == null || code.length() > 32) {
            return Optional.empty();
        }
        Instant now = now();
        return links.findById(ResumeByCode.comparable(code)).filter(l -> l.validAt(now))
                .filter(l -> l.madeBy() == null || makerCanStop(l));
    }

    /** Whether the link's maker can still see and stop it ({@link HolderAtWork}). */
    private boolean makerCanStop(ResidentLink link) {
        return makers.canAct(link.madeBy(), link.teamId());
    }

    /**
     * A working link that the intermediair with account {@code accountId}, in teams {@code teamIds}, may see and
     * stop: one they made (while they are in its team). Anyone else's is treated as a link that does not exist.
     */
    public Optional<ResidentLink> findFor(String code, long accountId, Collection<Long> teamIds) {
        return find(code).filter(l -> l.openFor(accountId, teamIds));
    }

    /** A link with how many of the conversations it started finished saying something (see {@link #counted}). */
    public record Counted(ResidentLink link, long finished) {
    }

    /** The working links this intermediair made, the newest first, with their counts; ended ones are cleared away. */
    public List<Counted> mine(long accountId, Collection<Long> teamIds) {
        Instant now = now();
        links.deleteEndedBy(now);
        // the marks of a team's flow, read once for all of this intermediair's links of it
        Map<String, List<FinishedConversations.Mark>> marks = new HashMap<>();
        return links.findByMadeByAndExpiresAtGreaterThanOrderByCreatedAtDesc(accountId, now).stream()
                .filter(l -> l.openFor(accountId, teamIds)).map(l -> counted(l, marks)).toList();
    }

    /**
     * A link's count: the conversations it started that finished and say something, by the dashboard's rule
     * ({@link FinishedConversations#marks}). Not its starts, nor finished conversations that say nothing: its maker
     * can open the link as well, and with k-1 empty starts or empty finishes beside the one resident they handed it
     * to, a count of those crossed k the moment that resident began, said no, finished or was forgotten. Padding with
     * real-looking answers still could, and would put them in the team's figures (README, "What it cannot").
     */
    public Counted counted(ResidentLink link) {
        return counted(link, new HashMap<>());
    }

    private Counted counted(ResidentLink link, Map<String, List<FinishedConversations.Mark>> marks) {
        Set<String> ids = started.findByLinkCode(link.code()).stream().map(ResidentLinkConversation::conversationId)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return new Counted(link, 0);
        }
        long saying = library.flowAsPublished(link.flowId()).map(flow -> marks.computeIfAbsent(link.teamId() + " " + flow.id(),
                        key -> finished.marks(link.teamId(), flow)).stream()
                .filter(m -> m.saysSomething() && ids.contains(m.id())).count()).orElse(0L);
        return new Counted(link, saying);
    }

    /**
     * Notes that {@code link} started conversation {@code conversationId}, for its counts. The conversation is
     * stored already; should this note fail (the link stopped a moment ago, the database went away), the
     * resident goes on all the same and the link counts one start less.
     */
    public void started(ResidentLink link, String conversationId) {
        try {
            started.save(new ResidentLinkConversation(conversationId, link.code()));
        } catch (RuntimeException e) {
            LOG.warn("A resident link's start was not counted: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Deletes the links that ended by {@code now}, with the notes of which conversations they started (the daily
     * retention run; making a link or opening the list clears them too); returns how many links went.
     */
    public long deleteEnded(Instant now) {
        return links.deleteEndedBy(now.truncatedTo(ChronoUnit.MICROS));
    }

    /** Stops a link: it and its QR code no longer work. Conversations already started go on. */
    public void stop(ResidentLink link) {
        links.deleteById(link.code());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
