package nl.samenspraak.system;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests that are wrong at the HTTP level get the status that names the problem, and a message in words. */
@SharedService
class MalformedRequestsTest {
    @Inject
    EmbeddedServer server;

    /** Sends {@code request} as raw bytes and returns the whole reply. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) >= 0) {
                    reply.write(buffer, 0, n);
                    if (reply.toString(StandardCharsets.UTF_8).contains("}")) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the server closed the connection after replying
            }
            return reply.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aHugePathIs414() throws IOException {
        // the headers after a line too long are never read, so the message is in Dutch
        String reply = raw("GET /api/conversations/" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 414"), reply);
        assertTrue(reply.contains("{\"code\":\"uri_too_long\",\"error\":\"Dit adres is te lang.\"}"), reply);
    }

    @Test
    void hugeHeadersAre431() throws IOException {
        String reply = raw("GET /api/ping HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 431"), reply);
        assertTrue(reply.contains("\"error\":\"De kopregels van dit verzoek zijn te groot.\""), reply);
    }

    /**
     * Headers too large (a cookie grown huge) after the browser's Accept: the page's refusal, in the language its address
     * asks for, else the browser's. It was Dutch JSON to every client.
     */
    @Test
    void hugeHeadersToABrowserAreThePagesRefusalInItsLanguage() throws IOException {
        String browser = "Accept: text/html,application/xhtml+xml,*/*;q=0.8\r\n";
        String asked = raw("GET /resume?lang=AR HTTP/1.1\r\nHost: x\r\n" + browser + "Accept-Language: nl\r\nCookie: "
                + "b".repeat(20_000) + "\r\n\r\n");
        assertTrue(asked.startsWith("HTTP/1.1 431"), asked);
        assertTrue(asked.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/html"), asked);
        assertTrue(asked.contains("<html lang=\"ar\" dir=\"rtl\""), asked);
        String english = raw("GET /resume HTTP/1.1\r\nHost: x\r\n" + browser + "Accept-Language: en\r\nDNT: 1\r\nCookie: "
                + "b".repeat(20_000) + "\r\n\r\n");
        assertTrue(english.contains("<html lang=\"en\""), "the browser's language, where it was read: " + english);
    }

    @Test
    void anUnknownHttpVersionIs505() throws IOException {
        String reply = raw("GET /api/ping HTTP/9.9\r\nHost: x\r\n\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 505"), reply);
        assertTrue(reply.contains("HTTP/1.1"), reply);
        assertTrue(raw("GET /api/ping HTTP/1.0\r\n\r\n").startsWith("HTTP/1.0 200"), "HTTP/1.0 is still served");
    }

    /**
     * A broken address to a page, followed in a browser, is the error page in the person's language: the API's JSON
     * said it to a person as a line of code. The API itself, and a client that prefers JSON, keep JSON.
     */
    @Test
    void aMalformedAddressToAPageIsThePagesRefusalInThePersonsLanguage() throws IOException {
        String browser = "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n";
        for (String path : new String[]{"/h/%ZZ", "/c/%ZZ", "/intermediair/c/%ZZ", "/t/%ED%A0%80"}) {
            for (String[] c : new String[][]{{"en", "This address contains characters that are not allowed."},
                    {"ar", "dir=\"rtl\""}}) {
                String reply = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + browser + "Accept-Language: " + c[0] + "\r\n\r\n");
                assertTrue(reply.startsWith("HTTP/1.1 400"), path + ": " + reply);
                assertTrue(reply.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/html"), path + ": " + reply);
                assertTrue(reply.contains("<html lang=\"" + c[0] + "\"") && reply.contains(c[1]), path + ": " + reply);
                assertTrue(reply.contains("Content-Security-Policy: default-src 'self'"), "a page's headers: " + reply);
            }
            String curl = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nAccept: */*\r\nAccept-Language: en\r\n\r\n");
            assertTrue(curl.startsWith("HTTP/1.1 400") && curl.contains("<html lang=\"en\""), "a page for */* too: " + curl);
            String script = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nAccept-Language: en\r\n\r\n");
            assertTrue(script.contains("{\"code\":\"bad_address\",\"error\":\"This address contains characters that are not allowed.\"}"), script);
        }
        // a link that names its language: the refusal in it, whatever the browser prefers and whatever else is broken
        for (String path : new String[]{"/t/%ED%A0%80?lang=ar", "/c/%ZZ?x=%ZZ&lang=ar", "/h/%ZZ?lang=%61r"}) {
            String reply = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + browser + "Accept-Language: en\r\n\r\n");
            assertTrue(reply.startsWith("HTTP/1.1 400") && reply.contains("<html lang=\"ar\" dir=\"rtl\""), path + ": " + reply);
        }
        String unknown = raw("GET /c/%ZZ?lang=%ZZ HTTP/1.1\r\nHost: x\r\n" + browser + "Accept-Language: en\r\n\r\n");
        assertTrue(unknown.startsWith("HTTP/1.1 400") && unknown.contains("<html lang=\"en\""), "the browser's, for a lang= that names none: " + unknown);
        String api = raw("GET /api/conversations/%ZZ HTTP/1.1\r\nHost: x\r\n" + browser + "Accept-Language: en\r\n\r\n");
        assertTrue(api.startsWith("HTTP/1.1 400"), api);
        assertTrue(api.contains("{\"code\":\"bad_address\",\"error\":\"This address contains characters that are not allowed.\"}"), "the API keeps JSON: " + api);
    }

    @Test
    void controlCharactersInAnAddressAre400() throws IOException {
        for (String path : new String[]{"/api/conversations/%00", "/c/a%0Ab", "/api/resume/%7F", "/t/%ED%A0%80"}) {
            String reply = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nAccept-Language: nl\r\n\r\n");
            assertTrue(reply.startsWith("HTTP/1.1 400"), path + ": " + reply);
            assertTrue(reply.contains("Dit adres bevat tekens die niet kunnen."), reply);
        }
        assertTrue(raw("GET /api/flows?lang=ar HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200"));
    }

    /** The framework answered 500 to every route for these; a preference that names nothing is now ignored. */
    @Test
    void aLanguageOrCharsetPreferenceThatNamesNothingIsIgnored() throws IOException {
        for (String header : new String[]{"Accept-Language: ,", "Accept-Language: ;", "Accept-Language: ,;q=1",
                "Accept-Charset: ,", "Accept-Charset: ;;"}) {
            String page = raw("GET / HTTP/1.1\r\nHost: x\r\n" + header + "\r\nConnection: close\r\n\r\n");
            assertTrue(page.startsWith("HTTP/1.1 200"), header + ": " + page);
            assertTrue(page.contains("<html lang=\"nl\""), header + ": the start page in the default language");
            String api = raw("GET /api/conversations/00000000-0000-0000-0000-000000000000 HTTP/1.1\r\nHost: x\r\n"
                    + header + "\r\nConnection: close\r\n\r\n");
            assertTrue(api.startsWith("HTTP/1.1 404"), header + ": " + api);
        }
        String arabic = raw("GET / HTTP/1.1\r\nHost: x\r\nAccept-Language: ,ar\r\nConnection: close\r\n\r\n");
        assertTrue(arabic.contains("<html lang=\"ar\" dir=\"rtl\""), "the language that is named still counts");
    }

    @Test
    void theOpenApiDescriptionIsYaml() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/openapi/samenspraak-0.1.0.yml")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("application/yaml", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(r.body().startsWith("openapi:"), r.body().substring(0, 40));
    }
}
