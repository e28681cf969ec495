package nl.samenspraak.conversation;

import jakarta.inject.Singleton;
import nl.samenspraak.limits.AttemptLimiter;
import nl.samenspraak.storage.ResumeCodes;

import java.util.Optional;

/**
 * Resuming or deleting a conversation by its short code, the same for every channel: count the look-up against the
 * client (so codes can't be guessed), normalise what was typed, then find. Lives here, not in a channel, so web,
 * API and Telegram cannot drift apart on the order of these steps or on what a closed result means.
 */
@Singleton
public class ResumeByCode {
    private final ReadConversation readConversation;
    private final DeleteConversation deleteConversation;
    private final AttemptLimiter limiter;

    public ResumeByCode(ReadConversation readConversation, DeleteConversation deleteConversation, AttemptLimiter limiter) {
        this.readConversation = readConversation;
        this.deleteConversation = deleteConversation;
        this.limiter = limiter;
    }

    /**
     * A new random code of {@code length} characters from the alphabet people can read out and type without
     * confusion (as resume codes are), for other links made by a use case (an intermediair's resident link).
     */
    public static String newCode(int length) {
        return ResumeCodes.next(length);
    }

    /** A code of such a link as typed or copied, compared as every code is ({@link ResumeCodes#comparable}). */
    public static String comparable(String typed) {
        return ResumeCodes.comparable(typed);
    }

    /** What a look-up found; a channel only chooses how to say it. */
    public sealed interface Lookup {
        /** The client has had its share of look-ups this minute; nothing was looked up. */
        record TooManyAttempts() implements Lookup {}
        /** No conversation has this code (or it is not a code at all). */
        record NotFound() implements Lookup {}
        /**
         * A finished conversation whose result the code no longer opens; the code still deletes it ({@link #delete}).
         * Its flow and language, for the words that say so and offer that.
         */
        record Closed(String flowId, String language) implements Lookup {}
        /**
         * A conversation held by an intermediair: it goes on only with them, so the code opens nothing; it deletes it
         * ({@link #delete}). A channel that offers deleting by code says so; the others say "not found", as before.
         * A finished one goes on with nobody, the intermediair included (who may no longer read its answers either).
         */
        record Held(String flowId, boolean finished) implements Lookup {}
        record Found(ConversationState state) implements Lookup {}
    }

    /** Finds the conversation with {@code code} for {@code client} (a channel-specific key, e.g. a network address). */
    public Lookup find(String client, String code) {
        // what cannot be a code (an empty field, a typo of the wrong length) guesses nothing and reads nothing: not
        // counted, so a person who tapped "Hervat" before typing keeps every look-up of their share
        String normalized = ResumeCodes.normalize(code);
        if (normalized == null) {
            return new Lookup.NotFound();
        }
        if (!limiter.tryAcquire(client)) {
            return new Lookup.TooManyAttempts();
        }
        Optional<ConversationState> found = readConversation.resume(normalized);
        if (found.isPresent()) {
            return new Lookup.Found(found.get());
        }
        Optional<ReadConversation.ClosedResult> closed = readConversation.closedResult(normalized, true);
        if (closed.isPresent()) {
            return new Lookup.Closed(closed.get().flowId(), closed.get().language());
        }
        return readConversation.heldFlow(normalized).<Lookup>map(h -> new Lookup.Held(h.flowId(), h.finished()))
                .orElseGet(Lookup.NotFound::new);
    }

    /** Deletes the conversation with {@code code}, also a closed one; the outcome says which. */
    public Deletion delete(String client, String code) {
        // as a look-up: what cannot be a code guesses nothing and is not counted
        String normalized = ResumeCodes.normalize(code);
        if (normalized == null) {
            return Deletion.NOT_FOUND;
        }
        if (!limiter.tryAcquire(client)) {
            return Deletion.TOO_MANY_ATTEMPTS;
        }
        return deleteConversation.deleteByCode(normalized) ? Deletion.DELETED : Deletion.NOT_FOUND;
    }

    public enum Deletion { DELETED, NOT_FOUND, TOO_MANY_ATTEMPTS }
}
