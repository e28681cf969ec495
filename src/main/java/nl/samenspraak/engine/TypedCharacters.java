package nl.samenspraak.engine;

import java.text.Normalizer;

/**
 * Characters as the person meant them, whatever their keyboard or the message they copied from made of them:
 * compatibility forms as the plain letters and digits they stand for (NFKC: full-width "１２" and "ＫＳＤ５", a
 * non-breaking space as a space), a digit of any script as 0-9 (Arabic-Indic, Persian), every dash and the minus sign
 * as '-', and format characters left out (right-to-left and left-to-right marks, the Arabic letter mark, the isolates
 * the bot itself puts around a code in Arabic, zero-width spaces, a soft hyphen). The one rule under a number, a date
 * and a code typed by a person, in every channel; a text answer is kept as it was typed.
 * <p>
 * Other numbers (superscripts, subscripts, fractions, circled digits) are left as they are, not made into digits as
 * NFKC would: "10²" read as 102, or "1½" as 11/2, would be a number the person never typed; as they are, the question
 * refuses them and says what it takes.
 */
public final class TypedCharacters {
    private TypedCharacters() {
    }

    public static String plain(String typed) {
        String text = compatible(typed);
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.DECIMAL_DIGIT_NUMBER) {
                b.append((char) ('0' + Character.digit(c, 10)));
            } else if (type == Character.DASH_PUNCTUATION || c == '\u2212') {
                b.append('-');
            } else if (type != Character.FORMAT) {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** NFKC, except for the other numbers ({@link Character#OTHER_NUMBER}), which stay as typed. */
    private static String compatible(String typed) {
        StringBuilder b = new StringBuilder(typed.length());
        int run = 0;
        for (int i = 0; i < typed.length(); ) {
            int c = typed.codePointAt(i);
            int next = i + Character.charCount(c);
            if (Character.getType(c) == Character.OTHER_NUMBER) {
                b.append(Normalizer.normalize(typed.substring(run, i), Normalizer.Form.NFKC)).appendCodePoint(c);
                run = next;
            }
            i = next;
        }
        return b.append(Normalizer.normalize(typed.substring(run), Normalizer.Form.NFKC)).toString();
    }
}
