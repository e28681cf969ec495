package nl.samenspraak.security;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A visitor who is not logged in asks for a page that needs a login. A browser ({@code Accept: text/html}, alone or
 * among others) is sent to the login page and back. A client that does not name text/html (curl or a webview:
 * {@code *}{@code /*}, or no Accept) gets 401 as a page; until issue 11's probe that page was headed "something went
 * wrong" and led only home, so whoever got it had no way to the login; it now is headed "log in" and leads there.
 */
@SharedService
class LoginFirstTest {
    private static final List<String> AREAS = List.of("/admin", "/admin/accounts", "/dashboard", "/intermediair", "/account");

    @Inject
    EmbeddedServer server;

    private PageHttp.Reply get(String path, String accept) {
        PageHttp http = new PageHttp(server.getURL().toString());
        HttpRequest.Builder r = http.request(path).header("Accept-Language", "en").GET();
        return http.send(accept == null ? r : r.header("Accept", accept));
    }

    @Test
    void aBrowserIsSentToLogIn() {
        for (String area : AREAS) {
            for (String accept : List.of("text/html", PageHttp.HTML)) {
                PageHttp.Reply reply = get(area, accept);
                assertEquals(303, reply.status(), area + " [" + accept + "]");
                assertTrue(reply.location().endsWith("/login?next=" + PageHttp.encodePath(area)), reply.location());
            }
        }
    }

    @Test
    void aClientThatDoesNotNameHtmlGetsAPageThatLeadsToTheLogin() {
        for (String area : AREAS) {
            for (String accept : new String[]{"*/*", null}) {
                PageHttp.Reply reply = get(area + "?x=1", accept);
                assertEquals(401, reply.status(), area + " [" + accept + "]");
                assertTrue(reply.body().contains("<h1>Log in</h1>") && reply.body().contains("Please log in first."),
                        area + " [" + accept + "]: " + reply.body());
                assertTrue(reply.body().contains("href=\"/login?next=" + PageHttp.encodePath(area + "?x=1") + "\""),
                        "a way to the login page, and back: " + reply.body());
            }
        }
    }
}
