package nl.samenspraak.support;

import java.text.Normalizer;
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
}
