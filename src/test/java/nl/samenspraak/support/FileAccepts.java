package nl.samenspraak.support;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Accept headers a file's address meets (a PDF, a CSV or XLSX export, a QR code's PNG), and what each must get: the
 * file itself ({@code 200}, its type, a body that is such a file), or, when there is none to give, an error whose
 * declared type is what the body is (a page in HTML, or a few words of plain text). A client that asked for the file by
 * its type (a PDF reader app, a spreadsheet tool, {@code curl -H 'Accept: text/csv'}) got 406 on an address that gives
 * it; labelling an address as giving the file then labelled its error pages with the file's type too, a broken file in
 * a viewer instead of the explanation. A range that covers the type ({@code application/*} for a PDF, {@code text/*} for a
 * CSV) is asking for it too (it was 406: the framework compares names only); a client that says it does not take the
 * type ({@code q=0}, or naming only others) gets 406 and the page that says so, not the file.
 */
public final class FileAccepts {
    public static final FileAccepts PDF = new FileAccepts("application/pdf", body -> body.startsWith("%PDF"));
    /** The anonymous answers and the round's links: a header line, then rows. */
    public static final FileAccepts CSV = new FileAccepts("text/csv", body -> body.contains(";") && body.contains("\r\n"),
            "text/csv, text/plain;q=0.8"); // a spreadsheet tool's import that takes plain text as well
    /** A workbook: a ZIP archive. */
    public static final FileAccepts XLSX = new FileAccepts("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            body -> body.startsWith("PK"),
            // a spreadsheet tool that names the old Excel type first
            "application/vnd.ms-excel, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;q=0.9");
    public static final FileAccepts PNG = new FileAccepts("image/png", body -> body.startsWith("PNG", 1),
            // an <img>'s in Chrome and Firefox
            "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8", "image/avif,image/webp,*/*");

    private final String type;
    private final Predicate<String> isFile;
    private final List<String> accepts;
    private final List<String> refuses;

    private FileAccepts(String type, Predicate<String> isFile, String... more) {
        this.type = type;
        this.isFile = isFile;
        List<String> accepts = new ArrayList<>(List.of(
                type, // the app that opens it, curl -H 'Accept: <type>'
                type.substring(0, type.indexOf('/')) + "/*", // any application/..., text/... or image/... will do
                "*/*", // curl, a download manager, a webview
                type + ";q=1, text/html;q=0.5",
                // Chrome's and Firefox's (Safari's is Firefox's) when a link is followed
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        accepts.addAll(List.of(more));
        accepts.add(null); // no Accept header at all
        this.accepts = Collections.unmodifiableList(accepts);
        this.refuses = List.of(type + ";q=0", type + ";q=0, text/html", "*/*, " + type + ";q=0",
                "text/html", // the page instead of the file: there is none
                "*/*;q=0.5, " + type.substring(0, type.indexOf('/')) + "/*;q=0");
    }

    /** Every Accept this file's address is asked with; {@code null}: no Accept header at all. */
    public List<String> accepts() {
        return accepts;
    }

    /** {@code path} asked for with every Accept of {@link #accepts}, {@code more} adding a cookie or a language. */
    public void each(PageHttp http, String path, Function<HttpRequest.Builder, HttpRequest.Builder> more,
                     BiConsumer<String, PageHttp.Reply> check) {
        each(accepts, http, path, more, check);
    }

    private static void each(List<String> accepts, PageHttp http, String path, Function<HttpRequest.Builder, HttpRequest.Builder> more,
                             BiConsumer<String, PageHttp.Reply> check) {
        for (String accept : accepts) {
            HttpRequest.Builder request = http.request(path);
            if (accept != null) {
                request.header("Accept", accept);
            }
            check.accept(accept, http.send(more.apply(request).GET()));
        }
    }

    /** The file itself, to every Accept. */
    public void assertFile(PageHttp http, String path, Function<HttpRequest.Builder, HttpRequest.Builder> more) {
        each(http, path, more, (accept, r) -> {
            String why = path + " with Accept " + accept;
            assertEquals(200, r.status(), why + ": " + r.body());
            String declared = r.header("Content-Type");
            assertNotNull(declared, why);
            assertEquals(type, declared.split(";")[0].trim(), why);
            assertTrue(isFile.test(r.body()), why + ": the file itself");
        });
    }

    /**
     * An error with {@code status} to every Accept, its body what its type says: a page that contains {@code words}
     * (text/html), or plain words (text/plain); never a body called the file, never a 5xx.
     */
    public void assertError(PageHttp http, String path, Function<HttpRequest.Builder, HttpRequest.Builder> more,
                            int status, String words) {
        assertError(accepts, http, path, more, status, words);
    }

    /**
     * 406 and the page that says this address gives no format the client takes ({@code words}), to every client that
     * says it does not take the file's type: {@code q=0} for it or for its kind, or only other types.
     */
    public void assertNotAcceptable(PageHttp http, String path, Function<HttpRequest.Builder, HttpRequest.Builder> more,
                                    String words) {
        assertError(refuses, http, path, more, 406, words);
    }

    private void assertError(List<String> accepts, PageHttp http, String path, Function<HttpRequest.Builder, HttpRequest.Builder> more,
                             int status, String words) {
        each(accepts, http, path, more, (accept, r) -> {
            String declared = r.header("Content-Type");
            String why = path + " with Accept " + accept + ": " + declared + " " + r.body();
            assertEquals(status, r.status(), why);
            assertNotNull(declared, why);
            assertFalse(declared.startsWith(type), why);
            assertFalse(isFile.test(r.body()) && !r.body().startsWith("<!doctype html>"), why);
            if (declared.startsWith("text/html")) {
                assertTrue(r.body().startsWith("<!doctype html>"), why);
            } else {
                assertTrue(declared.startsWith("text/plain"), "an error is a page or plain words: " + why);
            }
            assertTrue(r.body().contains(words), why);
        });
    }
}
