package nl.samenspraak.storage;

import java.util.Objects;

/**
 * A voice message kept as the answer to a text step (see {@code V150__voice_answer.sql}): the audio as it came,
 * its type (e.g. {@code audio/ogg}) and its length in seconds.
 */
public record VoiceRecording(byte[] audio, String mimeType, int durationSeconds) {
    public VoiceRecording {
        Objects.requireNonNull(audio, "audio");
        mimeType = mimeType == null || mimeType.isBlank() ? "audio/ogg" : mimeType;
    }
}
