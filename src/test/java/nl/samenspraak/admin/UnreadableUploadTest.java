package nl.samenspraak.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The questionnaire upload, the one form sent as multipart, with a multipart header its decoder cannot read (a
 * boundary that is empty or a lone quote, a character set Java does not know): the admin is told on a page in their
 * language that the form did not arrive intact (400), a client that accepts anything in JSON. It was JSON for a
 * browser too, answered before the login was looked at, and two of these were a 500 "something went wrong on our side".
 */
@SharedService
class UnreadableUploadTest {
    private static final String PASSWORD = "a long enough password";
    private static final List<String> UNREADABLE = List.of("multipart/form-data; boundary=", "multipart/form-data; boundary=\"",
            "Multipart/Form-Data; charset=utf-8; BOUNDARY= ", "multipart/form-data; charset=nope; boundary=x",
            "multipart/form-data; boundary=x; charset=nope");

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;

    private PageHttp http;
    private String admin;

    @BeforeEach
    void logIn() {
        http = new PageHttp(server.getURL().toString());
        String name = "upload-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, PASSWORD, Role.ADMIN);
        admin = http.login(name, PASSWORD);
    }

    private PageHttp.Reply upload(String contentType, String accept, String language, String cookie) {
        HttpRequest.Builder r = http.request("/admin/questionnaires").header("Accept", accept).header("Accept-Language", language)
                .header("Origin", http.base()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nnl\r\n--x--\r\n"));
        return http.send(cookie == null ? r : r.header("Cookie", cookie));
    }

    @Test
    void aBrowserIsToldOnAPageInItsLanguage() {
        for (String type : UNREADABLE) {
            PageHttp.Reply dutch = upload(type, PageHttp.HTML, "nl", admin);
            assertEquals(400, dutch.status(), type + ": " + dutch.body());
            assertTrue(dutch.header("Content-Type").startsWith("text/html"), type + ": " + dutch.header("Content-Type"));
            assertTrue(dutch.body().contains("Dit formulier kwam niet goed aan, dus er is niets mee gedaan."), dutch.body());
        }
        PageHttp.Reply arabic = upload(UNREADABLE.get(0), PageHttp.HTML, "ar", admin);
        assertEquals(400, arabic.status());
        assertTrue(arabic.body().contains("dir=\"rtl\"") && arabic.body().contains("لم يصل هذا النموذج سليمًا"), arabic.body());
    }

    /** A page's refusal is a page unless the client prefers JSON (system.RefusalWords.Reader.of): curl's default too. */
    @Test
    void aClientThatAcceptsAnythingIsToldOnAPage() {
        for (String type : UNREADABLE) {
            PageHttp.Reply curl = upload(type, "*/*", "en", admin);
            assertEquals(400, curl.status(), type + ": " + curl.body());
            assertTrue(curl.header("Content-Type").startsWith("text/html"), type + ": " + curl.header("Content-Type"));
            assertTrue(curl.body().contains("This form did not arrive intact, so nothing was done with it."), curl.body());
        }
    }

    /** Nothing is read before the login is: without one, the login page, as for any upload. */
    @Test
    void withoutALoginItIsTheLoginPage() {
        PageHttp.Reply r = upload(UNREADABLE.get(0), PageHttp.HTML, "nl", null);
        assertEquals(303, r.status(), r.body());
        assertTrue(r.location().startsWith("/login"), r.location());
    }
}
