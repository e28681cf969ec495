package nl.samenspraak.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordRulesTest {
    private final PasswordRules rules = new PasswordRules(12);

    @Test
    void aPasswordIsLongEnoughNotTooLongForBcryptAndNotTheUsername() {
        assertEquals("auth.password_too_short", assertThrows(Refused.class, () -> rules.check("anna", "elevenchars")).key());
        assertDoesNotThrow(() -> rules.check("anna", "twelve chars"));
        assertDoesNotThrow(() -> rules.check("anna", "wachtwoord €"));
        Refused long37 = assertThrows(Refused.class, () -> rules.check("anna", "é".repeat(37)));
        assertEquals("auth.password_too_long", long37.key(), "74 bytes: BCrypt would ignore the end");
        assertEquals(74, long37.parameters().get("bytes"), "said in bytes: 37 letters are no more than 72 characters");
        assertEquals("auth.password_is_username",
                assertThrows(Refused.class, () -> rules.check("anna.de.vries", "Anna.de.Vries")).key());
    }

    @Test
    void theMinimumCannotBeConfiguredBelowEight() {
        assertEquals(8, new PasswordRules(4).minLength());
    }
}
