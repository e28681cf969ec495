package nl.samenspraak.intermediair;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.ResumeByCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Resident links ({@code /r/<code>}): made by an intermediair for one flow, language, team and wijk; they work
 * for a while ({@code samenspraak.intermediair.resident-link-lifetime}, 8 hours in application.yml) or until an
 * intermediair of the team stops them. A code is 16 characters from an alphabet without look-alikes (about 79
 * random bits): unguessable.
 */
@Singleton
public class ResidentLinks {
    static final int CODE_LENGTH = 16;

    private final ResidentLinkRepository links;
    private final Duration lifetime;
    private final Clock clock;

    @Inject
    public ResidentLinks(ResidentLinkRepository links, IntermediairSettings settings) {
        this(links, settings.residentLinkLifetime(), Clock.systemUTC());
    }

    ResidentLinks(ResidentLinkRepository links, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("samenspraak.intermediair.resident-link-lifetime must be positive: " + lifetime);
        }
        this.links = links;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public static String path(ResidentLink link) {
        return "/r/" + link.code();
    }

    /** A new link for {@code flowId} in {@code language}, counted under {@code origin}'s team and wijk. */
    public ResidentLink create(String flowId, String language, Origin origin) {
        Instant now = now();
        links.deleteEndedBy(now);
        return links.save(new ResidentLink(ResumeByCode.newCode(CODE_LENGTH), flowId, language, origin.teamId(), origin.wijk(),
                now, now.plus(lifetime)));
    }

    /** The link of a code (typed in any case) while it works; empty once it ended or was stopped. */
    public Optional<ResidentLink> find(String code) {
        if (code == null || code.length() > 32) {
            return Optional.empty();
        }
        Instant now = now();
        return links.findById(code.trim().toUpperCase(Locale.ROOT)).filter(l -> l.validAt(now));
    }

    /** A working link of one of {@code teamIds}: what an intermediair of those teams may see and stop. */
    public Optional<ResidentLink> findFor(String code, Collection<Long> teamIds) {
        return find(code).filter(l -> teamIds.contains(l.teamId()));
    }

    /** Stops a link: it and its QR code no longer work. Conversations already started go on. */
    public void stop(ResidentLink link) {
        links.deleteById(link.code());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
