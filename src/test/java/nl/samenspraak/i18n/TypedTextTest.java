package nl.samenspraak.i18n;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A name, wijk, label or address as it is stored and shown, whatever was typed or sent. */
class TypedTextTest {

    @Test
    void onOneLineControlCharactersAndLineBreaksBecomeOneSpace() {
        assertEquals("Wijk team Oost", TypedText.line(" Wijk\u0000team\r\n\tOost  "));
        assertEquals("Wijk Oost", TypedText.line("\uFEFFWijk\uFEFFOost"));
        assertEquals("", TypedText.line("\u0000\u0001 "));
        assertEquals("", TypedText.line(null));
        assertEquals("", TypedText.line("\u200B"), "a zero-width space alone is no name");
        assertEquals("Oost", TypedText.line("Oo\u00ADst\u2060"), "a soft hyphen and a word joiner show nothing");
        assertEquals("می\u200Cخواهم", TypedText.line("می\u200Cخواهم"), "a non-joiner a script needs stays");
    }

    @Test
    void overLinesTheLineBreaksStayAsTypedOnAnyComputer() {
        assertEquals("Ma 9-12\nDo 13-16\nVr 9-12", TypedText.lines(" Ma 9-12\r\nDo 13-16\rVr\u0000 9-12\u0007\n"));
        assertEquals("", TypedText.lines("\t\u0000"));
        assertEquals("", TypedText.lines(null));
    }

    /** An override would make "Team 12" read "21 maeT" in every sentence that names it. */
    @Test
    void directionControlsGoButArabicAndItsMarksStay() {
        assertEquals("Team 12", TypedText.line("\u202ETeam 12\u202C"));
        assertEquals("فريق الحي", TypedText.line("\u2067فريق الحي\u2069"));
        assertEquals("فريق \u200F3", TypedText.line("فريق \u200F3"), "a right-to-left mark helps Arabic read well");
        assertEquals("Kerkstraat 1\nشارع \u200F5", TypedText.lines("Kerk\u202Estraat 1\u2066\nشارع \u200F5"));
    }
}
