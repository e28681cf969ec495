package nl.samenspraak.limits;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A result's PDF is made anew at every request, a tenth to a quarter of a second of CPU: one client asking in a loop
 * kept a small server's cores busy (outsider probe, 40 PDFs in 3.5 s). Each client may have a few made a minute (here
 * 3), on every route that makes one; the next request is refused in the reader's language with Retry-After, whether
 * the conversation is there or not (the refusal tells nothing about an id); another client is not held up.
 */
@SharedService
@Property(name = "samenspraak.trusted.proxies", value = "127.0.0.1/32,::1/128")
@Property(name = "samenspraak.limits.documents-per-minute", value = "3")
class DocumentLimitTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Respondents respondents;

    /**
     * An address no other request of the suite comes from, so each test starts with a whole share: drawn from 250
     * addresses, two of this class's tests got the same one now and then, and the second found it used (a 429 where
     * its first PDF should have come).
     */
    private static String aClient() {
        int n = CLIENTS.getAndIncrement();
        return "198.18." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger(new Random().nextInt(1 << 15));

    private PageHttp.Reply pdf(PageHttp http, String path, String from, String language) {
        return http.send(http.request(path).header("X-Forwarded-For", from).header("Accept-Language", language).GET());
    }

    @Test
    void aClientGetsAFewPdfsAMinuteThenAClearRefusal() {
        PageHttp http = new PageHttp(server.getURL().toString());
        String id = respondents.finish("werk-jij-diversiteitsproof", "nl", Origin.NONE, Map.of());
        String from = aClient();
        for (int i = 0; i < 3; i++) {
            PageHttp.Reply made = pdf(http, "/c/" + id + "/result.pdf", from, "nl");
            assertEquals(200, made.status());
            assertEquals("application/pdf", made.header("Content-Type"));
        }
        PageHttp.Reply refused = pdf(http, "/c/" + id + "/result.pdf", from, "ar");
        assertEquals(429, refused.status());
        assertEquals("60", refused.header("Retry-After"));
        assertTrue(refused.body().contains("محاولات كثيرة جدًا"), "in the reader's language: " + refused.body());

        String nobody = UUID.randomUUID().toString();
        PageHttp.Reply unknown = pdf(http, "/c/" + nobody + "/result.pdf", from, "ar");
        assertEquals(429, unknown.status(), "the same refusal for an id that is not there: it tells nothing about ids");
        // word for word but for the address itself (its language links ask for it again), in the same language: a Dutch
        // conversation's refusal in Dutch told a limited client which ids are there
        assertEquals(refused.body().replace(id, "ID"), unknown.body().replace(nobody, "ID"));
        assertEquals(429, pdf(http, "/h/" + "x".repeat(20) + "/result.pdf", from, "nl").status(), "every route that makes one");

        assertEquals(200, pdf(http, "/c/" + id + "/result.pdf", "203.0.113.9", "nl").status(), "another client is not held up");
    }

    /**
     * The download link on an Arabic conversation's page names its language, so a refused download (here: too many)
     * says so in Arabic on a phone set to Dutch; the link had no language, and the refusal came in the browser's.
     */
    @Test
    void theChatsPdfLinkIsRefusedInTheConversationsLanguage() {
        PageHttp http = new PageHttp(server.getURL().toString());
        String id = respondents.finish("werk-jij-diversiteitsproof", "ar", Origin.NONE, Map.of());
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a class=\"button\" href=\"([^\"]+)\" download>")
                .matcher(http.get("/c/" + id, null).body());
        assertTrue(link.find(), "the finished chat offers its PDF");
        String pdf = link.group(1).replace("&amp;", "&");
        String from = aClient();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, pdf(http, pdf, from, "nl").status());
        }
        PageHttp.Reply refused = pdf(http, pdf, from, "nl");
        assertEquals(429, refused.status());
        assertTrue(refused.body().contains("محاولات كثيرة جدًا"), "in the conversation's language: " + refused.body());
    }

    /**
     * A PDF reader app asks for the PDF by its type: it gets its few PDFs (406 before), then the refusal as a page in
     * its reader's language, labelled as the page it is, not as the PDF it asked for.
     */
    @Test
    void aClientAskingForPdfsByTheirTypeGetsItsShareThenThePageThatSaysWait() {
        PageHttp http = new PageHttp(server.getURL().toString());
        String id = respondents.finish("werk-jij-diversiteitsproof", "nl", Origin.NONE, Map.of());
        String from = aClient();
        for (int i = 0; i < 3; i++) {
            PageHttp.Reply made = http.send(http.request("/c/" + id + "/result.pdf").header("X-Forwarded-For", from)
                    .header("Accept", "application/pdf").GET());
            assertEquals(200, made.status(), made.body());
            assertEquals("application/pdf", made.header("Content-Type"));
            assertTrue(made.body().startsWith("%PDF"));
        }
        PageHttp.Reply refused = http.send(http.request("/c/" + id + "/result.pdf").header("X-Forwarded-For", from)
                .header("Accept", "application/pdf").header("Accept-Language", "ar").GET());
        assertEquals(429, refused.status());
        assertEquals("60", refused.header("Retry-After"));
        assertTrue(refused.header("Content-Type").startsWith("text/html"), refused.header("Content-Type"));
        assertTrue(refused.body().startsWith("<!doctype html>") && refused.body().contains("محاولات كثيرة جدًا"), refused.body());
    }

    /**
     * The /64s of one IPv6 /48 have five clients' shares together (here 15 PDFs a minute): counted per /64 alone, a
     * household given a /56 had 256 shares, enough PDFs a minute to keep eight cores busy.
     */
    @Test
    void theSlash64sOfOneSlash48ShareFiveClientsPdfs() {
        PageHttp http = new PageHttp(server.getURL().toString());
        String network = "2001:db8:" + Integer.toHexString(1 + Math.floorMod(UUID.randomUUID().hashCode(), 0xfffe)) + ":";
        for (int net = 1; net <= 5; net++) {
            for (int i = 0; i < 3; i++) {
                // an id that is not there costs no PDF but counts the same (the refusal tells nothing about ids)
                assertEquals(404, pdf(http, "/c/" + UUID.randomUUID() + "/result.pdf", network + net + "::1", "nl").status(),
                        "/64 number " + net + ", request " + i);
            }
        }
        assertEquals(429, pdf(http, "/c/" + UUID.randomUUID() + "/result.pdf", network + "6::1", "nl").status(),
                "a sixth /64 of the same /48 finds its network's share used");
        assertEquals(404, pdf(http, "/c/" + UUID.randomUUID() + "/result.pdf", "2001:db8:0:1::1", "nl").status(),
                "another /48 is not held up");
    }
}
