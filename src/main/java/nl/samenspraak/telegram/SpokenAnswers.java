package nl.samenspraak.telegram;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.i18n.DurationWords;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.Map;
import java.util.Optional;

/**
 * Voice messages as answers: on a text question whose flow allows it ({@code voice: true}) the audio is fetched
 * (before the update's commit opens: no network inside it) and handed to the use case, which keeps it as the
 * answer; the chat echoes "spraakbericht" with its length and goes on. Anywhere else, and for photos, stickers and
 * files, the person hears what works here instead; on a question that takes voice, that it does.
 */
final class SpokenAnswers {
    private final ChatActions actions;
    private final FlowLibrary library;
    private final VoiceDownloads downloads;

    private final AnswerReview review;

    SpokenAnswers(ChatActions actions, AnswerReview review, FlowLibrary library, VoiceDownloads downloads) {
        this.actions = actions;
        this.review = review;
        this.library = library;
        this.downloads = downloads;
    }

    /** Whether the question on the chat's screen takes a voice message (then it is fetched, and the use case judges it). */
    boolean wanted(ChatContext chat) {
        return actions.current(chat).filter(s -> !s.done()).map(s -> takesVoice(chat, s, actions.shownStep(chat, s))).orElse(false);
    }

    /** The use case's rule: only where the professional holding the conversation can play it back. */
    boolean takesVoice(ChatContext chat, ConversationState state) {
        return state.step() != null && takesVoice(chat, state, state.step().id());
    }

    private boolean takesVoice(ChatContext chat, ConversationState state, String stepId) {
        return actions.useCases().answerByVoice.takesVoice(state.id(), stepId, chat.caller());
    }

    /** The audio of a voice message for the current question; call it outside the update's commit. */
    VoiceDownloads.Fetched fetch(Message message) {
        return downloads.fetch(message.getVoice());
    }

    /** The audio of a voice answer held for review, for "Afronden"; call it outside the update's commit. */
    VoiceDownloads.Fetched fetch(PendingAnswer.SpokenFile file) {
        return downloads.fetch(file.telegram());
    }

    /**
     * A voice message ({@code file}), fetched (or not) before: kept as the answer, held for "Controleer je antwoorden"
     * when it would finish the conversation, or the person hears why not.
     */
    void answer(ChatContext chat, VoiceDownloads.Fetched fetched, PendingAnswer.SpokenFile file) {
        Optional<ConversationState> state = actions.current(chat).filter(s -> !s.done());
        // the question on this chat's screen, which the conversation may have left (answered on elsewhere): the use
        // case refuses a voice message for it then, as it refuses a typed one (TelegramBot.typed)
        String shown = state.map(s -> actions.shownStep(chat, s)).orElse(null);
        if (state.isEmpty() || !takesVoice(chat, state.get(), shown)) {
            explain(chat, "not_understood_voice");
            return;
        }
        TelegramWords words = actions.words();
        if (fetched instanceof VoiceDownloads.Fetched.TooLarge) {
            actions.say(chat, words.say(state.get(), "voice_too_long",
                    Map.of("longest", DurationWords.of(downloads.limits().maxDuration(), state.get().language()))));
            return;
        }
        if (!(fetched instanceof VoiceDownloads.Fetched.Audio audio)) {
            actions.sayKey(chat, "voice_failed");
            return;
        }
        String echo = "<i>" + words.say(state.get(), "voice_saved", Map.of("duration", duration(audio.seconds()))) + "</i>";
        String label = TelegramHtml.escape(words.shared(state.get().language(), state.get().flow(), "answer.voice", Map.of())
                + " (" + duration(audio.seconds()) + ")");
        review.answerVoice(chat, state.get(), shown, audio, file, label, echo)
                .ifPresent(turn -> actions.after(chat, turn, turn.kind() == Turn.Kind.OK ? echo : ""));
    }

    /** What was sent can't be an answer here: the explanation, and on a question that takes voice, that it does. */
    void explain(ChatContext chat, String key) {
        Optional<ConversationState> state = actions.current(chat).filter(s -> !s.done());
        String lang = state.map(ConversationState::language).orElse(chat.language());
        String flowId = state.map(ConversationState::flow).orElseGet(() -> actions.flowOf(chat));
        String text = actions.words().say(lang, flowId, key, Map.of());
        if (state.isPresent() && takesVoice(chat, state.get()) && !"not_understood_voice".equals(key)) {
            text += "\n" + actions.words().say(state.get(), "voice_hint");
        }
        actions.say(chat, text);
    }

    /** m:ss, as a voice message shows its length. */
    static String duration(int seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
