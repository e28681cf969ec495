package nl.samenspraak.i18n;

import java.util.regex.Pattern;

/**
 * What staff typed into a field that others are shown (a team's name and wijken, an intermediair's label for a
 * conversation, a team's address or walk-in hours for residents) as it is stored and shown. One rule for all of
 * them: the direction controls go ({@link BidiControls}: an override or isolate would turn every sentence or result
 * that shows the text around), and so do the byte-order mark and every other control character (PostgreSQL refuses
 * a NUL outright, which made the team form a 500). The right-to-left and left-to-right marks stay: they reorder
 * nothing beyond their neighbours and help a mixed Arabic and Latin name or address read well.
 */
public final class TypedText {
    private static final Pattern ONE_LINE = Pattern.compile("[\\p{Cntrl}\\s\\uFEFF]+");
    private static final Pattern NOT_A_LINE_BREAK = Pattern.compile("[\\p{Cntrl}\\uFEFF&&[^\\n]]");

    private TypedText() {
    }

    /**
     * Marks that show nothing and join nothing: a zero-width space, a word joiner, a soft hyphen. A wijk of a zero-width
     * space alone was taken, and stood on the team's card as an empty name; the joiners a script needs (U+200C, U+200D)
     * stay.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u2060\\u00AD]");

    /** {@code typed} on one line: every control character and run of white space one space, none at either end. */
    public static String line(String typed) {
        return typed == null ? "" : ONE_LINE.matcher(INVISIBLE.matcher(BidiControls.strip(typed)).replaceAll("")).replaceAll(" ").strip();
    }

    /** {@code typed} over lines of its own (an address): line breaks as {@code \n}, no blank at either end. */
    public static String lines(String typed) {
        if (typed == null) {
            return "";
        }
        String breaks = typed.replace("\r\n", "\n").replace('\r', '\n');
        return NOT_A_LINE_BREAK.matcher(INVISIBLE.matcher(BidiControls.strip(breaks)).replaceAll("")).replaceAll("").strip();
    }
}
