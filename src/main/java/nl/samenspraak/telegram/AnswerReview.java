package nl.samenspraak.telegram;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Entry;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.conversation.VoiceMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;

import java.util.Optional;

/**
 * The one way the bot hands an answer to the conversation, whatever brought it (a typed text, an option button,
 * "Klaar" under a multi question, a number, a date, a voice message): so nothing skips "Controleer je antwoorden".
 * When the use case says an answer would finish the conversation (the engine's dry run; the chat decides nothing
 * about it), the answer is not sent: it is held in the chat's row ({@link PendingAnswer}) and the answers so far are
 * listed with "Afronden" and "Wijzigen". Only "Afronden" sends it; going back drops it. A stateless instance may take
 * the next update: nothing of this is in memory.
 */
final class AnswerReview {
    private final ChatActions actions;

    AnswerReview(ChatActions actions) {
        this.actions = actions;
    }

    /**
     * {@code value} as the answer to the current step of {@code state}, worded {@code label} in a list of answers and
     * echoed {@code echo} once it is in: the turn it made, or empty when it is held for review (the review is shown).
     */
    Optional<Turn> answer(ChatContext chat, ConversationState state, Object value, String label, String echo) {
        return answer(chat, state, state.step().id(), value, label, echo);
    }

    /**
     * As above, the answer to {@code stepId}, the question the chat showed: the use case refuses it (NOT_CURRENT) when
     * the conversation no longer asks it, and would-finish is false for it then, so nothing is held for it either.
     */
    Optional<Turn> answer(ChatContext chat, ConversationState state, String stepId, Object value, String label, String echo) {
        if (actions.useCases().answerQuestion.wouldFinish(state.id(), stepId, value, chat.caller())) {
            hold(chat, state, new PendingAnswer(state.id(), stepId, value, null, label, echo));
            return Optional.empty();
        }
        return Optional.of(actions.useCases().answerQuestion.answer(state.id(), stepId, value, Entry.RESPONDENT, null, chat.caller()));
    }

    /**
     * A voice message as the answer to {@code stepId}, the question the chat showed, as {@link #answer}: sent at once
     * (and refused by the use case when the conversation no longer asks it), or held (by its Telegram file) for review.
     */
    Optional<Turn> answerVoice(ChatContext chat, ConversationState state, String stepId, VoiceDownloads.Fetched.Audio audio,
                               PendingAnswer.SpokenFile file, String label, String echo) {
        if (actions.useCases().answerByVoice.wouldFinishByVoice(state.id(), stepId, chat.caller())) {
            hold(chat, state, new PendingAnswer(state.id(), stepId, null, file, label, echo));
            return Optional.empty();
        }
        return Optional.of(actions.useCases().answerByVoice.answerVoice(state.id(), stepId,
                new VoiceMessage(audio.bytes(), audio.mimeType(), audio.seconds()), chat.caller()));
    }

    private void hold(ChatContext chat, ConversationState state, PendingAnswer pending) {
        // a text held here keeps the messages it was typed in: the person who sees a slip in the list and edits that
        // message changes the held text (TypedAnswers.edited), as before "Klaar"; it was told to use /terug
        String typed = TypedDraft.of(chat).filter(d -> d.belongsTo(state.id(), state.step().id())).map(TypedDraft::json).orElse(null);
        chat.update(chat.ensureRecord().withPending(pending.json()).withDraft(typed));
        actions.showReview(chat, state, pending, "");
    }

    /**
     * "Afronden": the held answer goes to the conversation now, and the result (or, when the conversation changed
     * meanwhile, what it says) follows. Without a held answer for the question the review was for, the tap is stale.
     * A held voice message comes with its audio, fetched before the update's commit ({@code voice}).
     */
    void finish(ChatContext chat, CallbackQuery query, ConversationState state, VoiceDownloads.Fetched voice) {
        Optional<PendingAnswer> held = PendingAnswer.of(chat).filter(p -> p.belongsTo(state.id(), state.step().id()));
        if (held.isEmpty()) {
            actions.sender().answerCallback(query, actions.words().plain(state, "stale_button"), false);
            actions.show(chat, state, "");
            return;
        }
        PendingAnswer pending = held.get();
        Turn turn;
        if (pending.voice() != null) {
            if (!(voice instanceof VoiceDownloads.Fetched.Audio audio)) {
                actions.sender().answerCallback(query, null, false);
                actions.showReview(chat, state, pending, actions.words().say(state, "voice_failed"));
                return;
            }
            turn = actions.useCases().answerByVoice.answerVoice(state.id(), pending.step(),
                    new VoiceMessage(audio.bytes(), audio.mimeType(), audio.seconds()), chat.caller());
        } else {
            turn = actions.useCases().answerQuestion.answer(state.id(), pending.step(), pending.value(), Entry.RESPONDENT, null, chat.caller());
        }
        actions.sender().answerCallback(query, null, false);
        chat.update(chat.record().withPending(null));
        actions.after(chat, turn, turn.kind() == Turn.Kind.OK ? pending.echo() : "");
    }

    /** Whether a button's data is "Afronden" (only then is the chat looked at before the update's commit). */
    static boolean isFinish(String callbackData) {
        return Callback.parse(callbackData).filter(c -> c.kind() == Callback.FINISH).isPresent();
    }

    /** Whether this update is a tap on "Afronden" for a held voice message, whose audio must be fetched first. */
    static boolean finishesVoice(ChatContext chat, String callbackData) {
        return isFinish(callbackData) && PendingAnswer.of(chat).filter(p -> p.voice() != null).isPresent();
    }
}
