package nl.samenspraak.conversation;

import jakarta.inject.Singleton;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.storage.ConversationStore;

import java.util.Map;

/**
 * Takes a voice message as the answer to the current question, where the professional who holds the conversation
 * can play it, and says beforehand whether it would be taken and whether it would finish the conversation. Its own
 * use case because a recording is stored beside its answer in one commit and is never judged on a kept copy, unlike
 * a typed or tapped answer ({@link AnswerQuestion}).
 */
@Singleton
public class AnswerByVoice {
    private final FlowLibrary library;
    private final ConversationEngine engine;
    private final ConversationStore store;
    private final ConversationReplies replies;
    private final StoredConversations stored;

    public AnswerByVoice(FlowLibrary library, ConversationEngine engine, ConversationStore store,
                         ConversationReplies replies, StoredConversations stored) {
        this.library = library;
        this.engine = engine;
        this.store = store;
        this.replies = replies;
        this.stored = stored;
    }

    /**
     * Whether a voice message would be taken as the answer to {@code stepId} now ({@link ConversationEngine#takesVoice}:
     * only where the professional who holds the conversation can play it), so a channel offers voice only there.
     */
    public boolean takesVoice(String id, String stepId, Caller caller) {
        return stored.latest(id, caller).filter(c -> !c.progress().ended()).flatMap(c -> library.flow(c.record().flowId(), c.record().flowVersion())
                .flatMap(flow -> flow.step(stepId).map(step -> ConversationEngine.takesVoice(flow, step,
                        c.record().heldBy() != null)))).orElse(false);
    }

    /** As {@link AnswerQuestion#wouldFinish}, for a voice message as the answer (see {@link #answerVoice}). */
    public boolean wouldFinishByVoice(String id, String stepId, Caller caller) {
        return stored.latest(id, caller).filter(c -> !c.progress().ended()).flatMap(c -> library.flow(c.record().flowId(), c.record().flowVersion())
                .map(flow -> engine.voiceWouldFinish(flow, replies.read(flow, c), stepId,
                        c.record().heldBy() != null))).orElse(false);
    }

    /**
     * A voice message as the answer to the current step: kept (audio, type, length) with the answer, which says
     * "spraakbericht", on a text step whose flow allows it ({@code voice: true}); refused (INVALID, the step's
     * question again with why) anywhere else. Before consent nothing is kept, as for any answer.
     * In a conversation that opens for {@code caller} (its holder's: an intermediair records it with them).
     */
    public Turn answerVoice(String id, String stepId, VoiceMessage voice, Caller caller) {
        return store.inOneCommit(() -> stored.changing(id, null, caller, (flow, conversation) -> {
            Outcome outcome = engine.answerVoice(flow, replies.read(flow, conversation), stepId,
                    conversation.record().heldBy() != null);
            String says = conversation.language();
            if (outcome instanceof Outcome.Accepted accepted) {
                Progress after = accepted.progress();
                if (!engine.mayKeepAnswers(flow, after)) {
                    return Turn.ok(replies.render(flow, store.saveUnder(flow.version(), conversation, after, null, false,
                            Entry.RESPONDENT.enteredBy(), null)));
                }
                return Turn.ok(replies.render(flow, store.saveVoice(flow.version(), conversation, after, accepted.step(), Entry.RESPONDENT.enteredBy(),
                        new nl.samenspraak.storage.VoiceRecording(voice.audio(), voice.mimeType(), voice.seconds()))));
            }
            if (outcome instanceof Outcome.AskedOtherwise otherwise) {
                return stored.questionChanged(flow, conversation, otherwise.progress(), null);
            }
            if (outcome instanceof Outcome.Invalid invalid) {
                return new Turn(Turn.Kind.INVALID, replies.render(flow, conversation), replies.message(says, flow, invalid.message(), invalid.parameters()), says);
            }
            return new Turn(Turn.Kind.NOT_CURRENT, replies.render(flow, conversation), replies.message(says, flow, "error.not_current", Map.of()), says);
        }));
    }
}
