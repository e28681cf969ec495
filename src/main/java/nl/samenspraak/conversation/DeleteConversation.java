package nl.samenspraak.conversation;

import jakarta.inject.Singleton;
import nl.samenspraak.storage.ConversationStore;

/**
 * Forgets a conversation with everything of it, by its link or its code. Its own use case because forgetting reads
 * nothing of the conversation and asks no one's leave: whoever has the code may have it forgotten, and whoever has
 * the link of a conversation they may open. An assisted conversation's link is not the resident's: its id is in the
 * intermediair's page addresses, so in a shared phone's history, and by it nobody but its intermediair finds it
 * ({@link Caller}); its code, on the resident's screen or paper, is what forgets it.
 */
@Singleton
public class DeleteConversation {
    private final ConversationStore store;

    public DeleteConversation(ConversationStore store) {
        this.store = store;
    }

    /**
     * Deletes the conversation named by its link when {@code caller} opens it ({@link Caller#opens}); false, with
     * nothing deleted, as for an id that does not exist, when it does not: the check and the deletion in one commit.
     */
    public boolean delete(String id, Caller caller) {
        return store.delete(id, caller::opens);
    }

    /**
     * Deletes a conversation the channel keeps as the caller's own (a Telegram chat's, on /vergeet), also one an
     * intermediair holds through a linked chat: nothing of the chat is to be kept.
     */
    public boolean deleteOwn(String id) {
        return store.delete(id, record -> true);
    }

    /** Deletes the conversation with this resume code: what the code of a closed result still serves. */
    public boolean deleteByCode(String code) {
        return store.findByResumeCode(code).map(c -> store.delete(c.id())).orElse(false);
    }
}
