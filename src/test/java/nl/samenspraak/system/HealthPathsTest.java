package nl.samenspraak.system;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The health endpoint's addresses. Found in issue 11's notes: {@code /health/x}, a health check that does not exist,
 * was 400 "bad request" (the framework could not read "x" as liveness or readiness), which tells an operator who
 * mistyped the load balancer's check that their request was malformed; it is an address that is not there.
 */
@SharedService
class HealthPathsTest {
    @Inject
    EmbeddedServer server;

    @Test
    void aHealthCheckThatDoesNotExistIsNotFound() {
        PageHttp http = new PageHttp(server.getURL().toString());
        for (String path : new String[]{"/health/x", "/health/readyness", "/health/liveness/x"}) {
            PageHttp.Reply json = http.get(path, null, "application/json");
            assertEquals(404, json.status(), path + ": " + json.body());
            assertTrue(json.body().contains("\"error\""), "a JSON client gets a JSON error: " + json.body());
            PageHttp.Reply page = http.get(path, null);
            assertEquals(404, page.status(), path);
            assertTrue(page.body().contains("<html"), "a browser gets the not-found page: " + page.body());
        }
        assertEquals(200, http.get("/health", null, "application/json").status());
        assertEquals(200, http.get("/health/liveness", null, "application/json").status());
        assertEquals(200, http.get("/health/readiness", null, "application/json").status());
    }
}
