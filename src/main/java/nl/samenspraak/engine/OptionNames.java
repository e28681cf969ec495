package nl.samenspraak.engine;

import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which of a step's options a typed text names: the one home of that rule, for a single answer and for each part of a
 * typed list. {@link #exact} takes the option's value or the words a person may type for it ({@link AnswerWords}: its
 * label, the words for yes, no and "don't know"). {@link #loose} also takes a shorter naming of one option's label, as
 * people type a part of a list: its first whole words ("Brieven" for "Brieven en formulieren", "Andere familie" for
 * "Andere familie, zoals broers, zussen, ooms of tantes", where the label pauses: before a comma, a bracket or a word
 * for "and" or "or") or the label without its part in brackets ("Berbers" for "Berbers (Tamazight)"). Only when exactly one
 * option's label reads so: a part two labels begin with ("Mijn" for "Mijn partner" and "Mijn ouders") is not guessed.
 */
final class OptionNames {
    /** No option is worded in a thousand characters: a longer text names none, and is not normalised ({@link #exact}). */
    static final int MOST_OPTION_CHARS = 1_000;
    private static final Pattern BRACKETED = Pattern.compile("\\s*[(\\[\\uFF08][^)\\]\\uFF09]*[)\\]\\uFF09]");
    private static final Pattern WORDS = Pattern.compile("[\\s\\p{Z},;\\u060C\\u061B\\uFF0C\\uFF1B]+");

    private final Step step;
    private final AnswerWords words;
    /** Each option's normalised words, read when first needed (a single answer mostly needs the first few). */
    private final List<List<String>> names;
    private List<List<String>> labels;

    OptionNames(Step step, AnswerWords words) {
        this.step = step;
        this.words = words;
        this.names = new ArrayList<>(java.util.Collections.nCopies(step.options().size(), null));
    }

    /** The option {@code typed} names: its value, or words the person may type for it; empty when none. */
    Optional<Option> exact(String typed) {
        // no option is worded in a thousand characters; a longer text is none, before it is normalised (a quarter of a
        // megabyte of a character that decomposes eighteenfold took a second of CPU per request)
        if (typed.length() > MOST_OPTION_CHARS) {
            return Optional.empty();
        }
        String value = typed.strip();
        Optional<Option> exact = step.option(value);
        if (exact.isPresent()) {
            return exact;
        }
        // a value in other capitals ("Intermediair" for intermediair), as "JA" and a scale's "Nooit" were read already: a
        // client that capitalised values got "Kies een van de antwoorden" at a choice and not at a yes/no
        for (Option option : step.options()) {
            if (option.value().equalsIgnoreCase(value)) {
                return Optional.of(option);
            }
        }
        String normalized = AnswerWords.normalize(Digits.western(value));
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < step.options().size(); i++) {
            if (names(i).contains(normalized)) {
                return Optional.of(step.options().get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The option {@code typed} names exactly, else the one option whose label begins with its whole words or is it
     * without the label's part in brackets; empty when none does, or more than one.
     */
    Optional<Option> loose(String typed) {
        Optional<Option> exact = exact(typed);
        if (exact.isPresent() || typed.length() > MOST_OPTION_CHARS) {
            return exact;
        }
        String normalized = AnswerWords.normalize(Digits.western(typed));
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Option found = null;
        for (int i = 0; i < step.options().size(); i++) {
            boolean reads = labels().get(i).contains(normalized);
            if (reads) {
                if (found != null) {
                    return Optional.empty();
                }
                found = step.options().get(i);
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The most words of any option's naming: a run of typed words longer than this names no option, so a typed list is
     * not read in runs longer than it.
     */
    int mostWords() {
        int most = 1;
        for (int i = 0; i < step.options().size(); i++) {
            for (String name : names(i)) {
                most = Math.max(most, WORDS.split(name).length);
            }
            for (String label : words.label(step, step.options().get(i)).stream().toList()) {
                most = Math.max(most, WORDS.split(label.strip()).length);
            }
        }
        return most;
    }

    private List<String> names(int i) {
        if (names.get(i) == null) {
            names.set(i, words.wordsFor(step, step.options().get(i)));
        }
        return names.get(i);
    }

    /**
     * Each option's label, normalised, without its part in brackets when it has one, and its beginnings that end where
     * the label itself pauses (before a comma, a bracket, a word for "and" or "or"): what {@link #loose} reads. Only there:
     * any first word named a whole option, "Of" the option "Of ze hebben moeten vluchten", "Weet" "Weet ik niet", and a
     * question word stored the answer that the person fled (the probe of December 2026).
     */
    private List<List<String>> labels() {
        if (labels == null) {
            java.util.Set<String> and = new java.util.HashSet<>();
            List<String> joined = new ArrayList<>();
            for (String w : words.andWords()) {
                and.add(AnswerWords.normalize(w));
                if (TypedList.joinsNextWord(AnswerWords.normalize(w))) {
                    joined.add(AnswerWords.normalize(w));
                }
            }
            for (String w : words.orWords()) {
                and.add(AnswerWords.normalize(w));
            }
            List<List<String>> read = new ArrayList<>();
            for (Option option : step.options()) {
                List<String> forms = new ArrayList<>();
                words.label(step, option).ifPresent(label -> {
                    forms.add(AnswerWords.normalize(label));
                    String bare = AnswerWords.normalize(BRACKETED.matcher(label).replaceAll(""));
                    if (!bare.isEmpty()) {
                        forms.add(bare);
                    }
                    java.util.regex.Matcher word = LABEL_WORD.matcher(label);
                    while (word.find()) {
                        String w = AnswerWords.normalize(word.group());
                        // Arabic writes its و joined: "الرسائل والاستمارات" pauses before its second word
                        boolean pause = PAUSE.matcher(word.group()).matches() || and.contains(w)
                                || joined.stream().anyMatch(j -> w.length() > j.length() && w.startsWith(j));
                        String before = AnswerWords.normalize(label.substring(0, word.start()));
                        if (pause && !before.isEmpty()) {
                            forms.add(before);
                        }
                    }
                });
                read.add(forms);
            }
            labels = read;
        }
        return labels;
    }

    /** A label's words and its marks of a pause, each on its own: a comma (of any script), a semicolon, a bracket. */
    private static final Pattern LABEL_WORD = Pattern.compile("[,;\\u060C\\u061B\\uFF0C\\uFF1B(\\[\\uFF08]|[^\\s\\p{Z},;\\u060C\\u061B\\uFF0C\\uFF1B(\\[\\uFF08]+");
    private static final Pattern PAUSE = Pattern.compile("[,;\\u060C\\u061B\\uFF0C\\uFF1B(\\[\\uFF08]");
}
