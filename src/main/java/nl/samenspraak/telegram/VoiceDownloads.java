package nl.samenspraak.telegram;

import nl.samenspraak.conversation.VoiceAudioType;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.Voice;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Fetches a voice message's audio: {@code getFile} through the library, then the file itself. The library's own
 * download always goes to api.telegram.org, whatever Bot API server is configured (a self-hosted one, the tests'
 * fake), so the file is fetched here from the configured server's {@code /file/bot<token>/<path>}. Nothing larger
 * than the limit is read: a file that says it is larger is not fetched, one that turns out larger is cut off and
 * refused. The URL holds the bot token: it is never logged.
 */
final class VoiceDownloads {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** What a voice message is kept as when its app names no type that can be played, or one too long to keep. */
    static final String DEFAULT_TYPE = "audio/ogg";
    /** The longest type {@code voice_answer.mime_type} holds ({@code V150__voice_answer.sql}). */
    static final int LONGEST_TYPE = 100;

    /** The audio, or why there is none. */
    sealed interface Fetched {
        record Audio(byte[] bytes, String mimeType, int seconds) implements Fetched {
        }

        /** Longer or larger than the limit. */
        record TooLarge() implements Fetched {
        }

        /** Telegram did not hand the file over (away, or it refused). */
        record Failed() implements Fetched {
        }
    }

    private final BotApiSender api;
    private final TelegramUrl server;
    private final String token;
    private final VoiceLimits limits;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    VoiceDownloads(BotApiSender api, TelegramUrl server, String token, VoiceLimits limits) {
        this.api = api;
        this.server = server;
        this.token = token;
        this.limits = limits;
    }

    VoiceLimits limits() {
        return limits;
    }

    /**
     * The type the audio is kept and played with: the one the sender's app named when it is audio that can be played
     * and fits its column, else {@link #DEFAULT_TYPE} (a voice message is Ogg Opus). As given, a type over 100
     * characters failed the answer's insert: a 500, and the audio fetched again on every retry of the update.
     */
    static String typeOf(String mimeType) {
        return VoiceAudioType.playable(mimeType).filter(type -> type.length() <= LONGEST_TYPE).orElse(DEFAULT_TYPE);
    }

    Fetched fetch(Voice voice) {
        int seconds = voice.getDuration() == null ? 0 : voice.getDuration();
        if (seconds > limits.maxDuration().toSeconds() || voice.getFileSize() != null && voice.getFileSize() > limits.maxBytes()) {
            return new Fetched.TooLarge();
        }
        Optional<File> file = api.send(GetFile.builder().fileId(voice.getFileId()).build());
        if (file.isEmpty() || file.get().getFilePath() == null) {
            return new Fetched.Failed();
        }
        if (file.get().getFileSize() != null && file.get().getFileSize() > limits.maxBytes()) {
            return new Fetched.TooLarge();
        }
        URI uri = URI.create(server.getSchema() + "://" + server.getHost() + ":" + server.getPort() + "/file/bot" + token + "/"
                + file.get().getFilePath());
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    return new Fetched.Failed();
                }
                byte[] bytes = in.readNBytes((int) limits.maxBytes() + 1);
                if (bytes.length > limits.maxBytes()) {
                    return new Fetched.TooLarge();
                }
                if (bytes.length == 0) {
                    return new Fetched.Failed();
                }
                return new Fetched.Audio(bytes, typeOf(voice.getMimeType()), seconds);
            }
        } catch (IOException e) {
            return new Fetched.Failed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched.Failed();
        }
    }
}
