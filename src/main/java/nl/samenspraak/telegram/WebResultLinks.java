package nl.samenspraak.telegram;

import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ResultHandOvers;
import nl.samenspraak.i18n.Moments;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * "Bekijk op het web" gives a link that may be forwarded: so not the conversation's own address (which opens the
 * answers for days) but a hand-over link as an intermediair makes one ({@link ResultHandOvers}: only its hash is
 * stored; the result only, no answers and no code; at most a day, never past the result's own open time). Until
 * when it works is told in the configured time zone. No link without a public address to put in front of it.
 */
final class WebResultLinks {
    private final ResultHandOvers handOvers;
    /** samenspraak.public-url, "" when not set. */
    private final String publicUrl;
    private final ZoneId zone;

    WebResultLinks(ResultHandOvers handOvers, String publicUrl, ZoneId zone) {
        this.handOvers = handOvers;
        this.publicUrl = publicUrl == null ? "" : publicUrl;
        this.zone = zone;
    }

    /** A link made: its address and until when it works. */
    record Link(String url, Instant expiresAt) {
    }

    boolean offered() {
        return !publicUrl.isEmpty();
    }

    /** A new result-only link for a Telegram (public) conversation, replacing its earlier one; empty when none may be made. */
    Optional<Link> make(String conversationId) {
        if (!offered()) {
            return Optional.empty();
        }
        return handOvers.create(conversationId, Caller.PUBLIC).map(h -> new Link(publicUrl + "/h/" + h.token(), h.expiresAt()));
    }

    /** Until when, as the person reads it: date and time in the configured zone. */
    String until(Link link, String language) {
        return Moments.dayAndTime(link.expiresAt(), zone, language);
    }
}
