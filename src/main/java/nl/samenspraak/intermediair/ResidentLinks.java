package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.HolderAtWork;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.ResumeByCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Resident links ({@code /r/<code>}): made by an intermediair for one flow, language, team and wijk; they work
 * for a while ({@code samenspraak.intermediair.resident-link-lifetime}, 8 hours in application.yml) or until the
 * intermediair who made them stops them. A code is 16 characters from an alphabet without look-alikes (about 79
 * random bits): unguessable.
 * <p>
 * No counts: nothing tells anyone, its maker included, how many residents started or finished through a link, nor
 * is it kept which conversations a link started. Its maker stood next to the resident they handed the QR code to, and
 * can open the link themselves: with k-1 finished conversations of their own, which they can delete afterwards with
 * their codes, any count would cross k the moment that one resident finished (and fall back when they were forgotten),
 * whatever it rounded or left out. What residents answered reaches the team only through its figures.
 */
@Singleton
public class ResidentLinks {
    static final int CODE_LENGTH = 16;

    private final ResidentLinkRepository links;
    private final HolderAtWork makers;
    private final Duration lifetime;
    private final Clock clock;

    @Inject
    public ResidentLinks(ResidentLinkRepository links, HolderAtWork makers, IntermediairSettings settings) {
        this(links, makers, settings.residentLinkLifetime(), Clock.systemUTC());
    }

    ResidentLinks(ResidentLinkRepository links, HolderAtWork makers, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("samenspraak.intermediair.resident-link-lifetime must be positive: " + lifetime);
        }
        this.links = links;
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

    /** The working links this intermediair made, the newest first; ended ones are cleared away. */
    public List<ResidentLink> mine(long accountId, Collection<Long> teamIds) {
        Instant now = now();
        links.deleteEndedBy(now);
        return links.findByMadeByAndExpiresAtGreaterThanOrderByCreatedAtDesc(accountId, now).stream()
                .filter(l -> l.openFor(accountId, teamIds)).toList();
    }

    /**
     * Deletes the links that ended by {@code now} (the daily retention run; making a link or opening the list clears
     * them too); returns how many links went.
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
