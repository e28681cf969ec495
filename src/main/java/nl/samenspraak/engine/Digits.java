package nl.samenspraak.engine;

/**
 * Digits as people type them, made Western: whatever {@link TypedCharacters#plain} makes plain (any script's digits,
 * full-width forms, dashes and the minus sign, direction marks and isolates left out), and the Arabic signs of a
 * number and a date: the decimal separator (٫) as a comma, the date separator (؍) as a slash; the Arabic thousands
 * separator (٬) is dropped.
 */
final class Digits {
    private Digits() {
    }

    static String western(String text) {
        String plain = TypedCharacters.plain(text);
        StringBuilder b = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '\u066B') {
                b.append(',');
            } else if (c == '\u060D') {
                b.append('/');
            } else if (c != '\u066C') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
