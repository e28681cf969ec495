package nl.samenspraak.pdf;

import jakarta.inject.Inject;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.result.Result;
import nl.samenspraak.support.SharedService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SharedService
class ResultPdfTest {
    private static final int TRACK = 0xdde3ea;
    private static final int LOW = 0xa4000f;

    @Inject
    ResultPdf pdf;

    /** A finished self-reflection with one score of 25 out of 100, as the result page's HTML shows it. */
    private static ConversationState scoredAt25(String language, String direction) {
        String html = "<section class=\"result\"><ul class=\"scores\"><li class=\"score\"><span class=\"score-name\">Kennis</span>"
                + "<span class=\"score-bar\" aria-hidden=\"true\"><span class=\"score-fill score-low\" data-value=\"25\"></span></span>"
                + "<span class=\"score-value\" dir=\"ltr\">25 / 100</span></li></ul></section>";
        return new ConversationState("id", "werk-jij-diversiteitsproof", language, direction, "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(Map.of(), List.of(), List.of(), html));
    }

    /** Where the bar's fill and its track lie on the first page, in pixels: fill from, fill to, track from, track to. */
    private static int[] bar(byte[] file) throws IOException {
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(file)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 72);
        }
        int[] found = {Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1};
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y) & 0xffffff;
                if (rgb == LOW || rgb == TRACK) {
                    found[2] = Math.min(found[2], x);
                    found[3] = Math.max(found[3], x);
                }
                if (rgb == LOW) {
                    found[0] = Math.min(found[0], x);
                    found[1] = Math.max(found[1], x);
                }
            }
        }
        assertTrue(found[1] > found[0] && found[3] > found[1] - found[0], "a bar with a fill: " + java.util.Arrays.toString(found));
        return found;
    }

    /**
     * A score bar fills from where its reader starts reading, as on the result page: from the left in Dutch, from the
     * right in Arabic. The Arabic PDF filled it from the left, so a 25 read as a 75 to someone reading from the right.
     */
    @Test
    void aScoreBarFillsFromTheSideItsReaderStartsFrom() throws IOException {
        int[] dutch = bar(pdf.make(scoredAt25("nl", "ltr"), LocalDate.of(2026, 12, 5)));
        assertEquals(dutch[2], dutch[0], 1, "Dutch: the fill starts at the track's left end");
        assertTrue(dutch[1] - dutch[0] < (dutch[3] - dutch[2]) / 2, "a quarter, not the whole track");

        int[] arabic = bar(pdf.make(scoredAt25("ar", "rtl"), LocalDate.of(2026, 12, 5)));
        assertEquals(arabic[3], arabic[1], 1, "Arabic: the fill starts at the track's right end");
        assertTrue(arabic[1] - arabic[0] < (arabic[3] - arabic[2]) / 2, "a quarter, not the whole track");
    }

    /**
     * A result PDF is tagged, says its language, and its Arabic reads back as the letters written: it was untagged,
     * without a language (a screen reader read it with no structure, in its default voice), and copying or searching
     * an Arabic PDF found "ﺍﻟﻤﺴﺎﻋﺪﺓ" (the letters' joined shapes), never "المساعدة".
     */
    /**
     * The line at the end of a resident's PDF speaks as their flow does ("u"): it said "Alleen jij hebt dit bestand"
     * under a result that says "u" throughout (the advice probe of December 2026); a professional's keeps "jij".
     */
    @Test
    void thePdfsLastLineSpeaksInTheFlowsRegister() throws IOException {
        String html = "<section class=\"result\" lang=\"nl\" dir=\"ltr\"><p>Dank u wel.</p></section>";
        ConversationState resident = new ConversationState("id", "wijkanalyse", "nl", "ltr", "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(Map.of(), List.of(), List.of(), html));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.make(resident, LocalDate.of(2026, 12, 7)))) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("Alleen u heeft dit bestand"), text);
        try (PDDocument document = Loader.loadPDF(pdf.make(scoredAt25("nl", "ltr"), LocalDate.of(2026, 12, 7)))) {
            assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ")
                    .contains("Alleen jij hebt dit bestand"));
        }
    }

    @Test
    void aResultPdfIsTaggedInItsLanguageAndItsArabicReadsBack() throws IOException {
        String html = "<section class=\"result\" lang=\"ar\" dir=\"rtl\"><h2>النصائح</h2><p>اطلبوا المساعدة من فريق الحي. لا تترددوا.</p></section>";
        ConversationState arabic = new ConversationState("id", "wijkanalyse", "ar", "rtl", "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(Map.of(), List.of(), List.of(), html));
        try (PDDocument document = Loader.loadPDF(pdf.make(arabic, LocalDate.of(2026, 12, 6)))) {
            assertEquals("ar", document.getDocumentCatalog().getLanguage());
            assertTrue(document.getDocumentCatalog().getMarkInfo() != null && document.getDocumentCatalog().getMarkInfo().isMarked(),
                    "tagged");
            assertTrue(document.getDocumentCatalog().getStructureTreeRoot() != null, "with a structure");
            // PDF/UA asks for a title and a description; without the description the library said "Document will
            // not be PDF/UA compliant" for every result, and a reader's document list showed nothing but the title
            String subject = document.getDocumentInformation().getSubject();
            assertTrue(subject != null && subject.contains("نتيجة المحادثة") && subject.contains("2026"), "a description in Arabic: " + subject);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.codePoints().noneMatch(c -> c >= 0xFE70 && c <= 0xFEFF), "no presentation forms: " + text);
            assertTrue(text.contains("المساعدة") || new StringBuilder(text).reverse().toString().contains("المساعدة"), text);
            assertTrue(text.contains("لا تترددوا") || new StringBuilder(text).reverse().toString().contains("لا تترددوا"),
                    "lam with alef reads as itself, not reversed: " + text);
            // what a reader that does not fold shapes back reads (Poppler's pdftotext, most Linux viewers): the fonts'
            // own map from glyph to text. PDFBox's stripper above folds them; pdftotext found "ﺍﻟﻤﺴﺎﻋﺪﺓ", not "المساعدة"
            java.util.List<String> shapes = new java.util.ArrayList<>();
            int mapped = 0;
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    org.apache.pdfbox.pdmodel.font.PDFont font = page.getResources().getFont(name);
                    for (int code : TextAsWritten.codes(font)) {
                        String unicode = font.toUnicode(code);
                        if (unicode != null) {
                            mapped++;
                            // a shape of one letter; lam with alef (U+FEF5-U+FEFC) stays one shape, see TextAsWritten
                            if (unicode.codePoints().anyMatch(c -> c >= 0xFE70 && c <= 0xFEF4)) {
                                shapes.add(font.getName() + " " + code + ": " + unicode);
                            }
                        }
                    }
                }
            }
            assertTrue(mapped > 20, "the fonts map their glyphs to text: " + mapped);
            assertEquals(java.util.List.of(), shapes, "every glyph's text is letters, not a joined shape");
        }
    }

    /**
     * A bracket stays on the line of the words it encloses: the Arabic wijkanalyse result left "(" alone at a line's end
     * and began the next with "wijkteam)" (the PDF engine broke the line where Arabic turns to Latin). The tip's
     * sentence (locales/ar/flows/wijkanalyse.yaml) is laid out behind ever more words, so it wraps at every place once.
     */
    @Test
    void aBracketStaysOnTheLineOfItsWordsInArabic() throws IOException {
        String sentence = "هل لديكم سؤال عن طفلكم أو عن التربية؟ توجّهوا إلى فريق الحي (wijkteam) أو مركز الشباب والأسرة (CJG) في بلديتكم.";
        StringBuilder html = new StringBuilder("<section class=\"result\" lang=\"ar\" dir=\"rtl\">");
        for (int words = 0; words < 30; words++) {
            html.append("<article class=\"tip\"><p>").append("اسألوا ".repeat(words)).append(sentence).append("</p></article>");
        }
        ConversationState arabic = new ConversationState("id", "wijkanalyse", "ar", "rtl", "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(Map.of(), List.of(), List.of(), html + "</section>"));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.make(arabic, LocalDate.of(2026, 12, 6)))) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        // the reader puts a line's Latin words and brackets in an order of its own, so count them: each line holds two
        // brackets for every bracketed word on it, and none besides
        List<String> split = new java.util.ArrayList<>();
        int lines = 0;
        for (String line : text.split("\n")) {
            lines++;
            long brackets = line.chars().filter(c -> c == '(' || c == ')').count();
            int words = line.split("wijkteam", -1).length - 1 + line.split("CJG", -1).length - 1;
            if (brackets != 2L * words) {
                split.add(line);
            }
        }
        assertTrue(lines > 45, "the sentences wrap: " + text);
        assertEquals(List.of(), split, "lines with a bracket away from its word");
    }

    /**
     * A team's address in Dutch inside an Arabic tip, isolated as it is everywhere (FSI ... PDI), keeps its order with
     * its bracket: "(ingang naast de bibliotheek)" came before the street, and the Arabic words around it out of place
     * (the phone probe's take-home PDF), as the bracket's span broke the isolate in two. The address is laid out
     * behind ever more words, so lines break at different places in it; the web page read right all along.
     */
    @Test
    void anIsolatedAddressWithABracketKeepsItsOrderInArabic() throws IOException {
        String address = "Zambesidreef 17-bis, 3563 CK Utrecht (ingang naast de bibliotheek)";
        StringBuilder html = new StringBuilder("<section class=\"result\" lang=\"ar\" dir=\"rtl\">");
        for (int words = 0; words < 12; words++) {
            html.append("<article class=\"tip\"><p>").append("اسألوا ".repeat(words)).append("يمكنكم الحضور إلى \u2068")
                    .append(address).append("\u2069، في أوقات الاستقبال.</p></article>");
        }
        ConversationState arabic = new ConversationState("id", "wijkanalyse", "ar", "rtl", "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(Map.of(), List.of(), List.of(), html + "</section>"));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.make(arabic, LocalDate.of(2026, 12, 7)))) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        // a line that holds the street's end and the bracket holds them in order, side by side; where the line breaks
        // between them each is on a line of its own (the reader puts a line's Latin and Arabic in an order of its own)
        List<String> apart = new java.util.ArrayList<>();
        int streets = 0;
        for (String line : text.replaceAll("[\\u2066-\\u2069]", "").split("\n")) {
            streets += line.contains("Zambesidreef") ? 1 : 0;
            if (line.contains("Utrecht") && line.contains("(ingang") && !line.contains("Utrecht (ingang")) {
                apart.add(line);
            }
        }
        assertEquals(12, streets, "every tip names the street: " + text);
        assertEquals(List.of(), apart, "lines with the bracket away from its street");
    }
}
