package nl.samenspraak.support;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that a text a person sees is in their language, not Dutch leaking through. */
public final class Translated {
    /** Names that stay as they are inside an Arabic text: the product, services residents must find, technical names. */
    private static final Set<String> DUTCH_NAMES = Set.of("Samenspraak", "wijkteam", "CJG", "JSON", "JavaScript", "Telegram", "QR", "CSV", "XLSX", "PDF");

    private Translated() {
    }

    /**
     * {@code shown} (in {@code language}) is not the Dutch text; a bare number, such as a scale point, or a
     * single word ("Teams") or a text of references only ("$name: $label") may be the same, and one without letters
     * must be (but for Arabic's own comma, semicolon and question mark, and a decimal separator, a point or a comma). Arabic text has Arabic letters and no Latin ones but for a few service names.
     */
    public static void assertTranslated(String language, String dutch, String shown, String where) {
        if (dutch.matches("[.,]") && shown.matches("[.,]")) {
            return; // a decimal separator: a comma in Dutch, a point in English (answer.decimal_separator)
        }
        if (dutch.matches("\\d+") || !withoutReferences(dutch).matches("(?s).*\\p{L}.*")) {
            // the same in every language, but for the punctuation Arabic writes its own way (a list's comma: "، ")
            assertEquals(dutch, "ar".equals(language) ? shown.replace('\u060C', ',').replace('\u061B', ';').replace('\u061F', '?') : shown, where);
            return;
        }
        if ("ar".equals(language)) {
            assertNotEquals(dutch, shown, where + " is still Dutch in " + language);
            assertArabic(shown, where);
        } else if (dutch.strip().contains(" ")) {
            // a single word may well be the same ("Teams", "Menu", "Rol"); a sentence never is
            assertNotEquals(dutch, shown, where + " is still Dutch in " + language);
        }
    }

    /**
     * Arabic letters and no Latin letters, apart from those names, template references ($min) and a Latin name
     * deliberately kept and isolated in its own direction (FSI ... PDI), such as a Dutch report title.
     */
    public static void assertArabic(String text, String where) {
        String rest = withoutReferences(text).replaceAll("\u2068[^\u2069]*\u2069", " ");
        for (String name : DUTCH_NAMES) {
            rest = rest.replace(name, " ");
        }
        long arabic = rest.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count();
        long latin = rest.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        assertTrue(arabic > 0 && latin == 0, where + " is not Arabic only: " + text);
    }

    private static String withoutReferences(String template) {
        // references ($min, ${language}) , Telegram commands (/start) and resume codes are the same in every language
        return template.replaceAll("\\$\\{?\\w+}?|(?<!\\w)/[a-z]+|[A-Z0-9]{4}-[A-Z0-9]{4}", " ");
    }
}
