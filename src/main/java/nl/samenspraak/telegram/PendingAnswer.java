package nl.samenspraak.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import org.telegram.telegrambots.meta.api.objects.Voice;

import java.util.Optional;

/**
 * The answer that would finish a conversation, held in the chat's row while the person checks their answers
 * ("Controleer je antwoorden"): the conversation and step it answers, the value as the engine takes it (a text, an
 * option's value, a list of them, or null for a skip), or a voice message by its Telegram file (fetched again when
 * the person taps "Afronden": no audio is kept outside the conversation), with how the chat words it ({@code label})
 * and echoes it once it is in ({@code echo}). It is not an answer of the conversation until then.
 */
record PendingAnswer(String conversation, String step, @Nullable Object value, @Nullable SpokenFile voice,
                     String label, String echo) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A voice message as Telegram keeps it: enough to fetch its audio again. */
    record SpokenFile(String fileId, String fileUniqueId, int seconds, @Nullable String mimeType, @Nullable Long size) {

        static SpokenFile of(Voice voice) {
            return new SpokenFile(voice.getFileId(), voice.getFileUniqueId(), voice.getDuration() == null ? 0 : voice.getDuration(),
                    voice.getMimeType(), voice.getFileSize());
        }

        Voice telegram() {
            return new Voice(fileId, fileUniqueId, seconds, mimeType, size);
        }
    }

    boolean belongsTo(String conversationId, String stepId) {
        return conversation.equals(conversationId) && step.equals(stepId);
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<PendingAnswer> parse(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, PendingAnswer.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The chat's held answer, if it has one. */
    static Optional<PendingAnswer> of(ChatContext chat) {
        return chat.record() == null ? Optional.empty() : parse(chat.record().pending());
    }
}
