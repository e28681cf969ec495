package nl.samenspraak.security;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login-token secret: the configured one when long enough, refused when short, random when missing. */
class JwtSecretFactoryTest {

    @Test
    void aConfiguredSecretOfAtLeast256BitsIsUsedAsItIs() {
        String secret = "x".repeat(32);
        assertEquals(secret, JwtSecretFactory.secret(secret, true));
    }

    @Test
    void aShortSecretStopsTheStartWithAReason() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JwtSecretFactory.secret("x".repeat(31), true));
        assertTrue(e.getMessage().contains("SAMENSPRAAK_JWT_SECRET is too short"), e.getMessage());
    }

    @Test
    void withoutASecretEachStartMakesAnotherRandomOne() {
        String first = JwtSecretFactory.secret("", true);
        String second = JwtSecretFactory.secret(null, false);
        assertTrue(first.getBytes(StandardCharsets.UTF_8).length >= 32);
        assertNotEquals(first, second);
    }
}
