package nl.samenspraak.i18n;

/**
 * Neutralises the Unicode characters that override or embed text direction (U+202A-U+202E) and the isolates
 * (U+2066-U+2069) in text someone typed, wherever it is shown: a right-to-left override in a free-text answer
 * would make it read differently on the dashboard or in an export than it was written. Arabic and Hebrew text
 * needs none of them to show correctly; the page sets the direction.
 */
public final class BidiControls {
    private BidiControls() {
    }

    public static boolean isControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * The first character in a text someone wrote ahead (a flow's words) that would turn the direction of what
     * follows it: an override or embedding (U+202A-U+202E), an isolate never closed, or a close (U+2069) of no
     * isolate. A closed isolate, which keeps a Latin name whole inside Arabic, is none.
     */
    public static java.util.OptionalInt turning(String text) {
        int open = 0;
        int lastOpen = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u202A' && c <= '\u202E') {
                return java.util.OptionalInt.of(c);
            }
            if (c >= '\u2066' && c <= '\u2068') {
                open++;
                lastOpen = c;
            } else if (c == '\u2069') {
                if (open == 0) {
                    return java.util.OptionalInt.of(c);
                }
                open--;
            }
        }
        return open > 0 ? java.util.OptionalInt.of(lastOpen) : java.util.OptionalInt.empty();
    }

    /** {@code text} without direction controls (the same instance when it has none). */
    public static String strip(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                StringBuilder b = new StringBuilder(text.length());
                for (int j = 0; j < text.length(); j++) {
                    if (!isControl(text.charAt(j))) {
                        b.append(text.charAt(j));
                    }
                }
                return b.toString();
            }
        }
        return text;
    }
}
