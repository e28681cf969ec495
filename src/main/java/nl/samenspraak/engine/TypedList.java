package nl.samenspraak.engine;

import nl.samenspraak.flow.Option;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list typed for a question with several answers, as people write one: "Nederlands, Turks", "Nederlands; Turks",
 * one per line, or "Nederlands en Turks" (the language's words for "and", {@code typed.and}), read into the options it
 * names ({@link #read}, with {@link OptionNames}); whether they make an answer (how many, which go together) is the
 * validator's to say. The commas of any script (Arabic's ، and ؛, full-width) count.
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

    /** The most list parts one option's words hold ("Welke familie, hier of in het buitenland, ..." has three). */
    static final int MOST_PARTS_IN_ONE_OPTION = 8;
    /** More parts than this in a typed list is no list of a question's options. */
    static final int MOST_PARTS = 40;

    /** Whether a word for "and" (normalised) is one letter of a script that writes it joined to the word after it. */
    static boolean joinsNextWord(String and) {
        return and.codePointCount(0, and.length()) == 1 && JOINING.contains(Character.UnicodeScript.of(and.codePointAt(0)));
    }

    /** Scripts whose one-letter "and" is written joined to the word after it. */
    private static final Set<Character.UnicodeScript> JOINING = Set.of(Character.UnicodeScript.ARABIC, Character.UnicodeScript.HEBREW,
            Character.UnicodeScript.SYRIAC);

    private static final Pattern WORD = Pattern.compile("[^\\s\\p{Z},;\\u060C\\u061B\\uFF0C\\uFF1B]+");

    /**
     * What a typed list names: the options in the order typed ({@code unknown} null), or the first part that names none
     * ({@code options} empty; {@code unknown} empty text when the list is too long to be read).
     */
    record Reading(List<Option> options, String unknown) {
        boolean read() {
            return unknown == null;
        }
    }

    /**
     * The options {@code typed} names, read from its start. At each part: the longest run of words that is one option's
     * whole name ({@link OptionNames#exact}) and ends at a comma, a word for "and" or the end, so a label with commas
     * or an "and" of its own ("Brieven en formulieren en Geld en schulden") stays one part; else the longest such run
     * that names one option by its label's first words or its label without brackets ({@link OptionNames#loose}:
     * "Berbers"). A word for "and" between two parts is passed; one before the first part or after the last is not (it
     * is then part of a part that names nothing). A word for "and" of one letter may be written joined to the next word,
     * as Arabic writes و ("العربية والتركية"): such a word is read without it only when it names no option itself and
     * what follows the و does ("المال والديون" is one label). A part that names nothing is returned as typed, up to the
     * next comma or "and".
     */
    static Reading read(String typed, List<String> andWords, OptionNames names) {
        Set<String> and = new HashSet<>();
        List<String> joined = new ArrayList<>();
        for (String w : andWords) {
            String normalized = AnswerWords.normalize(w);
            if (!normalized.isEmpty()) {
                and.add(normalized);
                // only a script that writes its "and" joined to the next word (Arabic's و, Hebrew's ו): Polish "i" read
                // "iczy" as "czy", and "&Turks" as Turks
                if (joinsNextWord(normalized)) {
                    joined.add(normalized);
                }
            }
        }
        Words list = Words.of(typed, and, joined, names.mostWords() + 2);
        List<Option> found = new ArrayList<>();
        int passed = 0;
        int p = 0;
        while (p < list.size()) {
            if (found.size() + passed > 2 * MOST_PARTS) {
                return new Reading(List.of(), "");
            }
            Run run = list.longest(p, 0, names::exact);
            // "and" between parts only: a list that begins with it ("en Engels") adds to something not typed here, and
            // read as "Engels" it would stand for the whole answer
            if (run == null && list.and[p] && !found.isEmpty() && p + 1 < list.size()) {
                passed++;
                p++;
                continue;
            }
            if (run == null) {
                run = list.longest(p, 0, names::loose);
            }
            // a word after a joined "and" only when the word itself names none
            // never the first part's: a list does not begin with "and" ("وكيف" alone named the option on upbringing)
            int joinedAnd = found.isEmpty() ? 0 : list.joinedAnd[p];
            if (run == null && joinedAnd > 0) {
                run = list.longest(p, joinedAnd, names::exact);
            }
            if (run == null && joinedAnd > 0) {
                run = list.longest(p, joinedAnd, names::loose);
            }
            if (run == null) {
                int q = p;
                while (q + 1 < list.size() && !list.commaBefore[q + 1] && !list.and[q + 1]) {
                    q++;
                }
                return new Reading(List.of(), list.text(p, 0, q));
            }
            found.add(run.option());
            p = run.last() + 1;
        }
        return new Reading(List.copyOf(found), null);
    }

    /** An option named by words up to {@code last}. */
    private record Run(Option option, int last) {
    }

    /** The words of a typed list: where each begins and ends, which follow a comma, which are a word for "and". */
    private record Words(String typed, int[] starts, int[] ends, boolean[] commaBefore, boolean[] and, int[] joinedAnd,
                         int mostWords) {

        static Words of(String typed, Set<String> andWords, List<String> joined, int mostWords) {
            List<int[]> found = new ArrayList<>();
            Matcher m = WORD.matcher(typed);
            while (m.find()) {
                found.add(new int[] {m.start(), m.end()});
            }
            int n = found.size();
            Words words = new Words(typed, new int[n], new int[n], new boolean[n], new boolean[n], new int[n], mostWords);
            for (int i = 0; i < n; i++) {
                words.starts[i] = found.get(i)[0];
                words.ends[i] = found.get(i)[1];
                words.commaBefore[i] = i > 0 && SEPARATORS.matcher(typed.substring(words.ends[i - 1], words.starts[i])).find();
                String word = typed.substring(words.starts[i], words.ends[i]);
                words.and[i] = andWords.contains(AnswerWords.normalize(word));
                for (String j : joined) {
                    if (word.length() > j.length() && word.regionMatches(true, 0, j, 0, j.length())) {
                        words.joinedAnd[i] = j.length();
                    }
                }
            }
            return words;
        }

        int size() {
            return starts.length;
        }

        /** Whether a part may end after word {@code i}: at the end, a comma, a word for "and", or a joined "and". */
        boolean endsPart(int i) {
            return i + 1 >= size() || commaBefore[i + 1] || and[i + 1] || joinedAnd[i + 1] > 0;
        }

        /** Words {@code from} to {@code to} as typed, commas and all, the first {@code skip} characters left out. */
        String text(int from, int skip, int to) {
            return typed.substring(starts[from] + skip, ends[to]);
        }

        /**
         * The longest run from word {@code from} (its first {@code skip} characters left out) that names an option and
         * may end a part; null if none. No longer than any option's naming, nor over more than
         * {@link #MOST_PARTS_IN_ONE_OPTION} comma-separated parts.
         */
        Run longest(int from, int skip, Function<String, Optional<Option>> names) {
            int commas = 0;
            int last = from;
            while (last + 1 < size() && last + 1 - from < mostWords) {
                if (commaBefore[last + 1] && ++commas >= MOST_PARTS_IN_ONE_OPTION) {
                    break;
                }
                last++;
            }
            for (int to = last; to >= from; to--) {
                if (endsPart(to)) {
                    Optional<Option> named = names.apply(text(from, skip, to));
                    if (named.isPresent()) {
                        return new Run(named.get(), to);
                    }
                }
            }
            return null;
        }
    }
}
