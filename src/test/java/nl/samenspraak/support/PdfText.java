package nl.samenspraak.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Text as the PDF tests compare it: Arabic's joined letter forms (how a PDF keeps them) back to letters, Arabic's vowel
 * marks left out as the PDFs leave them out (they could not be placed on their letters), every run of spaces one.
 * Apply it to both what a PDF holds and the words expected in it.
 */
public final class PdfText {
    private static final Pattern ARABIC_MARKS = Pattern.compile("[\\u064B-\\u065F\\u0670]");

    private PdfText() {
    }

    public static String plain(String text) {
        String letters = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return ARABIC_MARKS.matcher(letters).replaceAll("").replaceAll("\\s+", " ");
    }

    /** What a PDF says, as a reader's copy-all gives it, made {@link #plain}. */
    public static String of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return plain(new PDFTextStripper().getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fonts a PDF uses without carrying them: a reader's viewer then draws those words in whatever it has (the page
     * numbers came in a Times the file did not hold). Empty when every word is drawn in a font the file embeds.
     */
    public static Set<String> fontsNotEmbedded(byte[] pdf) {
        Set<String> missing = new TreeSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        missing.add(font.getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return missing;
    }
}
