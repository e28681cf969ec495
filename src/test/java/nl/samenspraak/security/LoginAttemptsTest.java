package nl.samenspraak.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lock-out over time: five failures lock a name for fifteen minutes; old failures are forgotten. */
/**
 * Lock-out per (client, name) and per client across names (issue 9, item 6): failures from one place never lock the
 * owner out elsewhere; spraying one password over many names from one client is stopped.
 */
class LoginAttemptsTest {
    static final String HOME = "203.0.113.7";
    static final String ATTACKER = "198.51.100.9";
    private Instant now = Instant.parse("2026-11-23T09:00:00Z");
    private final LoginAttempts attempts = new LoginAttempts(new nl.samenspraak.limits.MemoryAttemptLog(), 5, 20,
            Duration.ofMinutes(15), new Clock() {
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
    void theFifthFailureLocksTheNameForThatClientForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            assertFalse(wrong(ATTACKER, "anna"));
        }
        assertFalse(attempts.locked(ATTACKER, "anna"));
        assertTrue(wrong(ATTACKER, "anna"));
        assertTrue(attempts.locked(ATTACKER, "anna"));
        assertFalse(attempts.locked(ATTACKER, "bram"));
        now = now.plus(Duration.ofMinutes(14));
        assertTrue(attempts.locked(ATTACKER, "anna"));
        now = now.plus(Duration.ofMinutes(15));
        assertFalse(attempts.locked(ATTACKER, "anna"), "unlocked after 15 minutes");
        assertFalse(wrong(ATTACKER, "anna"), "and counting starts again");
    }

    @Test
    void aLockOutFromAnotherClientDoesNotLockTheOwnerOut() {
        for (int i = 0; i < 10; i++) {
            wrong(ATTACKER, "admin");
        }
        assertTrue(attempts.locked(ATTACKER, "admin"));
        assertFalse(attempts.locked(HOME, "admin"), "the admin at home still gets in");
    }

    @Test
    void sprayingOnePasswordOverManyNamesIsLimitedPerClient() {
        for (int i = 0; i < 19; i++) {
            assertFalse(wrong(ATTACKER, "name" + i), "one failure per name: no name lock");
        }
        assertTrue(wrong(ATTACKER, "name19"), "the 20th failure from one client locks the client");
        assertTrue(attempts.locked(ATTACKER, "someone-else"), "for every name");
        assertFalse(attempts.locked(HOME, "name3"), "other clients are not affected");
    }

    @Test
    void failuresSpreadOverMoreThanTheLockTimeDoNotAddUp() {
        for (int i = 0; i < 4; i++) {
            wrong(HOME, "anna");
        }
        now = now.plus(Duration.ofMinutes(16));
        assertFalse(wrong(HOME, "anna"));
        assertFalse(attempts.locked(HOME, "anna"));
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            wrong(HOME, "anna");
        }
        right(HOME, "anna");
        assertFalse(wrong(HOME, "anna"));
        assertFalse(attempts.locked(HOME, "anna"));
    }

    @Test
    void successfulLoginsFromOneOfficeDoNotLockItsAddress() {
        for (int i = 0; i < 40; i++) {
            right(HOME, "colleague" + i);
        }
        assertFalse(attempts.locked(HOME, "anna"), "forty colleagues behind one address logged in: nobody is locked");
        assertFalse(wrong(HOME, "anna"));
    }

    @Test
    void aLockedNameGetsNoAttemptAndALockedClientCostsTheNameNothing() {
        for (int i = 0; i < 5; i++) {
            wrong(ATTACKER, "anna");
        }
        assertTrue(attempts.begin(ATTACKER, "anna").isEmpty(), "locked: the password is not even checked");
        for (int i = 0; i < 15; i++) {
            wrong(ATTACKER, "name" + i);
        }
        assertTrue(attempts.begin(ATTACKER, "bram").isEmpty(), "the client is locked for every name");
        now = now.plus(Duration.ofMinutes(16));
        assertTrue(attempts.begin(ATTACKER, "bram").isPresent());
    }

    /**
     * One IPv6 /48 has five clients' shares of a name's failures together: counted per /64 alone, whoever holds a /48
     * (a household or an office is given one) tried 65,536 times five passwords per name every fifteen minutes.
     */
    @Test
    void theSlash64sOfOneSlash48ShareFiveClientsFailuresOfAName() {
        for (int net = 1; net <= 5; net++) {
            for (int i = 0; i < 5; i++) {
                wrong("2001:db8:bb:" + net + "::/64", "admin");
            }
            assertTrue(attempts.locked("2001:db8:bb:" + net + "::/64", "admin"), "each /64 is locked out of the name");
        }
        assertTrue(attempts.locked("2001:db8:bb:6::/64", "admin"), "a sixth /64 of the /48 gets no guesses of its own");
        assertTrue(attempts.begin("2001:db8:bb:6::/64", "admin").isEmpty(), "the password is not even checked");
        assertFalse(attempts.locked("2001:db8:bb:6::/64", "anna"), "another name from that /48 is not locked");
        assertFalse(attempts.locked("2001:db8:cc:1::/64", "admin"), "the owner elsewhere still gets in");
    }

    @Test
    void sprayingFromManySlash64sOfOneSlash48IsLimitedPerNetwork() {
        for (int i = 0; i < 100; i++) {
            wrong("2001:db8:dd:" + Integer.toHexString(i / 19 + 1) + "::/64", "name" + i);
        }
        assertTrue(attempts.locked("2001:db8:dd:ff::/64", "someone-else"),
                "a /48 that failed a hundred times over as many names is locked for every name, from any of its /64s");
        assertFalse(attempts.locked(HOME, "someone-else"), "other clients are not affected");
    }

    @Test
    void aSuccessForgivesTheClientNotTheRestOfItsSlash48() {
        for (int net = 1; net <= 4; net++) {
            for (int i = 0; i < 5; i++) {
                wrong("2001:db8:ee:" + net + "::/64", "anna");
            }
        }
        right("2001:db8:ee:9::/64", "anna");
        for (int i = 0; i < 4; i++) {
            assertFalse(wrong("2001:db8:ee:9::/64", "anna"), "anna's own /64 has its share again after she got in");
        }
        assertTrue(wrong("2001:db8:ee:9::/64", "anna"), "but the /48's share is spent by now (20 + 5 failures)");
        assertTrue(attempts.locked("2001:db8:ee:a::/64", "anna"), "and the other /64s of the /48 find it locked");
    }

    /** A wrong password, as LoginCheck reports it: true when this client may not try that name any more. */
    private boolean wrong(String client, String name) {
        return attempts.begin(client, name).map(attempts::failed).orElse(true);
    }

    private void right(String client, String name) {
        attempts.succeeded(attempts.begin(client, name).orElseThrow());
    }
}
