package nl.samenspraak.round;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An invitation's code typed from the printed sheet or copied from a message reads as every code does: a direction
 * mark or an isolate (copied from an Arabic text), a soft hyphen, a non-breaking hyphen or full-width characters
 * left the code too long or unknown, so the invitation was "not found" while a resume code with the same marks worked.
 */
class InvitationCodesTest {
    @Test
    void formatCharactersDashesAndFullWidthDoNotMatter() {
        assertEquals("ABCD2345EFGH", Rounds.normalize("abcd-2345-efgh"));
        assertEquals("ABCD2345EFGH", Rounds.normalize("\u2066ABCD-2345-EFGH\u2069"));
        assertEquals("ABCD2345EFGH", Rounds.normalize("\u200fABCD\u00ad2345\u200bEFGH"));
        assertEquals("ABCD2345EFGH", Rounds.normalize("ABCD\u20112345\u2013EFGH"));
        assertEquals("ABCD2345EFGH", Rounds.normalize("\uFF21\uFF22\uFF23\uFF24\uFF12\uFF13\uFF14\uFF15\uFF25\uFF26\uFF27\uFF28"));
    }

    @Test
    void whatCanNotBeAnInvitationCodeIsNone() {
        assertNull(Rounds.normalize(null));
        assertNull(Rounds.normalize("ABCD-2345-EFG"), "too short");
        assertNull(Rounds.normalize("\u2066\u2069"));
        assertNull(Rounds.normalize("A".repeat(41)), "too long to look at");
    }
}
