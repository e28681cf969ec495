package nl.samenspraak.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.support.PageHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logging in and out, changing a password and the lock-out, as a person at the login page sees them. */
@SharedService
class LoginTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;

    PageHttp http;

    @BeforeEach
    void client() {
        http = new PageHttp(server.getURL().toString());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Account manager() {
        return accounts.create(unique("manager"), PASSWORD, Role.MANAGER);
    }

    private PageHttp.Reply login(String username, String password) {
        return http.post("/login", form("username", username, "password", password, "lang", "en"), null);
    }

    @Test
    void anIntermediairStartsWhereTheyWorkWithResidents() {
        Account intermediair = accounts.create(unique("intermediair"), PASSWORD, Role.INTERMEDIAIR);
        assertEquals("/intermediair?lang=en", login(intermediair.username(), PASSWORD).location());
    }

    @Test
    void theRightPasswordGivesASignedHttpOnlyStrictCookieThatOpensTheAccountPage() {
        Account manager = manager();
        PageHttp.Reply r = login(manager.username().toUpperCase(), PASSWORD);
        assertEquals(303, r.status(), r.body());
        assertEquals("/dashboard?lang=en", r.location(), "a manager starts at the dashboard");
        String line = r.setCookie(PageHttp.LOGIN_COOKIE);
        assertTrue(line.contains("HTTPOnly") || line.contains("HttpOnly"), line);
        assertTrue(line.contains("SameSite=Strict"), line);
        String header = new String(Base64.getUrlDecoder().decode(r.loginCookie().split("=", 2)[1].split("\\.")[0]));
        assertTrue(header.contains("HS256"), "signed with HMAC-SHA256: " + header);

        PageHttp.Reply page = http.get("/account?lang=en", r.loginCookie());
        assertEquals(200, page.status());
        assertTrue(page.body().contains(manager.username()), page.body());
        assertTrue(page.body().contains("Manager"), page.body());
        assertFalse(page.body().contains(manager.passwordHash()));
    }

    @Test
    void anAdminLandsOnTheTeamsAndAnAskedPageIsWhereLoginReturns() {
        Account admin = accounts.create(unique("admin"), PASSWORD, Role.ADMIN);
        assertEquals("/admin/teams?lang=en", login(admin.username(), PASSWORD).location());
        PageHttp.Reply asked = http.post("/login", form("username", admin.username(), "password", PASSWORD,
                "next", "/admin/accounts"), null);
        assertEquals("/admin/accounts", asked.location());
        PageHttp.Reply elsewhere = http.post("/login", form("username", admin.username(), "password", PASSWORD,
                "next", "//evil.example/x"), null);
        assertEquals("/admin/teams?lang=nl", elsewhere.location(), "never to another site");
    }

    @Test
    void aWrongPasswordAnUnknownNameAndADisabledAccountLookTheSame() {
        Account manager = manager();
        Account admin = accounts.create(unique("admin"), PASSWORD, Role.ADMIN);
        Account disabled = manager();
        accounts.setEnabled(admin.id(), disabled.id(), false);

        PageHttp.Reply wrong = login(manager.username(), "not the password at all");
        PageHttp.Reply unknown = login(unique("nobody"), PASSWORD);
        PageHttp.Reply off = login(disabled.username(), PASSWORD);
        for (PageHttp.Reply r : List.of(wrong, unknown, off)) {
            assertEquals(401, r.status());
            assertNull(r.loginCookie());
            assertTrue(r.body().contains("The username or password is not right."), r.body());
        }
        assertEquals(strip(wrong.body(), manager.username()), strip(unknown.body(), "nobody-"));
    }

    /** The page without the typed name, to compare two pages that differ only in it. */
    private static String strip(String body, String typed) {
        return body.replaceAll("value=\"" + (typed.endsWith("-") ? typed + "[0-9a-f]{8}" : typed) + "\"", "");
    }

    @Test
    void fiveFailuresLockTheNameEvenForTheRightPasswordAndAnUnknownNameTheSameWay() {
        Account manager = manager();
        String nobody = unique("nobody");
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, login(manager.username(), "wrong password " + i).status());
            assertEquals(401, login(nobody, "wrong password " + i).status());
        }
        PageHttp.Reply fifth = login(manager.username(), "wrong password 5");
        assertEquals(429, fifth.status());
        assertTrue(fifth.body().contains("Too many failed attempts. Wait 15 minutes"), fifth.body());
        assertEquals(429, login(nobody, "wrong password 5").status(), "an unknown name locks the same way");

        PageHttp.Reply right = login(manager.username(), PASSWORD);
        assertEquals(429, right.status());
        assertNull(right.loginCookie());
        assertTrue(right.body().contains("Too many failed attempts."), right.body());
        assertEquals(303, login(manager().username(), PASSWORD).status(), "other names are not locked");
    }

    @Test
    void loggingOutClearsTheCookieAndEndsTheTokenEvenIfKept() {
        Account manager = manager();
        String cookie = http.login(manager.username(), PASSWORD);
        PageHttp.Reply out = http.post("/logout", form("lang", "en"), cookie);
        assertEquals(303, out.status());
        assertEquals("/login?lang=en&done=logged_out", out.location());
        assertTrue(out.setCookie(PageHttp.LOGIN_COOKIE).matches("samenspraak_login=;.*Max-Age=0.*"), out.setCookie(PageHttp.LOGIN_COOKIE));
        assertTrue(http.get(out.location(), null).body().contains("You have logged out."));

        PageHttp.Reply reused = http.get("/account", cookie);
        assertEquals(303, reused.status(), "a token kept after logout no longer works");
        assertTrue(reused.location().endsWith("/login?next=%2Faccount"), reused.location());
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        Account manager = manager();
        String cookie = http.login(manager.username(), PASSWORD);
        String otherDevice = http.login(manager.username(), PASSWORD);
        String next = "another long password";

        PageHttp.Reply wrongCurrent = http.post("/account/password",
                form("lang", "en", "current", "wrong current password", "password", next, "repeat", next), cookie);
        assertEquals(422, wrongCurrent.status());
        assertTrue(wrongCurrent.body().contains("Your current password is not right."), wrongCurrent.body());
        PageHttp.Reply tooShort = http.post("/account/password",
                form("lang", "en", "current", PASSWORD, "password", "short", "repeat", "short"), cookie);
        assertEquals(422, tooShort.status());
        assertTrue(tooShort.body().contains("A password has at least 12 characters."), tooShort.body());
        PageHttp.Reply differ = http.post("/account/password",
                form("lang", "en", "current", PASSWORD, "password", next, "repeat", next + "!"), cookie);
        assertTrue(differ.body().contains("The two new passwords are not the same."), differ.body());

        PageHttp.Reply changed = http.post("/account/password",
                form("lang", "en", "current", PASSWORD, "password", next, "repeat", next), cookie);
        assertEquals(303, changed.status(), changed.body());
        assertEquals("/account?lang=en&done=password_changed", changed.location());
        assertNotNull(changed.loginCookie(), "this browser stays logged in");
        assertEquals(200, http.get("/account", changed.loginCookie()).status());
        assertEquals(303, http.get("/account", otherDevice).status(), "the other session has ended");
        assertEquals(401, login(manager.username(), PASSWORD).status());
        assertEquals(303, login(manager.username(), next).status());
    }

    @Test
    void aForgedOrUnsignedTokenIsNoLogin() throws Exception {
        Account admin = accounts.create(unique("admin"), PASSWORD, Role.ADMIN);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(admin.username()).claim("roles", List.of("admin"))
                .claim("aid", admin.id()).claim("sv", admin.sessionVersion())
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build();
        String unsigned = new PlainJWT(claims).serialize();
        SignedJWT otherKey = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        otherKey.sign(new MACSigner("an entirely different secret of enough bytes!!".getBytes()));
        for (String token : List.of(unsigned, otherKey.serialize())) {
            PageHttp.Reply r = http.get("/admin/teams", PageHttp.LOGIN_COOKIE + "=" + token);
            assertEquals(303, r.status());
            assertTrue(r.location().contains("/login"), r.location());
        }
    }

    @Test
    void theLoginPageSpeaksTheAskedLanguageWithItsDirection() {
        PageHttp.Reply arabic = http.get("/login?lang=ar", null);
        assertEquals(200, arabic.status());
        assertTrue(arabic.body().contains("<html lang=\"ar\" dir=\"rtl\">"), arabic.body());
        assertTrue(arabic.body().contains("<label for=\"username\">اسم المستخدم</label>"), arabic.body());
        PageHttp.Reply dutch = http.get("/login", null);
        assertTrue(dutch.body().contains("<label for=\"password\">Wachtwoord</label>"), dutch.body());
    }
}
