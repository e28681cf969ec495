package nl.samenspraak.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.support.JsonHttp;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Guessing resume codes is slowed down: after a few look-ups a client has to wait. */
@MicronautTest
@Property(name = "samenspraak.resume.attempts-per-minute", value = "3")
class ResumeRateLimitTest {
    @Inject
    EmbeddedServer server;

    @Test
    void theFourthLookUpInAMinuteIsRefused() {
        JsonHttp http = new JsonHttp(server.getURL().toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(404, http.get("/api/resume/AAAA222" + (i + 2)).status());
        }
        JsonHttp.Reply refused = http.get("/api/resume/AAAA2229", "nl");
        assertEquals(429, refused.status());
        assertEquals("Te veel pogingen. Probeer het over een minuut opnieuw.", refused.json().get("error").asText());
    }
}
