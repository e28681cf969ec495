package nl.samenspraak.limits;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.support.PageHttp;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * No trusted proxy is configured (the default): an X-Forwarded-For or X-Forwarded-Proto that a client makes up is
 * ignored, so a fresh header never buys a fresh bucket, nor HSTS for a plain HTTP request.
 */
@SharedService
@Property(name = "samenspraak.limits.resume-attempts-per-minute", value = "3")
class UntrustedProxyTest {
    @Inject
    EmbeddedServer server;

    @Test
    void aMadeUpForwardedForFromAnUntrustedPeerIsIgnored() {
        PageHttp http = new PageHttp(server.getURL().toString());
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            PageHttp.Reply r = http.send(http.request("/api/resume/ZZZZ3333").header("X-Forwarded-For", "192.0.2." + (50 + i))
                    .header("X-Forwarded-Proto", "https").GET());
            assertFalse(r.headers().containsKey("strict-transport-security"));
            refused += r.status() == 429 ? 1 : 0;
        }
        // other tests in this JVM may have looked up from 127.0.0.1 too: at least the last three are refused
        org.junit.jupiter.api.Assertions.assertTrue(refused >= 3,
                "six look-ups from one socket address, each with another made-up header: refused " + refused);
    }
}
