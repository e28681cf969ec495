package nl.samenspraak.storage;

import nl.samenspraak.engine.Progress;

import java.util.Map;

/**
 * A finished conversation as the team's dashboard reads it: its row, the engine's view of its answers, and the
 * language each answer was given in (step id to language code), so free text keeps its original language.
 */
public record FinishedConversation(ConversationRecord record, Progress progress, Map<String, String> answerLanguages) {
    public FinishedConversation {
        answerLanguages = Map.copyOf(answerLanguages);
    }
}
