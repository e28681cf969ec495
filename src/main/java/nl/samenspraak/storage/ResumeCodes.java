package nl.samenspraak.storage;

import nl.samenspraak.engine.TypedCharacters;

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
        String code = comparable(typed);
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

    /**
     * Any code a person types or copies (a resume code, a round's invitation, a team's join code, a resident link's),
     * as it is compared, the one rule for all of them: its characters as meant ({@link TypedCharacters#plain}: full-width
     * letters and digits, a phone's Arabic-Indic digits, a non-breaking or any other dash, direction marks and
     * isolates left out), upper case, without spaces and dashes (a code is shown in groups). Whether it is a code of the
     * right length and alphabet is for the caller to say.
     */
    public static String comparable(String typed) {
        return TypedCharacters.plain(typed).toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }
}
