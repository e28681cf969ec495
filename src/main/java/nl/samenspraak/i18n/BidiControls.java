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
