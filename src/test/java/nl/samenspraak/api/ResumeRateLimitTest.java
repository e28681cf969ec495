package nl.samenspraak.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Guessing resume codes is slowed down: after a few look-ups a client has to wait. The counts are in the database,
 * shared with every other test in this JVM, so this client is one of its own behind the (trusted) test proxy. The
 * configuration is {@link nl.samenspraak.limits.ClientLimitsTest}'s, start and lock-out limits too (unused here), so
 * both run on one started service.
 */
@SharedService
@Property(name = "samenspraak.trusted.proxies", value = "127.0.0.1/32,::1/128")
@Property(name = "samenspraak.limits.starts-per-hour", value = "3")
@Property(name = "samenspraak.limits.resume-attempts-per-minute", value = "3")
@Property(name = "samenspraak.security.lockout.max-failures-per-client", value = "20")
class ResumeRateLimitTest {
    @Inject
    EmbeddedServer server;

    @Test
    void theFourthLookUpInAMinuteIsRefused() {
        PageHttp http = new PageHttp(server.getURL().toString());
        int n = UUID.randomUUID().hashCode() & 0xFFFF;
        String client = "10." + (n >> 8) + "." + (n & 0xFF) + ".1";
        for (int i = 0; i < 3; i++) {
            assertEquals(404, http.send(http.request("/api/resume/AAAA222" + (i + 2)).header("X-Forwarded-For", client).GET()).status());
        }
        PageHttp.Reply refused = http.send(http.request("/api/resume/AAAA2229").header("X-Forwarded-For", client)
                .header("Accept-Language", "nl").GET());
        assertEquals(429, refused.status());
        assertEquals("Te veel pogingen. Probeer het over een minuut opnieuw.",
                new JsonHttp.Reply(refused.status(), refused.body()).json().get("error").asText());
    }

    /**
     * A refused start is said in the language the client asked to start in, as the start page says it in the form's
     * language and as an unknown flow is said: until the probe of the public surface the API said it in the
     * browser's language instead.
     */
    @Test
    void aRefusedStartIsSaidInTheLanguageAsked() {
        PageHttp http = new PageHttp(server.getURL().toString());
        int n = UUID.randomUUID().hashCode() & 0xFFFF;
        String client = "10." + (n >> 8) + "." + (n & 0xFF) + ".2";
        PageHttp.Reply refused = null;
        for (int i = 0; i < 4; i++) {
            refused = http.send(http.request("/api/conversations").header("X-Forwarded-For", client)
                    .header("Content-Type", "application/json").header("Accept-Language", "ar")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"flow\":\"werk-jij-diversiteitsproof\",\"language\":\"pl\"}")));
        }
        assertEquals(429, refused.status(), refused.body());
        assertEquals("W ostatniej godzinie z tego adresu rozpoczęto wiele rozmów. Spróbuj ponownie później.",
                new JsonHttp.Reply(refused.status(), refused.body()).json().get("error").asText());
    }
}
