package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.HandOverRecord;
import nl.samenspraak.storage.HandOverRepository;
import nl.samenspraak.storage.StoredConversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A finished result handed over to the resident's own phone: the intermediair who holds the conversation makes a
 * link (shown as a QR code) that opens only the result, in the resident's language, without their answers, the
 * code or the intermediair's words. The token is 128 random bits (URL-safe Base64); only its SHA-256 is stored.
 * A link works for {@link ConversationSettings#getHandOverFor()} (24 hours), never longer than the conversation's
 * own code would open its result (the flow's {@code retention.result}, so never for {@code result: none}), until the
 * intermediair deletes it, or until the conversation is gone. One link per conversation: a new one replaces it. It
 * opens only while its intermediair could still delete it ({@link HolderAtWork}): taken out of the team, disabled,
 * made another role or deleted, nobody could, and a link nobody can take back is not to work.
 */
@Singleton
public class ResultHandOvers {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 16;

    private final HandOverRepository handOvers;
    private final ConversationStore store;
    private final ReadConversation readConversation;
    private final ConversationSettings settings;
    private final HolderAtWork holders;

    public ResultHandOvers(HandOverRepository handOvers, ConversationStore store, ReadConversation readConversation,
                           ConversationSettings settings, HolderAtWork holders) {
        this.holders = holders;
        this.handOvers = handOvers;
        this.store = store;
        this.readConversation = readConversation;
        this.settings = settings;
    }

    /** A new link: its token (shown once, in the link) and until when it works. */
    public record HandOver(String token, Instant expiresAt) {
    }

    /**
     * Until when a new link for this conversation would work; empty when none may be made: it does not open for
     * {@code caller}, is not finished, or its result may not be reopened (any more).
     */
    public Optional<Instant> possibleUntil(String conversationId, Caller caller) {
        Instant now = now();
        return held(conversationId, caller).flatMap(readConversation::resultOpenUntil)
                .map(until -> until.isBefore(now.plus(settings.getHandOverFor())) ? until : now.plus(settings.getHandOverFor()));
    }

    /**
     * Makes a new link for the conversation's result, replacing any earlier one; empty when none may be made, or when
     * a newer link was made at the same moment (a double tap, two tabs, two instances): that one is the link, and
     * showing this one would show a link that opens nothing. The database holds one link per conversation.
     */
    public Optional<HandOver> create(String conversationId, Caller caller) {
        return create(conversationId, caller, current(conversationId, caller).orElse(null));
    }

    /**
     * As above, from a page that showed {@code seen} as the current link's end (null: no link): when the link now is
     * another one, nothing is made. A reload of the page that showed a new link posts its form again, and replaced the
     * link the resident had just scanned with one nobody had (the intermediair's probe of December 2026); a new link
     * comes only from a tap on the page that shows the link it replaces.
     */
    public Optional<HandOver> create(String conversationId, Caller caller, @Nullable Instant seen) {
        if (!java.util.Objects.equals(current(conversationId, caller).orElse(null), seen)) {
            return Optional.empty();
        }
        Optional<Instant> until = possibleUntil(conversationId, caller);
        if (until.isEmpty()) {
            return Optional.empty();
        }
        Instant now = now();
        handOvers.deleteEndedBy(now);
        byte[] random = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hash = hash(token);
        Instant expiresAt = until.get().truncatedTo(ChronoUnit.MICROS);
        // replace an older link, or be the first; a link made in between (or deleted in between) is met on the next try
        for (int attempt = 0; attempt < 3; attempt++) {
            if (handOvers.replaceOlder(hash, conversationId, now, expiresAt) == 1
                    || handOvers.insertFirst(hash, conversationId, now, expiresAt) == 1) {
                return Optional.of(new HandOver(token, until.get()));
            }
        }
        return Optional.empty();
    }

    /** Until when the conversation's current link works; empty when it has none (or it does not open for {@code caller}). */
    public Optional<Instant> current(String conversationId, Caller caller) {
        Instant now = now();
        return held(conversationId, caller).flatMap(c -> handOvers.findByConversationId(c.id()).stream()
                .map(HandOverRecord::expiresAt).filter(now::isBefore).max(Instant::compareTo));
    }

    /** Deletes the hand-overs that ended by {@code now} (the daily retention run; making one clears them too); how many. */
    public long deleteEnded(Instant now) {
        return handOvers.deleteEndedBy(now.truncatedTo(ChronoUnit.MICROS));
    }

    /** Deletes the conversation's link: from now on it opens nothing. False when it does not open for {@code caller}. */
    public boolean delete(String conversationId, Caller caller) {
        if (held(conversationId, caller).isEmpty()) {
            return false;
        }
        handOvers.deleteByConversationId(conversationId);
        return true;
    }

    /** What the link shows: the result only, as the resident reads it; empty for a wrong, ended or deleted token. */
    public Optional<Opened> open(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        Instant now = now();
        return handOvers.findById(hash(token)).filter(h -> now.isBefore(h.expiresAt()))
                .flatMap(h -> store.find(h.conversationId())
                        .filter(c -> readConversation.resultOpenUntil(c).isPresent() && holderCanDelete(c))
                        .flatMap(c -> readConversation.resultOnly(c).map(state -> new Opened(state, h.expiresAt(),
                                c.record().updatedAt().atZone(settings.zone()).toLocalDate(), c.record().teamId()))));
    }

    /**
     * The same result-only view for the intermediair who holds the finished conversation (its PDF for the resident);
     * empty when it does not open for {@code caller} or is not finished. No time limit beyond the conversation's own.
     */
    public Optional<Opened> resultFor(String conversationId, Caller caller) {
        return held(conversationId, caller).filter(c -> c.progress().status() == nl.samenspraak.engine.Status.DONE)
                .flatMap(c -> readConversation.resultOnly(c).map(state -> new Opened(state, null,
                        c.record().updatedAt().atZone(settings.zone()).toLocalDate(), c.record().teamId())));
    }

    /** A handed-over result: the state with only its result, until when the link works, the day it was made, its team. */
    public record Opened(ConversationState state, Instant expiresAt, java.time.LocalDate day, Long teamId) {
    }

    /**
     * Whether whoever holds the link could still delete it: an intermediair's conversation's, while they can act in its
     * team; a person's own (a link their Telegram chat gave them), always: they forget it themselves.
     */
    private boolean holderCanDelete(StoredConversation c) {
        Long holder = c.record().heldBy();
        return holder == null || c.record().teamId() != null && holders.canAct(holder, c.record().teamId());
    }

    private Optional<StoredConversation> held(String conversationId, Caller caller) {
        return store.find(conversationId).filter(c -> caller.opens(c.record()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
