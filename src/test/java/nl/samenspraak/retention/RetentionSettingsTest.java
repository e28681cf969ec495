package nl.samenspraak.retention;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A period of zero or less for the audit log would empty it at every run: the service refuses to start with one. */
class RetentionSettingsTest {

    @Test
    void aPositivePeriodIsTaken() {
        assertEquals(Duration.ofDays(30), new RetentionSettings(Duration.ofDays(30)).auditLog());
    }

    @Test
    void zeroOrANegativePeriodIsRefusedWithTheVariablesName() {
        for (Duration wrong : new Duration[]{Duration.ZERO, Duration.ofDays(-1)}) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> new RetentionSettings(wrong));
            assertTrue(e.getMessage().contains("SAMENSPRAAK_RETENTION_AUDIT_LOG"), e.getMessage());
        }
    }
}
