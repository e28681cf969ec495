package nl.samenspraak.storage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A code is pasted from where it was shown: the bot's Arabic messages wrap it in a left-to-right isolate
 * (U+2066 ... U+2069), and a right-to-left keyboard adds marks (U+200F). Those came along into "/hervat", the web's
 * resume form and the API, and the code was "not found" (and cost one of the look-ups a minute).
 */
class ResumeCodesTest {
    @Test
    void caseSpacesDashesAndFormatCharactersDoNotMatter() {
        assertEquals("KSD53U83", ResumeCodes.normalize("KSD5-3U83"));
        assertEquals("KSD53U83", ResumeCodes.normalize(" ksd5 3u83 "));
        assertEquals("KSD53U83", ResumeCodes.normalize("\u2066KSD5-3U83\u2069"), "as the bot's Arabic message shows it");
        assertEquals("KSD53U83", ResumeCodes.normalize("\u200fKSD5\u200e-\u200b3U83\u2068\u2069\ufeff"));
    }

    @Test
    void whatCanNotBeACodeIsNone() {
        assertNull(ResumeCodes.normalize(null));
        assertNull(ResumeCodes.normalize("\u2066\u2069"));
        assertNull(ResumeCodes.normalize("KSD5-3U8"), "too short");
        assertNull(ResumeCodes.normalize("KSD5-3U830"), "too long");
        assertNull(ResumeCodes.normalize("KSD5-3U8O"), "O is not in the alphabet");
        assertNull(ResumeCodes.normalize("KSD5\u00ad3U83X"), "a soft hyphen is left out, the rest is still too long");
    }
}
