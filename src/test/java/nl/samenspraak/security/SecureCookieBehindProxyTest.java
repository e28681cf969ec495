package nl.samenspraak.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The login cookie is Secure when the login came over HTTPS, also through the trusted TLS proxy (its
 * X-Forwarded-Proto), as HSTS already was; a login over plain HTTP, or one whose "https" comes from a peer nobody
 * trusts, gets a cookie without it. Until the probe of the public surface only a TLS connection to the service itself
 * (never the usual set-up behind a proxy) gave a Secure cookie, unless the operator also set
 * MICRONAUT_SECURITY_TOKEN_COOKIE_COOKIE_SECURE. The configuration is {@link nl.samenspraak.limits.ClientLimitsTest}'s,
 * so both run on one started service.
 */
@SharedService
@Property(name = "samenspraak.trusted.proxies", value = "127.0.0.1/32,::1/128")
@Property(name = "samenspraak.limits.starts-per-hour", value = "3")
@Property(name = "samenspraak.limits.resume-attempts-per-minute", value = "3")
@Property(name = "samenspraak.security.lockout.max-failures-per-client", value = "20")
class SecureCookieBehindProxyTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;

    // Each login comes from an address of its own in a range no other test uses: ClientLimitsTest shares this
    // service and locks 198.51.100.44 out, which a random address in that range hit one run in sixty-four.
    private String loginCookieHeader(PageHttp http, String username, String proto, String from) {
        PageHttp.Reply r = http.post("/login", form("username", username, "password", PASSWORD), null,
                Map.of("Origin", http.base(), "X-Forwarded-For", from, "X-Forwarded-Proto", proto));
        assertEquals(303, r.status(), r.body());
        return r.headers().get("set-cookie").stream().filter(c -> c.startsWith(PageHttp.LOGIN_COOKIE + "=")).findFirst()
                .orElseThrow();
    }

    private static boolean secure(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";")).map(String::trim).anyMatch(a -> a.equalsIgnoreCase("Secure"));
    }

    @Test
    void aLoginThroughTheTrustedTlsProxyGetsASecureCookie() {
        PageHttp http = new PageHttp(server.getURL().toString());
        Account admin = accounts.create("admin-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.ADMIN);
        String overHttps = loginCookieHeader(http, admin.username(), "https", "100.64.7.1");
        assertTrue(secure(overHttps), overHttps);
        assertTrue(overHttps.contains("HTTPOnly") || overHttps.toLowerCase(java.util.Locale.ROOT).contains("httponly"), overHttps);
        String overHttp = loginCookieHeader(http, admin.username(), "http", "100.64.7.2");
        assertFalse(secure(overHttp), overHttp);
        // logging out over HTTPS ends the cookie with the same flags, so the browser replaces the one it holds
        String cookie = overHttps.substring(0, overHttps.indexOf(';'));
        PageHttp.Reply out = http.post("/logout", form("lang", "nl"), cookie, Map.of("Origin", http.base(), "X-Forwarded-Proto", "https"));
        assertEquals(303, out.status(), out.body());
        String ended = out.headers().get("set-cookie").stream().filter(c -> c.startsWith(PageHttp.LOGIN_COOKIE + "=")).findFirst()
                .orElseThrow();
        assertTrue(secure(ended), ended);
    }
}
