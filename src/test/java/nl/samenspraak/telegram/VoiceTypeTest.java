package nl.samenspraak.telegram;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A voice message is kept with a type that plays and fits its column, whatever the sender's app said. */
class VoiceTypeTest {
    @Test
    void aPlayableTypeIsKeptWithoutItsParametersAndAnythingElseIsOgg() {
        assertEquals("audio/ogg", VoiceDownloads.typeOf("audio/ogg"));
        assertEquals("audio/mpeg", VoiceDownloads.typeOf("audio/mpeg"));
        assertEquals("audio/ogg", VoiceDownloads.typeOf("Audio/OGG; codecs=opus"));
        for (String type : new String[]{null, "", " ", "text/html", "application/octet-stream", "audio/ogg\r\nX: y",
                "audio/" + "x".repeat(95), "audio/" + "x".repeat(120), "x".repeat(5_000)}) {
            assertEquals("audio/ogg", VoiceDownloads.typeOf(type), String.valueOf(type));
        }
        assertEquals("audio/" + "x".repeat(94), VoiceDownloads.typeOf("audio/" + "x".repeat(94)), "100 characters fit");
    }
}
