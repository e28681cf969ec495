package nl.samenspraak.storage;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * What a feature keeps of a conversation outside the conversation's own tables (a Telegram chat's text being typed,
 * its last text answer kept for edits, the answer held for review; a manager's theme on a free text), forgotten in
 * the commit that deletes the conversation. "Nothing of it is kept" must hold however a conversation goes (forget,
 * "nee" to consent, retention), and only {@link ConversationStore#delete} sees them all; it cannot know every
 * feature's tables, so each says here what it keeps.
 */
public interface ConversationTraces {
    /** Forgets what is kept of {@code conversation}; runs inside the deletion's transaction, before its rows go. */
    void forget(Forgotten conversation);

    /** The conversation being deleted: its id, team (null: none), flow and answers by step as the engine holds them. */
    record Forgotten(String id, @Nullable Long teamId, String flowId, Map<String, Object> answers) {
    }
}
