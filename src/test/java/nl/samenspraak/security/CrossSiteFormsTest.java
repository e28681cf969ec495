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
 * A form posted from another site to the service addressed as localhost (as in a test, or a service someone runs on
 * their own machine). Found in issue 11's notes: the framework's guard against drive-by-localhost attacks refused it
 * with an EMPTY 403, a blank page to the person and no error to a JSON client. It is still refused, now in words: the
 * form came from elsewhere, open the page again here.
 */
@SharedService
class CrossSiteFormsTest {
    @Inject
    EmbeddedServer server;

    private PageHttp.Reply post(String path, String origin, String accept, String language) {
        PageHttp http = new PageHttp(server.getURL().toString());
        return http.send(http.request(path).header("Accept", accept).header("Origin", origin).header("Accept-Language", language)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("flow=voorbeeld&username=x&password=y")));
    }

    @Test
    void aFormFromAnotherSiteIsRefusedWithAPageInThePersonsLanguage() {
        for (String path : List.of("/start", "/login", "/admin/teams", "/resume")) {
            for (String origin : List.of("https://elders.example", "null")) {
                PageHttp.Reply polish = post(path, origin, PageHttp.HTML, "pl");
                assertEquals(403, polish.status(), path);
                assertTrue(polish.body().contains("lang=\"pl\"") && polish.body().contains("nie pochodził z tej strony"),
                        path + " from " + origin + ": a page saying the form came from elsewhere: " + polish.body());
                PageHttp.Reply arabic = post(path, origin, PageHttp.HTML, "ar");
                assertTrue(arabic.body().contains("dir=\"rtl\"") && arabic.body().contains("لم يأتِ هذا النموذج من هذا الموقع"),
                        path + ": in Arabic too: " + arabic.body());
            }
        }
    }

    @Test
    void aJsonClientGetsAJsonError() {
        for (String path : List.of("/start", "/login", "/api/conversations", "/intermediair/api/conversations/x/answers")) {
            PageHttp.Reply json = post(path, "https://elders.example", "application/json", "en");
            assertEquals(403, json.status(), path);
            assertTrue(json.header("Content-Type").startsWith("application/json"), path + ": " + json.header("Content-Type"));
            assertTrue(json.body().startsWith("{\"code\":\"cross_site_refused\",\"error\":\"This form did not come from this site"), path + ": " + json.body());
        }
    }
}
