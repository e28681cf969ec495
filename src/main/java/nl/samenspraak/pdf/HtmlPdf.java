package nl.samenspraak.pdf;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one PDF engine of the service, shared by the web chat's result and the manager's team report (channels
 * may not use each other, so it lives here): openhtmltopdf lays out an HTML page, right to left with joined
 * Arabic letters through its ICU module, in the bundled Noto Sans and Noto Sans Arabic (SIL OFL,
 * src/main/resources/fonts), embedded in the file, without the Arabic vowel marks it cannot place ({@link ArabicMarks}),
 * a bracket on the line of its words ({@link BracketsWithTheirWords}).
 * Nothing is fetched while making it: images come as data URIs. Arabic text reads back (copied, searched, read aloud)
 * as its letters, not their joined shapes, and a figure copied out of a left-to-right one without the isolates
 * around it ({@link TextAsWritten}).
 */
public final class HtmlPdf {
    private static final List<String[]> FONTS = List.of(
            new String[]{"fonts/NotoSans-Regular.ttf", "Noto Sans", "400"},
            new String[]{"fonts/NotoSans-Bold.ttf", "Noto Sans", "700"},
            new String[]{"fonts/NotoSansArabic-Regular.ttf", "Noto Sans Arabic", "400"},
            new String[]{"fonts/NotoSansArabic-Bold.ttf", "Noto Sans Arabic", "700"},
            // for what a person types beyond these scripts: Hebrew, Ethiopic (Tigrinya, Amharic) and emoji and other
            // symbols (Symbola, in black and white); each a fallback per character, read only when a text needs it
            new String[]{"fonts/NotoSansHebrew-Regular.ttf", "Noto Sans Hebrew", "400"},
            new String[]{"fonts/NotoSansEthiopic-Regular.ttf", "Noto Sans Ethiopic", "400"},
            new String[]{"fonts/Symbola.ttf", "Symbola", "400"});

    /**
     * The font families of every PDF's text, first to last: a character the first has no glyph for is drawn in the next
     * that has. An emoji or a Hebrew word a resident typed came out as "##" (the resident probe of December 2026).
     */
    public static final String FONT_FAMILY = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans Ethiopic', 'Symbola', sans-serif";

    static {
        PdfLibraryLog.install();
    }

    private HtmlPdf() {
    }

    /** The PDF of a page parsed with jsoup; {@code rightToLeft} sets the default direction of its text. */
    public static byte[] render(Document document, boolean rightToLeft) {
        Document page = document.clone();
        ArabicMarks.leaveOut(page);
        BracketsWithTheirWords.keep(page, rightToLeft);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        for (String[] font : FONTS) {
            builder.useFont(() -> HtmlPdf.class.getClassLoader().getResourceAsStream(font[0]), font[1],
                    Integer.parseInt(font[2]), BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
        builder.defaultTextDirection(rightToLeft ? BaseRendererBuilder.TextDirection.RTL : BaseRendererBuilder.TextDirection.LTR);
        builder.withW3cDocument(new W3CDom().fromJsoup(page), "/");
        builder.withProducer("Samenspraak");
        // nothing is fetched or read while making it: only data: images (the charts), before and after resolving. An
        // image in a text (an uploaded questionnaire's) made the server fetch any address and open local files
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.usePdfUaAccessbility(true);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rightToLeft || page.text().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC
                || TextAsWritten.isolate(c)) ? TextAsWritten.of(out.toByteArray(), rightToLeft) : out.toByteArray();
    }
}
