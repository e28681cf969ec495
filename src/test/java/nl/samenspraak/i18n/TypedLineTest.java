package nl.samenspraak.i18n;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A name, wijk or label as it is stored and shown, whatever was typed or sent. */
class TypedLineTest {

    @Test
    void controlCharactersAndLineBreaksBecomeOneSpace() {
        assertEquals("Wijk team Oost", TypedLine.of(" Wijk\u0000team\r\n\tOost  "));
        assertEquals("", TypedLine.of("\u0000\u0001 "));
        assertEquals("", TypedLine.of(null));
    }

    /** An override would make "Team 12" read "21 maeT" in every sentence that names it. */
    @Test
    void directionControlsGoButArabicAndItsMarksStay() {
        assertEquals("Team 12", TypedLine.of("\u202ETeam 12\u202C"));
        assertEquals("فريق الحي", TypedLine.of("\u2067فريق الحي\u2069"));
        assertEquals("فريق \u200F3", TypedLine.of("فريق \u200F3"), "a right-to-left mark helps Arabic read well");
    }
}
