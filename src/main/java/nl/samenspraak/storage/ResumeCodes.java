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
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** What a person typed, made comparable: case, spaces and dashes do not matter. Null when it can't be a code. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
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
