package nl.samenspraak.conversation;

import jakarta.inject.Singleton;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.storage.ConversationStore;

import java.util.Map;
import java.util.Optional;

/**
 * Plays back the voice answers of a conversation to the professional who holds it, and to nobody else. Its own use
 * case because a recording is the one answer a reader may not simply be shown: who may hear it is a rule of its own,
 * kept in one place for the pages that offer it.
 */
@Singleton
public class PlayVoiceAnswers {
    private final FlowLibrary library;
    private final ConversationStore store;
    private final StoredConversations stored;

    public PlayVoiceAnswers(FlowLibrary library, ConversationStore store, StoredConversations stored) {
        this.library = library;
        this.store = store;
        this.stored = stored;
    }

    /**
     * The audio of a voice answer, for {@code caller} only where the professional reads the answers: a flow whose
     * result is for the professional ({@code result: professional}), in a conversation that opens for the caller, and
     * that a caller holds (an intermediair's assisted conversation). Empty for everyone and everything else.
     */
    public Optional<VoiceMessage> voice(String id, String stepId, Caller caller) {
        if (caller.accountId() == null) {
            return Optional.empty();
        }
        return stored.find(id, caller).filter(c -> library.flow(c.record().flowId(), c.record().flowVersion())
                        .filter(Flow::answersForProfessional).isPresent())
                .filter(c -> Step.isVoice(c.progress().answers().get(stepId)))
                .flatMap(c -> store.voice(c.id(), stepId))
                .map(v -> new VoiceMessage(v.audio(), v.mimeType(), v.durationSeconds()));
    }

    /** The steps of a conversation whose voice answers {@code caller} may play (see {@link #voice}); empty for anyone else. */
    public java.util.Set<String> playableVoices(String id, Caller caller) {
        if (caller.accountId() == null) {
            return java.util.Set.of();
        }
        return stored.find(id, caller).filter(c -> library.flow(c.record().flowId(), c.record().flowVersion())
                        .filter(Flow::answersForProfessional).isPresent())
                .map(c -> c.progress().answers().entrySet().stream().filter(e -> Step.isVoice(e.getValue()))
                        .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toUnmodifiableSet()))
                .orElse(java.util.Set.of());
    }
}
