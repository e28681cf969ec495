package nl.samenspraak.engine;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A number as people type it in any of the languages: "12", "1,5" or "1.5", thousands grouped by points, commas or
 * spaces ("12.000", "1,000,000", "1 000"), both at once ("1.000,5", "1,000.5"). One point or comma before exactly
 * three digits ("12,000", "1.000") is a thousand in one language and a fraction in another: it is neither read nor
 * refused as "not a number", but asked again ({@link #ambiguous}); "12,000" was stored as 12 and "1.000" as 1. Digits
 * already western ({@code Digits}). Plain Java.
 */
final class TypedNumber {
    private TypedNumber() {
    }

    private static final Pattern PLAIN = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
    /** One separator before three digits, after one to three that are not a lone 0 ("0,500" is a fraction). */
    private static final Pattern AMBIGUOUS = Pattern.compile("[-+]?(?!0[.,])\\d{1,3}[.,]\\d{3}");
    /** Two or more groups of three by the same point, comma or space, or one by a space; then perhaps a fraction. */
    private static final Pattern GROUPED = Pattern.compile(
            "[-+]?\\d{1,3}(?:(?:(\\.)\\d{3}(?:\\.\\d{3})+|(,)\\d{3}(?:,\\d{3})+|([ \\u00A0\\u202F])\\d{3}(?:\\3\\d{3})*)"
                    + "|(?:\\.\\d{3})+(?=,)|(?:,\\d{3})+(?=\\.))([.,]\\d+)?");

    /** Whether {@code typed} is a thousand or a fraction depending on who reads it ("1.000", "12,000"). */
    static boolean ambiguous(String typed) {
        return AMBIGUOUS.matcher(typed.strip()).matches();
    }

    /** The number {@code typed} says, or null when it says none (or an ambiguous one). */
    static BigDecimal read(String typed) {
        String t = typed.strip();
        if (t.length() > 40 || ambiguous(t)) {
            return null;
        }
        if (PLAIN.matcher(t).matches()) {
            return new BigDecimal(t.replace(',', '.'));
        }
        var grouped = GROUPED.matcher(t);
        if (!grouped.matches()) {
            return null;
        }
        String fraction = grouped.group(4);
        String whole = t.substring(0, fraction == null ? t.length() : t.length() - fraction.length()).replaceAll("[., \\u00A0\\u202F]", "");
        if (fraction != null && fraction.charAt(0) == groupingOf(t.substring(0, t.length() - fraction.length()))) {
            return null; // "1.000.5": the same mark for thousands and the fraction
        }
        return new BigDecimal(whole + (fraction == null ? "" : "." + fraction.substring(1)));
    }

    private static char groupingOf(String whole) {
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c == '.' || c == ',' || c == ' ' || c == '\u00A0' || c == '\u202F') {
                return c;
            }
        }
        return 0;
    }
}
