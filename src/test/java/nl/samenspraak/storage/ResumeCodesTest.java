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

    /**
     * A code as a phone types it or a copy brings it: a non-breaking hyphen (U+2011, which a phone or a word processor
     * puts in "KSD5-3U83" so it is not broken over two lines), another dash, full-width letters and digits, Arabic-Indic
     * digits from an Arabic keyboard. Each was "not found", and cost one of the look-ups a minute.
     */
    @Test
    void anyDashFullWidthAndAnyScriptsDigitsAreThePlainCode() {
        for (String dash : new String[]{"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uFF0D", "\uFE63"}) {
            assertEquals("KSD53U83", ResumeCodes.normalize("KSD5" + dash + "3U83"), "dash U+" + Integer.toHexString(dash.charAt(0)));
        }
        assertEquals("KSD53U83", ResumeCodes.normalize("\uFF2B\uFF33\uFF24\uFF15\uFF0D\uFF13\uFF35\uFF18\uFF13"), "full-width");
        assertEquals("KSD53U83", ResumeCodes.normalize("\uFF4B\uFF53\uFF44\uFF15 \uFF13\uFF55\uFF18\uFF13"), "full-width lower case");
        assertEquals("KSD53U83", ResumeCodes.normalize("\u200fKSD\u0665-\u0663U\u0668\u0663"), "Arabic-Indic digits");
        assertEquals("KSD53U83", ResumeCodes.normalize("KSD5\u00A03U83"), "a non-breaking space");
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
