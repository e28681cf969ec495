package nl.samenspraak.system;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Accept header read as HTTP says: a range ({@code application/*}, {@code text/*}) asks for every type it covers,
 * and {@code q=0} says "not this one". The framework compared names only: {@code application/*} was 406 at every
 * address (404 "this address does not exist" for a POST to the API), and a type refused with {@code q=0} was served.
 */
@SharedService
class AcceptNegotiationTest {
    static final String ARABIC_406 = "لا يمكن لهذا العنوان أن يجيب بالصيغة التي تطلبها";
    static final String START = "{\"flow\":\"wijkanalyse\",\"language\":\"nl\"}";

    @Inject
    EmbeddedServer server;
    @Inject
    Respondents respondents;
    @Inject
    DataSource dataSource;

    private PageHttp.Reply get(String path, String accept) {
        PageHttp http = new PageHttp(server.getURL().toString());
        HttpRequest.Builder request = http.request(path).header("Accept-Language", "ar");
        return http.send(accept == null ? request.GET() : request.header("Accept", accept).GET());
    }

    private PageHttp.Reply start(String accept) {
        PageHttp http = new PageHttp(server.getURL().toString());
        return http.send(http.request("/api/conversations").header("Accept", accept).header("Accept-Language", "ar")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(START)));
    }

    @Test
    void aRangeAsksForEveryTypeItCovers() {
        for (String accept : List.of("application/*", "application/*, text/*;q=0.5", "*/*", "application/json")) {
            PageHttp.Reply flows = get("/api/flows", accept);
            assertEquals(200, flows.status(), accept + ": " + flows.body());
            assertTrue(flows.header("Content-Type").startsWith("application/json"), accept);
            assertTrue(flows.body().startsWith("[{\"id\""), accept + ": " + flows.body());
        }
        assertEquals(200, get("/api/flows", null).status(), "no Accept at all");
        // a conversation is started by a client that takes any application/...: it was 404, "this address does not exist"
        PageHttp.Reply started = start("application/*");
        assertEquals(201, started.status(), started.body());
        assertTrue(new JsonHttp.Reply(started.status(), started.body()).json().get("id").asText().length() > 10, started.body());

        for (String accept : List.of("text/*", "text/*, application/json;q=0.1", PageHttp.HTML)) {
            PageHttp.Reply page = get("/?lang=nl", accept);
            assertEquals(200, page.status(), accept + ": " + page.body());
            assertTrue(page.header("Content-Type").startsWith("text/html"), accept);
            assertTrue(page.body().startsWith("<!doctype html>"), accept);
        }
        // a range that covers nothing the address gives is still 406, a page where a page was asked for and in JSON
        // from the API, in the person's language
        PageHttp.Reply textFromTheApi = get("/api/flows", "text/*");
        assertEquals(406, textFromTheApi.status(), textFromTheApi.body());
        assertTrue(textFromTheApi.body().contains(ARABIC_406), textFromTheApi.body());
        assertTrue(textFromTheApi.header("Content-Type").startsWith("application/json"), textFromTheApi.header("Content-Type"));
        PageHttp.Reply anApplicationPage = get("/", "application/*");
        assertEquals(406, anApplicationPage.status(), anApplicationPage.body());
        assertTrue(anApplicationPage.body().startsWith("<!doctype html>"), anApplicationPage.body());
        assertTrue(anApplicationPage.body().contains(ARABIC_406), anApplicationPage.body());
    }

    @Test
    void aTypeWithQZeroIsNotServed() throws Exception {
        // the API's JSON: refused as such, and then 406 in JSON (what the API always answers)
        for (String accept : List.of("application/json;q=0", "*/*, application/json;q=0", "application/*, application/json;q=0")) {
            PageHttp.Reply flows = get("/api/flows", accept);
            assertEquals(406, flows.status(), accept + ": " + flows.body());
            assertTrue(flows.body().contains(ARABIC_406), accept + ": " + flows.body());
        }
        // the most specific range decides: "anything but, well, JSON after all"
        assertEquals(200, get("/api/flows", "*/*;q=0, application/json").status());
        assertEquals(200, get("/api/flows", "application/*;q=0, application/json;q=0.3").status());

        // a page refused as HTML: the refusal is the page all the same (labelled as what it is)
        for (String accept : List.of("text/html;q=0", "text/html;q=0, */*", "text/*;q=0, application/json")) {
            PageHttp.Reply page = get("/login", accept);
            assertEquals(406, page.status(), accept + ": " + page.body());
            assertTrue(page.body().contains(ARABIC_406), accept + ": " + page.body());
        }

        // a result's PDF refused as a PDF: the page that says the format is not given, not the PDF (the route also
        // gives a page, but only the one that says why there is no PDF), in the conversation's language (Arabic here,
        // as the client asks: a refusal on a conversation's address speaks the conversation's)
        String id = respondents.finish("werk-jij-diversiteitsproof", "ar", Origin.NONE, Map.of());
        for (String accept : List.of("application/pdf;q=0", "application/pdf;q=0, text/html", "*/*, application/pdf;q=0")) {
            PageHttp.Reply pdf = get("/c/" + id + "/result.pdf", accept);
            assertEquals(406, pdf.status(), accept + ": " + pdf.body());
            assertTrue(pdf.header("Content-Type").startsWith("text/html"), accept + ": " + pdf.header("Content-Type"));
            assertTrue(pdf.body().contains(ARABIC_406), accept + ": " + pdf.body());
        }
        assertTrue(get("/c/" + id + "/result.pdf", "application/*, application/json;q=0").body().startsWith("%PDF"));

        // a start refused as JSON is refused before anything is stored; so is one for a type the API never gives
        // (that was 404, "this address does not exist")
        Instant before = Instant.now();
        for (String accept : List.of("application/json;q=0", "*/*, application/json;q=0", "image/png")) {
            PageHttp.Reply refused = start(accept);
            assertEquals(406, refused.status(), accept + ": " + refused.body());
            assertTrue(refused.body().contains(ARABIC_406), accept + ": " + refused.body());
        }
        assertEquals(0, startedSince(before), "a refused start stored a conversation");
        assertEquals(201, start("*/*").status());
        assertEquals(1, startedSince(before));
    }

    private int startedSince(Instant since) throws Exception {
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM conversation WHERE created_at >= ? AND flow_id = 'wijkanalyse'")) {
            count.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
