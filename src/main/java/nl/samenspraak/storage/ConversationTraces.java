package nl.samenspraak.storage;

/**
 * What a channel keeps of a conversation outside the conversation's own tables (a Telegram chat's text being typed,
 * its last text answer kept for edits, the answer held for review), forgotten in the commit that deletes the
 * conversation. "Nothing of it is kept" must hold however a conversation goes (forget, "nee" to consent, retention),
 * and only {@link ConversationStore#delete} sees them all; it cannot know every channel's tables, so each channel
 * says here what it keeps.
 */
public interface ConversationTraces {
    /** Forgets what is kept of conversation {@code id}; runs inside the deletion's transaction, before its rows go. */
    void forget(String id);
}
