package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.StoredConversation;

import java.util.Map;
import java.util.Optional;

/**
 * The stored conversations as the use cases reach them: one that does not open for the caller is one that does
 * not exist, a finished one opens its result only for a while, and a change is made on the latest copy and tried
 * again when someone else changed it first. Shared by the use cases that read and change a conversation, so these
 * rules are the same in each; separate from {@link ConversationReplies}, which only says things.
 */
@Singleton
class StoredConversations {
    private static final int ATTEMPTS = 3;

    private final FlowLibrary library;
    private final ConversationStore store;
    private final ConversationSettings settings;
    private final ConversationReplies replies;

    StoredConversations(FlowLibrary library, ConversationStore store, ConversationSettings settings,
                        ConversationReplies replies) {
        this.library = library;
        this.store = store;
        this.settings = settings;
        this.replies = replies;
    }

    /** The conversation if it opens for {@code caller}; one that does not is treated as one that does not exist. */
    Optional<StoredConversation> find(String id, Caller caller) {
        return store.find(id).filter(c -> caller.opens(c.record()));
    }

    Optional<StoredConversation> latest(String id, Caller caller) {
        return store.latest(id).filter(c -> caller.opens(c.record()));
    }

    /**
     * Whether a finished conversation still opens its result: by its code ({@code byCode}) for as long as its flow
     * says ({@code retention.result}, else {@link ConversationSettings#getResultOpenFor()}), never for a flow whose
     * result is private ({@code result: none}); by its link as long, or at least for the short grace in which the page
     * shows the result just made. An unfinished conversation is always open.
     */
    boolean readable(Flow flow, StoredConversation c, boolean byCode) {
        if (!c.progress().ended()) {
            return true;
        }
        nl.samenspraak.flow.Retention retention = flow.retention();
        java.time.Duration open = retention.resultOpenFor(settings.getResultOpenFor());
        if (!byCode && open.compareTo(settings.getResultGrace()) < 0) {
            open = settings.getResultGrace();
        }
        return !open.isZero() && java.time.Instant.now().isBefore(c.record().updatedAt().plus(open));
    }

    /**
     * Loads the conversation and makes {@code change}; when someone else changed it at the same moment, reads it
     * again and tries again, up to {@value #ATTEMPTS} times, then says it is busy.
     */
    Turn changing(String id, @Nullable String readerLanguage, Caller caller, Change change) {
        return changing(id, readerLanguage, caller, change, (flow, conversation) -> false);
    }

    /**
     * As above; {@code repeat}: whether a request to a finished conversation asks for nothing but what it already did
     * (the last answer again: a retry whose first reply was lost, a double tap). That is no change, so it gets the
     * finished conversation as it stands, while its result may still be opened; anything else is refused as finished.
     */
    Turn changing(String id, @Nullable String readerLanguage, Caller caller, Change change,
                  java.util.function.BiPredicate<Flow, StoredConversation> repeat) {
        for (int attempt = 1; ; attempt++) {
            Optional<StoredConversation> found = latest(id, caller);
            Optional<Flow> flow = found.flatMap(c -> library.flow(c.record().flowId(), c.record().flowVersion()));
            if (found.isEmpty() || flow.isEmpty()) {
                return replies.notFound();
            }
            if (found.get().progress().ended()) {
                boolean open = readable(flow.get(), found.get(), false);
                if (open && repeat.test(flow.get(), found.get())) {
                    return Turn.ok(replies.render(flow.get(), found.get(), readerLanguage));
                }
                // finished means final: no answer, no step back, no other language; the one rule for every channel
                String says = replies.messageLanguage(found.get(), readerLanguage);
                return new Turn(Turn.Kind.FINISHED, open ? replies.render(flow.get(), found.get(), readerLanguage) : null,
                        replies.message(says, "error.finished", Map.of()), says);
            }
            try {
                return change.apply(flow.get(), found.get());
            } catch (OptimisticLockException e) {
                store.forget(id);
                if (attempt == ATTEMPTS) {
                    String says = replies.messageLanguage(found.get(), readerLanguage);
                    return new Turn(Turn.Kind.BUSY, replies.render(flow.get(), found.get(), readerLanguage),
                            replies.message(says, flow.get(), "error.busy", Map.of()), says);
                }
            }
        }
    }

    /**
     * An answer given to the question as an earlier version of the flow asked it, where {@code flow} asks another kind
     * under that name ({@link nl.samenspraak.engine.Outcome.AskedOtherwise}): nothing of it is stored, and the
     * conversation is stored under {@code flow}'s version as it stands there ({@code now}), the answers that did not
     * carry removed, in the commit that would have held the answer (conditional on the version it was judged on, as
     * any turn). So the person is shown the question asked now with why their answer was not kept, and their next
     * answer to it is judged under this version, not refused again as given to the earlier question. The one rule for
     * every channel that answers (typed, tapped, by voice, an edit; the JSON API, the web chat, Telegram, an
     * intermediair).
     */
    Turn questionChanged(Flow flow, StoredConversation conversation, nl.samenspraak.engine.Progress now,
                         @Nullable String readerLanguage) {
        StoredConversation moved = store.saveUnder(flow.version(), conversation, now, null, false,
                Entry.RESPONDENT.enteredBy(), null);
        String says = replies.messageLanguage(conversation, readerLanguage);
        return new Turn(Turn.Kind.QUESTION_CHANGED, replies.render(flow, moved, readerLanguage),
                replies.message(says, flow, "error.question_changed", Map.of()), says);
    }

    /** A change to a conversation as it stands now; throws an optimistic-lock exception when it changed meanwhile. */
    interface Change {
        Turn apply(Flow flow, StoredConversation conversation);
    }
}
