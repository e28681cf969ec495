package nl.samenspraak.engine;

import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.i18n.Translations;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words a person may type for an answer, in the conversation's language, for one flow: the labels the flow
 * gives its options (a choice's label, the meaning of a scale's ends, "weet ik niet"), the usual words for yes,
 * no and "don't know", and the month names ({@code typed.*} in locales/&lt;lang&gt;/messages.yaml). With them
 * the engine reads "ja", "nooit" or "1 december" as the answers they mean, in every channel; a new language brings
 * its own words and needs no Java. {@link #none()} knows no words: only option values, numbers and ISO dates.
 */
public final class AnswerWords {
    private static final Pattern MARKS = Pattern.compile("[\\p{Mn}\\u0640]");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0.,;:!?()\"'\\u060C\\u061B\\u061F\\u00BF\\u00A1-]+");
    private static final AnswerWords NONE = new AnswerWords(null, null, null);

    private final Translations translations;
    private final String flowId;
    private final String language;
    private List<List<String>> months;
    private java.util.Map<String, Integer> numbers;

    private AnswerWords(Translations translations, String flowId, String language) {
        this.translations = translations;
        this.flowId = flowId;
        this.language = language;
    }

    /** No words: only option values, numbers and dates as yyyy-mm-dd or d-m-yyyy are read. */
    public static AnswerWords none() {
        return NONE;
    }

    /** The words of {@code language} for the flow {@code flowId}. */
    public static AnswerWords of(Translations translations, String flowId, String language) {
        return new AnswerWords(translations, flowId, language);
    }

    /** What a person may type for {@code option}, each normalised (see {@link #normalize}). */
    List<String> wordsFor(Step step, Option option) {
        if (translations == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        label(step, option).ifPresent(words::add);
        if (option.dontKnow()) {
            words.addAll(list("typed.dont_know"));
        } else if (step.type() == StepType.YESNO) {
            words.addAll(list(Step.YES.equals(option.value()) ? "typed.yes" : "typed.no"));
        }
        return words.stream().map(AnswerWords::normalize).filter(w -> !w.isEmpty()).distinct().toList();
    }

    /** The option's own words, as its button or scale end says them; empty for a scale's middle points. */
    java.util.Optional<String> label(Step step, Option option) {
        if (translations == null) {
            return java.util.Optional.empty();
        }
        String key = "steps." + step.id() + ".";
        if (option.dontKnow()) {
            return java.util.Optional.of(translations.optionalFlowText(language, flowId, key + "options." + option.value())
                    .orElseGet(() -> translations.message(language, "answer.dont_know")));
        }
        return switch (step.type()) {
            case YESNO -> java.util.Optional.of(translations.message(language, Step.YES.equals(option.value()) ? "answer.yes" : "answer.no"));
            case SCALE -> option.value().equals(whole(step.min())) ? java.util.Optional.of(translations.flowText(language, flowId, key + "minLabel"))
                    : option.value().equals(whole(step.max())) ? java.util.Optional.of(translations.flowText(language, flowId, key + "maxLabel"))
                    : java.util.Optional.empty();
            default -> java.util.Optional.of(translations.flowText(language, flowId, key + "options." + option.value()));
        };
    }

    /** The option's label for a message ("Geen van deze"), else its value. */
    String name(Step step, Option option) {
        return label(step, option).orElse(option.value());
    }

    /** The words for "and" between the items of a typed list ("en", "&amp;"; {@code typed.and}); none without words. */
    public List<String> andWords() {
        return translations == null ? List.of() : list("typed.and");
    }

    /**
     * The language's words for "or" ({@code typed.or}): never between two answers, but where an option's label pauses
     * ("Mijn ouders of schoonouders"), so "Mijn ouders" names it in a typed list ({@link OptionNames#loose}).
     */
    List<String> orWords() {
        return translations == null ? List.of() : list("typed.or");
    }

    /** The twelve months, January first, each with the names people write for it (normalised). */
    List<List<String>> months() {
        if (months == null) {
            List<List<String>> read = new ArrayList<>();
            if (translations != null) {
                for (String month : translations.message(language, "typed.months").split("\\|")) {
                    read.add(Arrays.stream(month.split(",")).map(AnswerWords::normalize).filter(w -> !w.isEmpty()).toList());
                }
            }
            months = read.size() == 12 ? List.copyOf(read) : List.of();
        }
        return months;
    }

    /**
     * The number a typed word names ("drie", "üç", "ثلاثة"), nought to ten: the language's words ({@code typed.numbers},
     * "|" between the numbers, "," between the words for one), so that a scale or a number question reads "drie" as it
     * reads "3" (a chat typed in words, a phone's keyboard completing one); null for anything else, and without words.
     */
    public java.math.BigDecimal numberNamed(String typed) {
        // no number word is forty characters long; a longer text is none before it is normalised (a text of a quarter
        // of a megabyte, normalised, cost a second of CPU: OptionNames)
        if (typed.length() > 40) {
            return null;
        }
        if (numbers == null) {
            java.util.Map<String, Integer> read = new java.util.HashMap<>();
            if (translations != null) {
                String[] named = translations.message(language, "typed.numbers").split("\\|");
                for (int n = 0; n < named.length; n++) {
                    for (String word : named[n].split(",")) {
                        String w = normalize(word);
                        if (!w.isEmpty()) {
                            read.putIfAbsent(w, n);
                        }
                    }
                }
            }
            numbers = java.util.Map.copyOf(read);
        }
        Integer n = numbers.get(normalize(typed));
        return n == null ? null : java.math.BigDecimal.valueOf(n);
    }

    /**
     * The twelve month names {@link #date} writes, "|"-separated (empty without names): a page that writes a date it
     * kept itself (the day of scores kept on the device) writes it as the server writes its own.
     */
    public String monthNames() {
        if (translations == null) {
            return "";
        }
        String[] names = translations.message(language, "typed.months").split("\\|");
        return names.length != 12 ? "" : String.join("|", Arrays.stream(names).map(n -> n.split(",")[0].strip()).toList());
    }

    /** A date as people write it in this language: "1 december 2026" (yyyy-mm-dd without month names). */
    public String date(LocalDate date) {
        if (translations == null) {
            return date.toString();
        }
        String[] names = translations.message(language, "typed.months").split("\\|");
        if (names.length != 12) {
            return date.toString();
        }
        return date.getDayOfMonth() + " " + names[date.getMonthValue() - 1].split(",")[0].strip() + " " + date.getYear();
    }

    /**
     * A number answer, stored as written canonically (5.5, 12), as people write it in this language: with its decimal
     * separator ({@code answer.decimal_separator}: a comma in Dutch, Turkish, Polish and Arabic, as those languages'
     * messages write "1,5"; a point in English), no grouping of thousands. Without words with a point; anything that is
     * no number as it is.
     */
    public String number(Object value) {
        java.math.BigDecimal number;
        try {
            number = value instanceof Number || value instanceof String ? new java.math.BigDecimal(String.valueOf(value).strip()) : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null) {
            return String.valueOf(value);
        }
        String plain = number.stripTrailingZeros().toPlainString();
        return translations == null ? plain : plain.replace(".", translations.message(language, "answer.decimal_separator"));
    }

    private List<String> list(String key) {
        return Arrays.stream(translations.message(language, key).split(",")).map(String::strip).toList();
    }

    /**
     * A typed word as it is compared: its characters as meant ({@link TypedCharacters#plain}: any script's digits,
     * full-width forms, any dash, no direction marks), lower case, without accents, Arabic vowel marks or tatweel, with
     * the Arabic letter forms people mix up made one (alef with hamza, alef maqsura, teh marbuta), Turkish dotless i
     * as i, and punctuation as single spaces. The words a flow gives an option go through it too, so both sides of the
     * comparison read the same.
     */
    public static String normalize(String text) {
        String t = TAGS.matcher(text).replaceAll(" ").replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
        t = Normalizer.normalize(TypedCharacters.plain(t).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        t = MARKS.matcher(t).replaceAll("");
        t = t.replace('ı', 'i').replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا').replace('ى', 'ي').replace('ة', 'ه');
        return SEPARATORS.matcher(t).replaceAll(" ").strip();
    }

    private static String whole(Double d) {
        return d == null ? "" : Long.toString(d.longValue());
    }
}
