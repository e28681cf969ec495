package nl.samenspraak.conversation;

import java.util.Objects;

/**
 * A spoken answer as a channel received it: the audio, its type (e.g. {@code audio/ogg}) and its length in
 * seconds. See {@link AnswerByVoice#answerVoice}.
 */
public record VoiceMessage(byte[] audio, String mimeType, int seconds) {
    public VoiceMessage {
        Objects.requireNonNull(audio, "audio");
    }
}
