package nl.samenspraak.system;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The public address is one links and QR codes can start with: scheme and host, perhaps a path. */
class PublicUrlSettingsTest {
    @Test
    void anAddressWithItsSchemeIsTakenWithoutItsTrailingSlash() {
        assertEquals("https://samenspraak.example.nl", new PublicUrlSettings("https://samenspraak.example.nl/").url());
        assertEquals("http://10.0.0.5:8080/samenspraak", new PublicUrlSettings("http://10.0.0.5:8080/samenspraak").url());
        assertEquals("", new PublicUrlSettings(null).url());
        assertDoesNotThrow(() -> new PublicUrlSettings(" "));
    }

    @Test
    void anAddressLinksCannotStartWithIsRefusedByName() {
        for (String bad : List.of("samenspraak.example.nl", "//samenspraak.example.nl", "ftp://x.nl", "https://x.nl/?a=1",
                "https://user@x.nl", "https:// x.nl")) {
            SettingRefused e = assertThrows(SettingRefused.class, () -> new PublicUrlSettings(bad), bad);
            assertEquals(true, e.getMessage().startsWith("SAMENSPRAAK_PUBLIC_URL=" + bad + ": "), e.getMessage());
        }
    }
}
