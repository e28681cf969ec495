package nl.samenspraak.security;

import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tests run with the cheapest BCrypt cost (application-test.yml), so that the suite's many logins are quick: this
 * checks that the service itself keeps a cost of 10, that the configured cost is the one a new hash gets, and that an
 * account whose hash was made at another cost still logs in with its password (and only with it).
 */
class PasswordHashCostTest {
    static final String PASSWORD = "a long enough password";

    private static BCryptPasswordEncoderService encoder(int cost) {
        return new BCryptPasswordEncoderService(new SecuritySettings(12, cost, new SecuritySettings.Lockout(5, 20, 15)));
    }

    @Test
    void theServiceHashesAtCostTenOutsideTheTests() throws Exception {
        try (InputStream yml = getClass().getResourceAsStream("/application.yml")) {
            Map<String, Object> production = new YamlPropertySourceLoader().read("application", yml);
            assertEquals(10, production.get("samenspraak.security.password-hash-cost"));
        }
    }

    @Test
    void aNewHashHasTheConfiguredCostAndAnOlderCostStillMatches() {
        String atTen = encoder(10).encode(PASSWORD);
        assertTrue(atTen.startsWith("$2a$10$"), atTen);
        String atFour = encoder(4).encode(PASSWORD);
        assertTrue(atFour.startsWith("$2a$04$"), atFour);
        assertTrue(encoder(4).matches(PASSWORD, atTen));
        assertTrue(encoder(10).matches(PASSWORD, atFour));
        assertFalse(encoder(10).matches("another long password", atFour));
    }
}
