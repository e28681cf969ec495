package nl.samenspraak.pdf;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

import java.util.regex.Pattern;

/**
 * Leaves Arabic's vowel and doubling marks (harakat: fatha, damma, kasra, tanwin, shadda, sukun and their kin, and the
 * dagger alif) out of a page before it becomes a PDF. The PDF engine joins Arabic letters but cannot place a mark on its
 * letter (it lacks OpenType mark positioning): every mark got a place of its own beside the letter, so a reader saw
 * "شكر ًا" for "شكرًا" and "حد ّثتمونا" for "حدّثتمونا". Everyday Arabic is written without these marks, so the words
 * read as they would in a letter or a newspaper; the web page, where the browser places them, keeps them.
 */
final class ArabicMarks {
    private static final Pattern MARKS = Pattern.compile("[\\u064B-\\u065F\\u0670]");

    private ArabicMarks() {
    }

    /** {@code text} without the marks (the same string when it has none). */
    static String without(String text) {
        return MARKS.matcher(text).replaceAll("");
    }

    /** The document's text without the marks, in place. */
    static void leaveOut(Document document) {
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                String whole = text.getWholeText();
                String plain = without(whole);
                if (!plain.equals(whole)) {
                    text.text(plain);
                }
            }
        }, document);
    }
}
