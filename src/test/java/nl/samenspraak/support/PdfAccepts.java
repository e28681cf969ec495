package nl.samenspraak.support;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Accept headers a PDF's address meets, and what each must get: the PDF itself ({@code 200},
 * {@code application/pdf}, a body that is a PDF), or, when there is none to give, an error whose declared type is what
 * the body is (a page in HTML, or a few words of plain text). A PDF reader app or {@code curl -H 'Accept:
 * application/pdf'} got 406 on every PDF address; labelling the addresses as giving PDFs then labelled their error
 * pages {@code application/pdf} too, a broken file in a viewer instead of the explanation.
 */
public final class PdfAccepts {
    /** {@code null}: no Accept header at all. */
    public static final List<String> ACCEPTS = java.util.Collections.unmodifiableList(java.util.Arrays.asList(
            "application/pdf", // a PDF reader app, curl -H 'Accept: application/pdf'
            "*/*", // curl, a download manager, a webview
            "application/pdf;q=1, text/html;q=0.5",
            // Chrome's and Firefox's (Safari's is Firefox's) when a link is followed
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            null));

    private PdfAccepts() {
    }

    /** {@code path} asked for with every Accept of {@link #ACCEPTS}, {@code more} adding a cookie or a language. */
    public static void each(PageHttp http, String path, Function<HttpRequest.Builder, HttpRequest.Builder> more,
                            java.util.function.BiConsumer<String, PageHttp.Reply> check) {
        for (String accept : ACCEPTS) {
            HttpRequest.Builder request = http.request(path);
            if (accept != null) {
                request.header("Accept", accept);
            }
            check.accept(accept, http.send(more.apply(request).GET()));
        }
    }

    /** The PDF itself, to every Accept. */
    public static void assertPdf(PageHttp http, String path, Function<HttpRequest.Builder, HttpRequest.Builder> more) {
        each(http, path, more, (accept, r) -> {
            assertEquals(200, r.status(), path + " with Accept " + accept + ": " + r.body());
            assertEquals("application/pdf", r.header("Content-Type"), path + " with Accept " + accept);
            assertTrue(r.body().startsWith("%PDF"), path + " with Accept " + accept + ": the file itself");
        });
    }

    /**
     * An error with {@code status} to every Accept, its body what its type says: a page that contains {@code words}
     * (text/html), or plain words (text/plain); never a body called a PDF, never a 5xx.
     */
    public static void assertError(PageHttp http, String path, Function<HttpRequest.Builder, HttpRequest.Builder> more,
                                   int status, String words) {
        each(http, path, more, (accept, r) -> {
            String why = path + " with Accept " + accept + ": " + r.header("Content-Type") + " " + r.body();
            assertEquals(status, r.status(), why);
            String type = r.header("Content-Type");
            assertNotNull(type, why);
            assertFalse(r.body().startsWith("%PDF"), why);
            if (type.startsWith("text/html")) {
                assertTrue(r.body().startsWith("<!doctype html>"), why);
            } else {
                assertTrue(type.startsWith("text/plain"), "an error is a page or plain words: " + why);
            }
            assertTrue(r.body().contains(words), why);
        });
    }
}
