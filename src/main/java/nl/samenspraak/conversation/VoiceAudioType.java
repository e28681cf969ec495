package nl.samenspraak.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The content type a stored voice answer is played with. The type came from Telegram (the sender's app says
 * it), so it is not trusted: only a well-formed {@code audio/<subtype>} is served as such (without parameters, which
 * a player does not need); anything else is served as a download of bytes ({@code application/octet-stream},
 * attachment), never as a page, and a malformed type never becomes a 500. Here, beside the use cases, because the
 * bot keeps only a type this accepts ({@code telegram.VoiceDownloads}) and the intermediair's page plays with it
 * (rows stored before may hold any type). Plain Java.
 */
public final class VoiceAudioType {
    /** {@code audio/} and an RFC 6838 subtype name; parameters after ';' are dropped. */
    private static final Pattern AUDIO = Pattern.compile("audio/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    private VoiceAudioType() {
    }

    /** The audio type to play {@code mimeType} with, or empty when it must be served as a download. */
    public static Optional<String> playable(String mimeType) {
        if (mimeType == null) {
            return Optional.empty();
        }
        String essence = mimeType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return AUDIO.matcher(essence).matches() ? Optional.of(essence) : Optional.empty();
    }
}
