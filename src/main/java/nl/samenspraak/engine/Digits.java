package nl.samenspraak.engine;

/**
 * Digits as people type them, made Western: Arabic-Indic (٠-٩) and Persian (۰-۹) digits, the Arabic decimal
 * separator (٫), the Unicode minus sign; the Arabic thousands separator (٬) is dropped.
 */
final class Digits {
    private Digits() {
    }

    static String western(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0660' && c <= '\u0669') {
                b.append((char) ('0' + (c - '\u0660')));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                b.append((char) ('0' + (c - '\u06F0')));
            } else if (c == '\u066B') {
                b.append(',');
            } else if (c == '\u2212') {
                b.append('-');
            } else if (c != '\u066C' && c != '\u200F' && c != '\u200E' && c != '\u061C') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
