package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.storage.ConversationStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The finished conversations of a team and flow, read only: what the team's dashboard counts and lists. A use case
 * so the dashboard, like every feature, reaches storage only through {@code conversation} and {@code team}; it
 * hands out no stored row, only what the figures read (no channel, no resume code, no holder).
 */
@Singleton
public class FinishedConversations {
    private final ConversationStore store;

    public FinishedConversations(ConversationStore store) {
        this.store = store;
    }

    /**
     * One finished conversation: when it started and last changed, the flow version and language it was answered
     * in, the wijk it counts under (null: the team as a whole), the engine's view of its answers, and the language
     * each answer was given in (step id to language code), so free text keeps its original language.
     */
    public record Finished(String id, String flowVersion, String language, @Nullable String wijk, Instant createdAt,
                           Instant updatedAt, Progress progress, Map<String, String> answerLanguages) {
        public Finished {
            answerLanguages = Map.copyOf(answerLanguages);
        }
    }

    /** Every finished conversation of {@code flowId} counted under the team; declined and unfinished ones are not. */
    public List<Finished> of(long teamId, String flowId) {
        return store.finished(teamId, flowId).stream().map(c -> new Finished(c.record().id(), c.record().flowVersion(),
                c.record().language(), c.record().wijk(), c.record().createdAt(), c.record().updatedAt(), c.progress(),
                c.answerLanguages())).toList();
    }

    /** How many finished conversations of {@code flowId} the team has, without reading them. */
    public long count(long teamId, String flowId) {
        return store.finishedCount(teamId, flowId);
    }
}
