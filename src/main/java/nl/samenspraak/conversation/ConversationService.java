package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import nl.samenspraak.engine.AnswerWords;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.StoredConversation;

import java.util.Map;
import java.util.Optional;

/**
 * The conversation use cases every channel shares: start, answer, back, resume, forget. Loads the
 * conversation, lets the engine decide, commits the outcome, and only then renders the reply.
 *
 * <p>Someone may read along in another language: an intermediair who asks a resident the questions. Calls
 * that take a {@code readerLanguage} then add the question in that language to the state (see
 * {@link ConversationState.Translation}) and word their error messages in it; the conversation itself goes on
 * in its own language. Null: nobody reads along.
 */
@Singleton
public class ConversationService {
    private final FlowLibrary library;
    private final ConversationEngine engine;
    private final ConversationStore store;
    private final TeamNames teams;
    private final ConversationReplies replies;
    private final StoredConversations stored;

    public ConversationService(FlowLibrary library, ConversationEngine engine, ConversationStore store,
                               TeamNames teams, ConversationReplies replies,
                               StoredConversations stored) {
        this.teams = teams;
        this.library = library;
        this.engine = engine;
        this.store = store;
        this.replies = replies;
        this.stored = stored;
    }


    /**
     * Runs {@code work} as one commit: the answers it stores through this service and whatever a channel writes
     * beside them on this thread (its reply, waiting to be sent) are kept together or not at all. A channel that
     * acknowledges an answer with a stored reply uses it, so a crash between the two loses neither alone.
     */
    public <T> T inOneCommit(java.util.function.Supplier<T> work) {
        return store.inOneCommit(work);
    }



}
