package nl.samenspraak.conversation;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only a well-formed audio type from Telegram is played as audio; everything else becomes a download. */
class VoiceAudioTypeTest {
    @Test
    void aWellFormedAudioTypeIsPlayedWithoutItsParameters() {
        assertEquals(Optional.of("audio/ogg"), VoiceAudioType.playable("audio/ogg"));
        assertEquals(Optional.of("audio/ogg"), VoiceAudioType.playable(" Audio/OGG ; codecs=opus"));
        assertEquals(Optional.of("audio/x-m4a"), VoiceAudioType.playable("audio/x-m4a"));
    }

    @Test
    void anythingElseIsNotPlayable() {
        for (String type : new String[]{null, "", "text/html", "image/svg+xml", "audio/", "audio", "ogg", "audio/ogg/x",
                "audio/ogg\r\nSet-Cookie: x=y", "audio/<script>", "audio/-ogg", "/", "application/octet-stream"}) {
            assertEquals(Optional.empty(), VoiceAudioType.playable(type), String.valueOf(type));
        }
    }
}
