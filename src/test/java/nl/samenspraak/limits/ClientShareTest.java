package nl.samenspraak.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client's share and its IPv6 /48's: counted under both or neither. */
class ClientShareTest {
    private final AttemptLog log = new MemoryAttemptLog();
    private final Instant now = Instant.parse("2026-12-05T13:00:00Z");
    private final Duration minute = Duration.ofMinutes(1);

    private boolean attempt(String client) {
        return ClientShare.of("test", client, "", 3).addIfUnder(log, now, minute);
    }

    @Test
    void aRefusalByTheClientsOwnCountTakesNothingFromItsNetworksShare() {
        for (int i = 0; i < 3; i++) {
            assertTrue(attempt("2001:db8:1:1::/64"));
        }
        for (int i = 0; i < 10; i++) {
            assertFalse(attempt("2001:db8:1:1::/64"), "the /64's own share is spent");
        }
        for (int net = 2; net <= 5; net++) {
            for (int i = 0; i < 3; i++) {
                assertTrue(attempt("2001:db8:1:" + net + "::/64"),
                        "the other four /64s still have their shares of the /48's fifteen (/64 " + net + ")");
            }
        }
        assertFalse(attempt("2001:db8:1:6::/64"), "and then the /48's share is spent");
    }

    @Test
    void anIpv4AddressOrAChatHasItsOwnShareOnly() {
        for (int i = 0; i < 3; i++) {
            assertTrue(attempt("192.0.2.1"));
            assertTrue(attempt("telegram:42"));
        }
        assertFalse(attempt("192.0.2.1"));
        assertFalse(attempt("telegram:42"));
        assertTrue(attempt("192.0.2.2"), "a neighbouring IPv4 address is another client");
    }
}
