package nl.samenspraak.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list typed for a question with several answers, as people write one: "Nederlands, Turks", "Nederlands; Turks",
 * one per line, or "Nederlands en Turks" (the language's words for "and", {@code typed.and}). Only splits: whether
 * each part names an option is the validator's to say. The commas of any script (Arabic's ، and ؛, full-width) count.
 */
final class TypedList {
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\n\\r\\u060C\\u061B\\uFF0C\\uFF1B]+");

    private TypedList() {
    }

    /** The parts of {@code typed} between its commas, semicolons and line breaks, each stripped; none empty. */
    static List<String> parts(String typed) {
        List<String> parts = new ArrayList<>();
        for (String part : SEPARATORS.split(typed)) {
            String trimmed = trimmed(part);
            if (!trimmed.isEmpty()) {
                parts.add(trimmed);
            }
        }
        return parts;
    }

    /**
     * {@code part} without the spaces around it, a no-break space too: "streek ,&#160;jaren" named " jaren" as an
     * answer not among the options, where "jaren" is one (String.strip leaves U+00A0, U+202F, U+2007).
     */
    static String trimmed(String part) {
        return EDGES.matcher(part).replaceAll("");
    }

    private static final Pattern EDGES = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");

    /** The most characters of a part a refusal quotes: a long text typed at a list question is not echoed whole. */
    static final int MOST_QUOTED = 60;

    /** {@code part} as a refusal names it: its beginning and "…" when longer than {@link #MOST_QUOTED}. */
    static String named(String part) {
        if (part.codePointCount(0, part.length()) <= MOST_QUOTED) {
            return part;
        }
        return part.substring(0, part.offsetByCodePoints(0, MOST_QUOTED - 1)) + "\u2026";
    }

    /**
     * {@code part} split at a word for "and" standing on its own ("Nederlands en Turks", "Turks &amp; Pools"); the part
     * alone when it has none.
     */
    static List<String> atAnd(String part, List<String> andWords) {
        List<String> words = andWords.stream().map(String::strip).filter(w -> !w.isEmpty()).map(Pattern::quote).toList();
        if (words.isEmpty()) {
            return List.of(part);
        }
        Pattern and = Pattern.compile("\\s+(?:" + String.join("|", words) + ")\\s+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<String> split = new ArrayList<>();
        for (String piece : and.split(part)) {
            String trimmed = trimmed(piece);
            if (!trimmed.isEmpty()) {
                split.add(trimmed);
            }
        }
        return split.isEmpty() ? List.of(part) : split;
    }
}
