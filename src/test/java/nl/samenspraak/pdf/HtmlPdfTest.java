package nl.samenspraak.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlPdfTest {

    /** What PDFBox reads off the pages of an Arabic page in the service's fonts: a character per glyph drawn. */
    private static String drawn(String body) throws IOException {
        Document page = Jsoup.parse("<!DOCTYPE html><html dir=\"rtl\" lang=\"ar\"><head><style>body { font-family: "
                + "'Noto Sans', 'Noto Sans Arabic', sans-serif; }</style></head><body>" + body + "</body></html>");
        try (PDDocument document = Loader.loadPDF(HtmlPdf.render(page, true))) {
            return new PDFTextStripper().getText(document);
        }
    }

    /**
     * The engine joins Arabic letters but cannot place a vowel mark on its letter: each mark was drawn as a glyph of
     * its own beside it ("شكر ًا"). The words now draw exactly the glyphs of the same words written without marks, as
     * everyday Arabic is.
     */
    @Test
    void arabicWordsDrawTheGlyphsOfTheWordsWrittenWithoutVowelMarks() throws IOException {
        String withMarks = drawn("<p>شكرًا لكم. لقد حدّثتمونا عن مقدّم المساعدة.</p><p lang=\"nl\">Dank u wel, café</p>");
        String without = drawn("<p>شكرا لكم. لقد حدثتمونا عن مقدم المساعدة.</p><p lang=\"nl\">Dank u wel, café</p>");

        assertEquals(without, withMarks);
        assertTrue(withMarks.contains("Dank u wel, café"), withMarks);
    }

    /**
     * What a person types beyond Latin and Arabic letters is drawn, not "#": emoji (the resident probe's "Szkoła jest
     * super 👍😊" came out "Szkoła jest super ##"), a Hebrew or a Tigrinya word; and a long run of them without a space
     * wraps at the page's edge instead of running off it.
     */
    @Test
    void emojiHebrewAndEthiopicAreDrawnAndALongRunWraps() throws IOException {
        String typed = "Szkoła jest super 👍😊 a nauczycielka bardzo miła ❤️ · שלום · ሰላም";
        Document page = Jsoup.parse("<!DOCTYPE html><html lang=\"pl\"><head><style>body { font-family: " + HtmlPdf.FONT_FAMILY
                + "; word-wrap: break-word; }</style></head><body><p>" + typed + "</p><p>" + "😀".repeat(400) + "</p></body></html>");
        try (PDDocument document = Loader.loadPDF(HtmlPdf.render(page, false))) {
            String text = new PDFTextStripper().getText(document);
            assertFalse(text.contains("#"), "no glyph is missing: " + text);
            for (String word : List.of("Szkoła jest super 👍😊", "miła ❤", "שלום", "ሰላም")) {
                assertTrue(text.contains(word), word + " in " + text);
            }
            assertEquals(400, text.codePoints().filter(c -> c == 0x1F600).count(), "every one of the 400: " + text);
            assertTrue(text.lines().filter(l -> l.contains("😀")).count() >= 5, "on lines of the page's width: " + text);
        }
    }

    /**
     * A figure or a name in a sentence is wrapped in isolates (U+2068 ... U+2069) that keep it in its place in a line
     * of the other direction; they were drawn, and copied along: "⁨12⁩" copied out of the Dutch team report was no
     * number in a spreadsheet. A left-to-right page copies (in PDFBox, and in Poppler, which reads the fonts' maps as
     * they are: none maps a glyph to an isolate) its words and figures alone, also where an Arabic name is among them.
     */
    @Test
    void aFigureOrANameCopiesOutOfALeftToRightPageWithoutTheIsolatesAroundIt() throws IOException {
        Document page = Jsoup.parse("<!DOCTYPE html><html lang=\"nl\"><head><style>body { font-family: 'Noto Sans', "
                + "'Noto Sans Arabic', sans-serif; }</style></head><body><p>Respondenten: \u206812\u2069 in \u2068Kanaleneiland\u2069"
                + " en \u2068\u0627\u0644\u062d\u064a\u2069.</p><table><tr><td>\u20683,4\u2069</td></tr></table></body></html>");
        try (PDDocument document = Loader.loadPDF(HtmlPdf.render(page, false))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Respondenten: 12 in Kanaleneiland en") && text.contains("3,4"), text);
            assertTrue(text.codePoints().noneMatch(c -> c >= 0x2066 && c <= 0x2069), "no isolate copied: " + text);
            java.util.List<String> isolates = new java.util.ArrayList<>();
            for (org.apache.pdfbox.pdmodel.PDPage p : document.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : p.getResources().getFontNames()) {
                    org.apache.pdfbox.pdmodel.font.PDFont font = p.getResources().getFont(name);
                    for (int code : TextAsWritten.codes(font)) {
                        String unicode = font.toUnicode(code);
                        if (unicode != null && unicode.codePoints().anyMatch(c -> c >= 0x2066 && c <= 0x2069)) {
                            isolates.add(font.getName() + " " + code);
                        }
                    }
                }
            }
            assertEquals(java.util.List.of(), isolates, "no glyph's text is an isolate");
        }
    }

    /**
     * What the PDF library says reaches the service's log, in its format and under its levels: it wrote a dozen lines
     * per PDF straight to standard error in a format of its own ("com.openhtmltopdf.load INFO:: TIME: parse
     * stylesheets 72ms"), which a log reader found no time or level in.
     */
    @Test
    void thePdfLibrarysLinesGoThroughTheServicesLog() {
        ch.qos.logback.classic.Logger library = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.openhtmltopdf");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen = new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        library.addAppender(seen);
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(written, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            // an image the access control refuses: the library warns about it
            HtmlPdf.render(Jsoup.parse("<html lang=\"nl\"><head><title>t</title></head><body><p>Hallo</p>"
                    + "<img src=\"http://127.0.0.1:9/x.png\"></body></html>"), false);
        } finally {
            System.setErr(err);
            library.detachAppender(seen);
        }
        assertTrue(seen.list.stream().anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
                && e.getLoggerName().startsWith("com.openhtmltopdf") && e.getFormattedMessage().contains("rejected")), seen.list.toString());
        assertTrue(!written.toString(java.nio.charset.StandardCharsets.UTF_8).contains("com.openhtmltopdf"), written.toString());
    }

    @Test
    void theCallersPageKeepsItsMarksForTheWeb() {
        Document page = Jsoup.parse("<p>شكرًا</p>");
        HtmlPdf.render(page, true);
        assertEquals("شكرًا", page.text());
    }

    @Test
    void textWithoutMarksIsLeftAsItIs() {
        assertEquals("المساعدة التي تناسبكم", ArabicMarks.without("المساعدة التي تناسبكم"));
        assertEquals("Ça va, naïeve vraag?", ArabicMarks.without("Ça va, naïeve vraag?"));
    }

    /**
     * Making a PDF fetches nothing and opens no file: an image in a page (a questionnaire's text smuggled one in) made
     * the server request any address, a loopback one here, and open local files. A data: image (a chart) is drawn.
     */
    @Test
    void makingAPdfFetchesNothingButDataImages() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
            Document page = Jsoup.parse("<html lang=\"nl\"><head><title>t</title><link rel=\"stylesheet\" href=\"http://127.0.0.1:"
                    + server.getAddress().getPort() + "/style.css\"></head><body><p>Tip</p><img src=\"http://127.0.0.1:"
                    + server.getAddress().getPort() + "/tip.png\"><img src=\"file:///etc/hostname\">"
                    + "<img src=\"data:image/png;base64," + png + "\" style=\"width:20px;height:20px\"></body></html>");
            try (PDDocument document = Loader.loadPDF(HtmlPdf.render(page, false))) {
                assertEquals(1, document.getPage(0).getResources().getXObjectNames().spliterator().getExactSizeIfKnown() > 0 ? 1 : 0,
                        "the data: image is drawn");
            }
            assertEquals(0, asked.get(), "no request reached the address in the page");
        } finally {
            server.stop(0);
        }
    }
}
