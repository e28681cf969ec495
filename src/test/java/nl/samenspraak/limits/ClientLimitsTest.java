package nl.samenspraak.limits;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The limits behind a trusted proxy (here the test itself, 127.0.0.1, plays the proxy): each real client, as the
 * proxy's X-Forwarded-For names it, has its own lock-out and its own share of resume look-ups and starts; an IPv6
 * client shares one with its whole /64. The counts are in the database, shared by every instance. The service is
 * shared with {@link nl.samenspraak.api.ResumeRateLimitTest}, which asks for the same configuration.
 */
@SharedService
@Property(name = "samenspraak.trusted.proxies", value = "127.0.0.1/32,::1/128")
@Property(name = "samenspraak.limits.starts-per-hour", value = "3")
@Property(name = "samenspraak.limits.resume-attempts-per-minute", value = "3")
@Property(name = "samenspraak.security.lockout.max-failures-per-client", value = "20")
class ClientLimitsTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;

    /** One client for every request of the class (forty-odd), its connections kept open, instead of one per request. */
    private static PageHttp httpOnce;

    private PageHttp http() {
        if (httpOnce == null) {
            httpOnce = new PageHttp(server.getURL().toString());
        }
        return httpOnce;
    }

    private PageHttp.Reply login(String from, String username, String password) {
        PageHttp http = http();
        return http.post("/login", form("username", username, "password", password), null,
                Map.of("Origin", http.base(), "X-Forwarded-For", from));
    }

    private int start(String from) {
        return start(from, "voorbeeld", "nl");
    }

    private int start(String from, String flow, String language) {
        PageHttp http = http();
        return http.send(http.request("/api/conversations").header("Content-Type", "application/json")
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString("{\"flow\":\"" + flow + "\",\"language\":\"" + language + "\"}"))).status();
    }

    /**
     * A start refused for an unknown flow or a language the flow lacks starts nothing and uses none of the client's
     * share: thirty such typos in an app locked a shared address out for an hour, told that too many conversations
     * had been started from it when none had (the API probe of December 2026). The start page counts alike.
     */
    @Test
    void aRefusedStartUsesNoneOfTheClientsShare() {
        String from = "192.0.2.177";
        for (int i = 0; i < 4; i++) {
            assertEquals(404, start(from, "geen-gesprek", "nl"), "an unknown flow");
            assertEquals(422, start(from, "voorbeeld", "xx"), "a language the flow lacks");
        }
        PageHttp.Reply page = http().post("/start", form("flow", "geen-gesprek", "lang", "nl"), null, Map.of("X-Forwarded-For", from));
        assertEquals(404, page.status());
        for (int i = 0; i < 3; i++) {
            assertEquals(201, start(from), "start " + i + " after the refused ones");
        }
        assertEquals(429, start(from), "the share is three starts");
        assertEquals(404, start(from, "geen-gesprek", "nl"), "an unknown flow is said to be unknown, share or not");
    }

    private int resume(String from) {
        PageHttp http = http();
        return http.send(http.request("/api/resume/ZZZZ2222").header("X-Forwarded-For", from).GET()).status();
    }

    @Test
    void aLockOutFromAnotherClientDoesNotLockTheOwnerOut() {
        Account admin = accounts.create("admin-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.ADMIN);
        for (int i = 0; i < 6; i++) {
            login("198.51.100.9", admin.username(), "wrong password " + i);
        }
        assertEquals(429, login("198.51.100.9", admin.username(), PASSWORD).status(), "locked for the attacker");
        assertEquals(303, login("203.0.113.7", admin.username(), PASSWORD).status(), "the owner gets in from elsewhere");
    }

    @Test
    void sprayingOverManyNamesIsLimitedPerClient() {
        String from = "198.51.100.44";
        for (int i = 0; i < 20; i++) {
            login(from, "sprayed-" + i + "-" + UUID.randomUUID(), "Welkom2026!");
        }
        Account someone = accounts.create("someone-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.MANAGER);
        assertEquals(429, login(from, someone.username(), PASSWORD).status(), "the spraying client is stopped for every name");
        assertEquals(303, login("198.51.100.45", someone.username(), PASSWORD).status(), "another client is not");
    }

    /**
     * Resume look-ups from one IPv6 /48 have five clients' shares together (here 15 a minute): counted per /64 alone,
     * whoever holds a /48 had 65,536 shares to guess codes with. Another /48 is not held up.
     */
    @Test
    void resumeLookUpsFromOneSlash48HaveFiveSharesTogether() {
        fiveSlash64sShareTheirSlash48s("2001:db8:bb:", this::resume, 404);
        assertEquals(404, resume("2001:db8:cc:1::1"), "another /48 is not held up");
        assertEquals(404, resume("198.51.100.77"), "nor is an IPv4 client");
    }

    @Test
    void startsAreLimitedPerClientAndAnIpv6ClientPerSlash64() {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, start("2001:db8:aa:1::" + (i + 1)), "start " + i);
        }
        assertEquals(429, start("2001:db8:aa:1::99"), "a fourth address of the same /64 is the same client");
        assertEquals(201, start("2001:db8:aa:2::1"), "another /64 is another client");
        PageHttp http = http();
        PageHttp.Reply page = http.post("/start", form("flow", "voorbeeld", "lang", "nl"), null, Map.of("X-Forwarded-For", "2001:db8:aa:1::5"));
        assertEquals(429, page.status(), "the start page counts the same");
    }

    /**
     * Starts from one IPv6 /48 have five clients' shares together (here 15 an hour), as resume look-ups do: counted per
     * /64 alone, whoever holds a /48 started 65,536 times as many conversations (the database filled, a join link's
     * team padded with empty ones).
     */
    @Test
    void startsFromOneSlash48HaveFiveSharesTogether() {
        fiveSlash64sShareTheirSlash48s("2001:db8:ab:", this::start, 201);
        assertEquals(201, start("2001:db8:ac:1::1"), "another /48 is not held up");
    }

    /** Three requests from each of five /64s of the /48 {@code network} get {@code ok}; a sixth /64's is refused. */
    private static void fiveSlash64sShareTheirSlash48s(String network, java.util.function.ToIntFunction<String> request, int ok) {
        for (int net = 1; net <= 5; net++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(ok, request.applyAsInt(network + net + "::" + (i + 1)), "/64 number " + net + ", request " + i);
            }
        }
        assertEquals(429, request.applyAsInt(network + "6::1"), "a sixth /64 of the same /48 finds its network's share used");
    }

    @Test
    void resumeLookUpsArePerRealClientNotPerProxy() {
        for (int i = 0; i < 3; i++) {
            assertEquals(404, resume("192.0.2.10"));
        }
        assertEquals(429, resume("192.0.2.10"));
        assertEquals(404, resume("192.0.2.11"), "one person guessing does not block resuming for everyone behind the proxy");
    }
}
