package nl.samenspraak.storage;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * What a feature keeps of a conversation outside the conversation's own tables (a Telegram chat's text being typed,
 * its last text answer kept for edits, the answer held for review; a manager's theme on a free text), forgotten in
 * the commit that deletes the conversation. "Nothing of it is kept" must hold however a conversation goes (forget,
 * "nee" to consent, retention), and only {@link ConversationStore#delete} sees them all; it cannot know every
 * feature's tables, so each says here what it keeps.
 */
public interface ConversationTraces {
    /**
     * Forgets what is kept of {@code conversation}; runs inside the deletion's transaction, before its rows go.
     * Nothing by default.
     */
    default void forget(Forgotten conversation) {
    }

    /**
     * The daily retention run at {@code now}: the finished conversations that finished before {@code closed}'s instant
     * for their flow no longer open their result for anyone, so what links them to a person (a chat, whose key turns
     * back into that person's account) goes, and their answers stay, as anonymous as the web's. Nothing by default.
     */
    default void resultsClosed(ClosedResults closed, Instant now) {
    }

    /**
     * Until when a finished conversation's result is closed: {@code byFlow} for the flows the service has, and
     * {@code otherFlows} for those it no longer has (a flow taken out of {@code flows/}, an uploaded one unpublished),
     * whose results no longer open at all, while their links to people would otherwise be kept for ever.
     */
    record ClosedResults(Map<String, Instant> byFlow, Instant otherFlows) {
        public ClosedResults {
            byFlow = Map.copyOf(byFlow);
        }

        /** The flows in {@code byFlow}, for a query's {@code NOT IN}: never empty ("" names no flow: no flow's id is empty). */
        public java.util.List<String> flowsLoaded() {
            return byFlow.isEmpty() ? java.util.List.of("") : java.util.List.copyOf(byFlow.keySet());
        }
    }

    /** The conversation being deleted: its id, team (null: none), flow and answers by step as the engine holds them. */
    record Forgotten(String id, @Nullable Long teamId, String flowId, Map<String, Object> answers) {
    }
}
