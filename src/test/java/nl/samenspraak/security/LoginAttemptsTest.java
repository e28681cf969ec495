package nl.samenspraak.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lock-out over time: five failures lock a name for fifteen minutes; old failures are forgotten. */
class LoginAttemptsTest {
    private Instant now = Instant.parse("2026-11-23T09:00:00Z");
    private final LoginAttempts attempts = new LoginAttempts(5, Duration.ofMinutes(15), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void theFifthFailureLocksForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            assertFalse(attempts.failed("anna"));
        }
        assertFalse(attempts.locked("anna"));
        assertTrue(attempts.failed("anna"));
        assertTrue(attempts.locked("anna"));
        assertFalse(attempts.locked("bram"));
        now = now.plus(Duration.ofMinutes(14));
        assertTrue(attempts.locked("anna"));
        now = now.plus(Duration.ofMinutes(1));
        assertFalse(attempts.locked("anna"), "unlocked after 15 minutes");
        assertFalse(attempts.failed("anna"), "and counting starts again");
    }

    @Test
    void failuresSpreadOverMoreThanTheLockTimeDoNotAddUp() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("anna");
        }
        now = now.plus(Duration.ofMinutes(16));
        assertFalse(attempts.failed("anna"));
        assertFalse(attempts.locked("anna"));
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("anna");
        }
        attempts.succeeded("anna");
        assertFalse(attempts.failed("anna"));
        assertFalse(attempts.locked("anna"));
    }
}
