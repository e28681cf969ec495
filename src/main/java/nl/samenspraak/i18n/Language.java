package nl.samenspraak.i18n;

import java.util.Optional;

/**
 * A language the product speaks: its code (nl, ar, ...), its own name, its text direction, and the Unicode script its
 * words are written in ({@code script} in its language.yaml, a name as {@link Character.UnicodeScript#forName} and a
 * browser's {@code \p{Script=...}} read it: Latin, Arabic; null: not said). The script is data, as the rest of a
 * language is, so a typed answer's language can be checked against its letters without Java knowing the language.
 */
public record Language(String code, String name, String direction, String script) {
    public static final String SOURCE = "nl";

    public Language {
        if (script != null) {
            Character.UnicodeScript.forName(script); // an unknown name fails here, where the file is read
        }
    }

    /** A language whose script is not said: no typed text is judged by its letters. */
    public Language(String code, String name, String direction) {
        this(code, name, direction, null);
    }

    public boolean rightToLeft() {
        return "rtl".equals(direction);
    }

    /** The script its words are written in, when its language.yaml says so. */
    public Optional<Character.UnicodeScript> writtenIn() {
        return script == null ? Optional.empty() : Optional.of(Character.UnicodeScript.forName(script));
    }
}
