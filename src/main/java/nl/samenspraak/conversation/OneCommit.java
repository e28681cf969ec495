package nl.samenspraak.conversation;

import jakarta.inject.Singleton;
import nl.samenspraak.storage.ConversationStore;

/**
 * One commit around a channel's whole turn: the answers the use cases store and what the channel writes beside them.
 * Its own class because a channel may not reach storage itself, and what it wraps is the channel's work, not one
 * use case's.
 */
@Singleton
public class OneCommit {
    private final ConversationStore store;

    public OneCommit(ConversationStore store) {
        this.store = store;
    }

    /**
     * Runs {@code work} as one commit: the answers it stores through the conversation use cases and whatever a channel
     * writes beside them on this thread (its reply, waiting to be sent) are kept together or not at all. A channel that
     * acknowledges an answer with a stored reply uses it, so a crash between the two loses neither alone.
     */
    public <T> T run(java.util.function.Supplier<T> work) {
        return store.inOneCommit(work);
    }
}
