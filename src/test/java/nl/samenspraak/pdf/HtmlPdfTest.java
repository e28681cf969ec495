package nl.samenspraak.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
