package nl.samenspraak.storage;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Short codes to resume a conversation: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * about 40 bits, typed easily on a phone and shown in groups of four.
 */
public final class ResumeCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResumeCodes() {
    }

    public static String next() {
        return next(LENGTH);
    }

    /** A random code of {@code length} characters from the same alphabet (about 5 bits each). */
    public static String next(int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * What a person typed, made comparable: case, spaces, dashes and format characters do not matter. Null when it
     * can't be a code. Format characters ({@code \p{Cf}}) because a code is copied from where it is shown: in Arabic
     * the bot wraps it in a left-to-right isolate ("\u2066KSD5-3U83\u2069"), which Telegram, the web's resume form and
     * the API all get pasted back.
     */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\p{Cf}-]", "");
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }
}
