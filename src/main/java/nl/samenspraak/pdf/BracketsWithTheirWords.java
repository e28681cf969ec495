package nl.samenspraak.pdf;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a bracket on the line of the words it encloses when those words run the other way than the text around them,
 * as "فريق الحي (wijkteam)" in Arabic. The PDF engine lays out each stretch of one direction as a box of its own and
 * may break the line between two such boxes: the Arabic result PDF left "(" alone at a line's end and began the next
 * line with "wijkteam)" (a browser keeps them together). Such a bracketed run becomes a span in its words' direction,
 * so brackets and words are one stretch; it looks the same, bracket glyphs included.
 */
final class BracketsWithTheirWords {
    private static final Pattern BRACKETED = Pattern.compile("\\([^()]+\\)|\\[[^\\[\\]]+]");

    private BracketsWithTheirWords() {
    }

    /** The document's bracketed runs of the other direction in a span of their own, in place. */
    static void keep(Document document, boolean rightToLeft) {
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text && BRACKETED.matcher(text.getWholeText()).find() && inBody(text)) {
                texts.add(text);
            }
        }, document);
        for (TextNode text : texts) {
            String within = direction(text.parent(), rightToLeft);
            String whole = text.getWholeText();
            Matcher run = BRACKETED.matcher(whole);
            List<Node> parts = new ArrayList<>();
            int done = 0;
            while (run.find()) {
                String direction = direction(run.group().substring(1, run.group().length() - 1));
                if (direction == null || direction.equals(within) || isolated(whole, run.start())) {
                    continue;
                }
                if (run.start() > done) {
                    parts.add(new TextNode(whole.substring(done, run.start())));
                }
                parts.add(new Element("span").attr("dir", direction).appendChild(new TextNode(run.group())));
                done = run.end();
            }
            if (!parts.isEmpty()) {
                if (done < whole.length()) {
                    parts.add(new TextNode(whole.substring(done)));
                }
                for (Node part : parts) {
                    text.before(part);
                }
                text.remove();
            }
        }
    }

    /**
     * Whether {@code at} lies inside an isolate of {@code text} (LRI, RLI or FSI up to its PDI), as a team's Dutch
     * address in an Arabic tip is: its words and brackets are one stretch already, and a span cut out of it would split
     * the isolate in two, each half laid out on its own (the address's bracket came before its street, the Arabic
     * words around it out of place: the phone probe's take-home PDF).
     */
    static boolean isolated(String text, int at) {
        int open = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c >= '\u2066' && c <= '\u2068') {
                open++;
            } else if (c == '\u2069' && open > 0) {
                open--;
            }
        }
        return open > 0;
    }

    private static boolean inBody(Node node) {
        for (Node n = node.parent(); n != null; n = n.parent()) {
            if (n instanceof Element e && e.nameIs("head")) {
                return false;
            }
        }
        return true;
    }

    /** "rtl" or "ltr" as set on the nearest element that says (an element with dir="auto" says nothing certain). */
    private static String direction(Node node, boolean rightToLeft) {
        for (Node n = node; n != null; n = n.parent()) {
            if (n instanceof Element e && e.hasAttr("dir")) {
                String dir = e.attr("dir").trim().toLowerCase(java.util.Locale.ROOT);
                return dir.equals("rtl") || dir.equals("ltr") ? dir : "auto";
            }
        }
        return rightToLeft ? "rtl" : "ltr";
    }

    /**
     * The direction of a bracket's words: "ltr" for Latin letters or digits without Arabic letters ("wijkteam", "CJG",
     * "25": digits in Arabic text are a stretch of their own too), "rtl" for Arabic or Hebrew letters without Latin
     * ones, null for none or both (left as they are).
     */
    private static String direction(String words) {
        boolean left = false;
        boolean right = false;
        boolean digits = false;
        for (int i = 0; i < words.length(); ) {
            int c = words.codePointAt(i);
            switch (Character.getDirectionality(c)) {
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> left = true;
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> right = true;
                case Character.DIRECTIONALITY_EUROPEAN_NUMBER -> digits = true;
                default -> {
                }
            }
            i += Character.charCount(c);
        }
        if (left == right) {
            return right || !digits ? null : "ltr";
        }
        return left ? "ltr" : "rtl";
    }
}
