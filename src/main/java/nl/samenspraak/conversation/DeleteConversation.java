package nl.samenspraak.conversation;

import jakarta.inject.Singleton;
import nl.samenspraak.storage.ConversationStore;

/**
 * Forgets a conversation with everything of it, by its link or its code. Its own use case because forgetting reads
 * nothing of the conversation and asks no one's leave: whoever has the link or the code may have it forgotten.
 */
@Singleton
public class DeleteConversation {
    private final ConversationStore store;

    public DeleteConversation(ConversationStore store) {
        this.store = store;
    }

    /**
     * Deletes the conversation, also one an intermediair holds: whoever has its link or code may have it forgotten
     * (the client's own "forget"), which reads nothing of it.
     */
    public boolean delete(String id) {
        return store.delete(id);
    }

    /** Deletes the conversation with this resume code: what the code of a closed result still serves. */
    public boolean deleteByCode(String code) {
        return store.findByResumeCode(code).map(c -> store.delete(c.id())).orElse(false);
    }
}
