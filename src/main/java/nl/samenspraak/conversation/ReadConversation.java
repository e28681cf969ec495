package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.StoredConversation;

import java.util.Map;
import java.util.Optional;

/**
 * Reads a conversation for a channel, changing nothing: its state, its way so far, where it is counted, whether its
 * finished result still opens and for how long. Its own use case because reading decides only what may be seen, and
 * who may see it, never what happens next; a page that only shows a conversation needs nothing else.
 */
@Singleton
public class ReadConversation {
    private final FlowLibrary library;
    private final ConversationStore store;
    private final ConversationSettings settings;
    private final ConversationReplies replies;
    private final StoredConversations stored;

    public ReadConversation(FlowLibrary library, ConversationStore store, ConversationSettings settings,
                            ConversationReplies replies, StoredConversations stored) {
        this.library = library;
        this.store = store;
        this.settings = settings;
        this.replies = replies;
        this.stored = stored;
    }

    /** The state of a conversation that opens publicly, only in the conversation's language. */
    public Optional<ConversationState> state(String id) {
        return state(id, null, Caller.PUBLIC);
    }

    /**
     * The state, the question also in {@code readerLanguage} (null: only in the conversation's language); empty when
     * there is none or it does not open for {@code caller}.
     */
    public Optional<ConversationState> state(String id, @Nullable String readerLanguage, Caller caller) {
        return stored.find(id, caller).flatMap(c -> library.flow(c.record().flowId(), c.record().flowVersion())
                .filter(flow -> stored.readable(flow, c, false)).map(flow -> replies.render(flow, c, readerLanguage)));
    }

    /**
     * The language of a conversation that opens publicly, read without its answers: what a refusal on its address is
     * said in. Empty for one held by an intermediair, as its address is "not found" to anyone else.
     */
    public Optional<String> language(String id) {
        return store.record(id).filter(Caller.PUBLIC::opens).map(nl.samenspraak.storage.ConversationRecord::language);
    }

    /**
     * As {@link #language}, from this instance's copy of a conversation still going only, reading nothing stored: for
     * a refusal on a network thread, which must not wait for the database. Empty when there is no copy.
     */
    public Optional<String> languageKept(String id) {
        return store.kept(id).map(nl.samenspraak.storage.StoredConversation::record).filter(Caller.PUBLIC::opens)
                .map(nl.samenspraak.storage.ConversationRecord::language);
    }

    /**
     * Whether this is a finished conversation whose result may no longer be opened (see
     * {@link StoredConversations#readable}): it only serves deletion now. {@code byCode}: asked for by its resume code
     * rather than its link.
     */
    public boolean closed(String idOrCode, boolean byCode) {
        return closedResult(idOrCode, byCode).isPresent();
    }

    /**
     * As {@link #closed}, with what a channel needs to say so and to offer the deletion it still serves: the flow
     * (whose register the words around it speak) and the conversation's language (the person's, whatever their
     * browser says). Empty when the result is not closed or there is no such conversation.
     */
    public Optional<ClosedResult> closedResult(String idOrCode, boolean byCode) {
        Optional<StoredConversation> found = (byCode ? store.findByResumeCode(idOrCode) : store.find(idOrCode))
                .filter(c -> Caller.PUBLIC.opens(c.record()));
        return found.filter(c -> library.flow(c.record().flowId(), c.record().flowVersion())
                        .map(flow -> !stored.readable(flow, c, byCode)).orElse(false))
                .map(c -> new ClosedResult(c.record().flowId(), c.language()));
    }

    /** A finished conversation whose result no longer opens: its flow and its language. */
    public record ClosedResult(String flowId, String language) {
    }

    /**
     * The message for a closed result of the flow {@code flowId}, in {@code language}, as that flow words it: a resident
     * flow says it in its polite register (the shared Arabic said "بإمكانك" to a resident addressed in the plural).
     */
    public String closedMessage(@Nullable String language, String flowId) {
        return replies.message(library.translations().languageOrSource(language).code(), flowId, "error.result_closed", Map.of());
    }

    /**
     * The conversation's way so far (questions as shown, answers as repeated), for a page that opens it: on load,
     * after a reload, on another device. The conversation as this process last wrote it, else one read.
     */
    public Optional<ConversationState.Transcript> transcript(String id) {
        return transcript(id, Caller.PUBLIC);
    }

    /** As {@link #transcript(String)}, for {@code caller} (empty when it does not open for them). */
    public Optional<ConversationState.Transcript> transcript(String id, Caller caller) {
        return stored.latest(id, caller).flatMap(c -> library.flow(c.record().flowId(), c.record().flowVersion()).filter(flow -> stored.readable(flow, c, false)).map(flow ->
                replies.transcript(flow, c)));
    }

    /**
     * What a chat page shows around the conversation, from one read: the way so far, the same way in
     * {@code readerLanguage} when someone reads along in another language than the conversation's (an intermediair;
     * null when they do not, or the flow does not speak it), and the day it last changed. Empty when the
     * conversation does not open for {@code caller}.
     */
    public Optional<WaySoFar> waySoFar(String id, Caller caller, String readerLanguage) {
        return stored.latest(id, caller).flatMap(c -> library.flow(c.record().flowId(), c.record().flowVersion())
                .filter(flow -> stored.readable(flow, c, false)).map(flow -> {
                    ConversationState.Transcript own = replies.transcript(flow, c);
                    ConversationState.Transcript again = own.language().equals(readerLanguage) || !flow.speaks(readerLanguage)
                            ? null : replies.transcript(flow, c, readerLanguage);
                    return new WaySoFar(own, again, c.record().updatedAt().atZone(settings.zone()).toLocalDate());
                }));
    }

    /**
     * A conversation's way so far in its own language, the same steps in a reader's ({@code again}, null: nobody reads
     * along in another language), and the day it last changed (a finished one: the day of its result).
     */
    public record WaySoFar(ConversationState.Transcript transcript, @Nullable ConversationState.Transcript again,
                           java.time.LocalDate lastChanged) {
    }

    /** The day a conversation last changed (a finished one: the day of its result), in the conversations' time zone. */
    public Optional<java.time.LocalDate> lastChanged(String id) {
        return lastChanged(id, Caller.PUBLIC);
    }

    /** As {@link #lastChanged(String)}, for {@code caller}. */
    public Optional<java.time.LocalDate> lastChanged(String id, Caller caller) {
        return stored.latest(id, caller).map(c -> c.record().updatedAt().atZone(settings.zone()).toLocalDate());
    }

    /**
     * The flow of a conversation that opens for {@code caller}, also once its result is closed: a channel words what
     * it says around the conversation in that flow's register. Empty when there is none.
     */
    public Optional<String> flowOf(String id, Caller caller) {
        return stored.find(id, caller).map(c -> c.record().flowId());
    }

    /**
     * Where a conversation that opens for {@code caller} is counted (its team and wijk), for deciding who may work on
     * it; empty when there is none.
     */
    public Optional<Origin> origin(String id, Caller caller) {
        return stored.find(id, caller).map(c -> new Origin(c.record().teamId(), c.record().wijk()));
    }

    /**
     * The flow of the conversation with {@code code} when it is held by an intermediair (answered together on their
     * device): the code does not open it for anyone, and deletes it for whoever has it (the resident's way to withdraw
     * without the intermediair); its flow, whose words the page that says so speaks in (a resident flow's polite
     * register), and whether it finished (then nobody goes on with it, the worker included: the page must not say so).
     */
    public Optional<HeldConversation> heldFlow(String code) {
        return store.findByResumeCode(code).filter(c -> !Caller.PUBLIC.opens(c.record()))
                .map(c -> new HeldConversation(c.record().flowId(), c.progress().status() == Status.DONE));
    }

    /** What a held conversation's code may tell its holder of the code: the flow it speaks in and whether it ended. */
    public record HeldConversation(String flowId, boolean finished) {
    }

    /** The conversation with this resume code; never one an intermediair holds (its code opens nothing publicly). */
    public Optional<ConversationState> resume(String code) {
        return store.findByResumeCode(code).filter(c -> Caller.PUBLIC.opens(c.record())).flatMap(c -> library.flow(c.record().flowId(), c.record().flowVersion())
                .filter(flow -> stored.readable(flow, c, true)).map(flow -> replies.render(flow, c, null)));
    }

    /**
     * Until when a finished conversation's result may still be opened by something other than its page: as long as
     * its code would (the flow's {@code retention.result}, else {@link ConversationSettings#getResultOpenFor()});
     * empty for one that is unfinished, declined, never reopened ({@code result: none}) or already closed. A result
     * handed over to a resident's phone never outlives this (see {@link ResultHandOvers}).
     */
    Optional<java.time.Instant> resultOpenUntil(StoredConversation c) {
        if (c.progress().status() != Status.DONE) {
            return Optional.empty();
        }
        return library.flow(c.record().flowId(), c.record().flowVersion()).flatMap(flow -> {
            java.time.Duration open = flow.retention().resultOpenFor(settings.getResultOpenFor());
            java.time.Instant until = c.record().updatedAt().plus(open);
            return open.isZero() || !java.time.Instant.now().isBefore(until) ? Optional.empty() : Optional.of(until);
        });
    }

    /**
     * Until when the conversation's own web address ({@code /c/{id}}) still opens its finished result, by the rule
     * the web applies (the flow's {@code retention.result}, else the configured time); empty when it never does or no
     * longer does. A channel that hands out that address asks here first.
     */
    public Optional<java.time.Instant> resultOpenUntil(String id) {
        return stored.latest(id, Caller.PUBLIC).flatMap(this::resultOpenUntil);
    }

    /**
     * Whether the person who answered may take {@code state}'s result with them (as a PDF, say): it is finished, has
     * a result, the result is meant for them ({@code result: person}) and the flow lets it be opened again at all
     * (not {@code retention.result: none}, as for a private story). One rule for every channel that offers a copy.
     */
    public boolean resultToKeep(ConversationState state) {
        return state != null && state.done() && state.result() != null
                && library.flow(state.flow()).filter(f -> nl.samenspraak.flow.Flow.RESULT_FOR_PERSON.equals(f.resultFor())
                        && f.retention().resultByCode()).isPresent();
    }

    /**
     * The result of a finished conversation as the person who answered reads it, in their language, and nothing else:
     * no code, no question, no echo, no answers (a result handed over to a resident's phone, see
     * {@link ResultHandOvers}); a result for the professional gives the person's closing.
     */
    Optional<ConversationState> resultOnly(StoredConversation c) {
        return library.flow(c.record().flowId(), c.record().flowVersion()).map(flow -> replies.resultOnly(flow, c));
    }
}
