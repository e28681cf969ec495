package nl.samenspraak.engine;

import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a raw answer (text, number, list of texts or null, as it arrives from any channel) against its
 * step and turns it into the stored form: option values as text, scale points and numbers as numbers,
 * dates as yyyy-mm-dd, several options as a list in the order the flow lists them, a skip as null.
 *
 * <p>People type: an option may also be given by its words in the conversation's language ("ja", "nooit",
 * "weet ik niet", see {@link AnswerWords}), numbers in Arabic-Indic or Persian digits and with a decimal comma, or
 * as words up to ten ("drie"),
 * dates as people write them ({@link DateReader}), checked against the step's {@code notBefore}/{@code notAfter}
 * with {@code today}. An exclusive option ("Geen van deze") or "weet ik niet" goes with no other option.
 */
public final class AnswerValidator {

    /** Checks without words and with today's date in the system's time zone (tests, tools). */
    public AnswerCheck check(Step step, Object raw) {
        return check(step, raw, AnswerWords.none(), LocalDate.now());
    }

    public AnswerCheck check(Step step, Object raw, AnswerWords words, LocalDate today) {
        if (step.type() == StepType.INFO) {
            return AnswerCheck.ok(null);
        }
        if (isEmpty(raw)) {
            return step.optional() ? AnswerCheck.ok(null) : AnswerCheck.invalid("error.required");
        }
        return switch (step.type()) {
            case CHOICE, YESNO -> single(step, raw, words);
            case SCALE -> scale(step, raw, words);
            case MULTI -> multi(step, raw, words);
            case TEXT -> text(step, raw);
            case NUMBER -> number(step, raw, words);
            case DATE -> date(step, raw, words, today);
            case INFO -> AnswerCheck.ok(null);
        };
    }

    /** The option {@code typed} names: its value, or words the person may type for it ({@link OptionNames}); empty when none. */
    private static Optional<Option> option(Step step, String typed, AnswerWords words) {
        return new OptionNames(step, words).exact(typed);
    }

    private static boolean isEmpty(Object raw) {
        return raw == null
                || (raw instanceof String s && s.isBlank())
                || (raw instanceof Collection<?> c && c.isEmpty());
    }

    private AnswerCheck single(Step step, Object raw, AnswerWords words) {
        String value = raw instanceof Boolean b && step.type() == StepType.YESNO ? (b ? Step.YES : Step.NO) : scalarText(raw);
        Optional<Option> chosen = value == null ? Optional.empty() : option(step, value, words);
        return chosen.map(o -> AnswerCheck.ok(o.value())).orElseGet(() -> AnswerCheck.invalid("error.choice"));
    }

    private AnswerCheck scale(Step step, Object raw, AnswerWords words) {
        String text = scalarText(raw);
        BigDecimal number = parseNumber(raw);
        if (number == null && text != null) {
            Optional<Option> named = option(step, text, words);
            if (named.isPresent()) {
                return named.get().dontKnow() ? AnswerCheck.ok(named.get().value()) : AnswerCheck.ok(Long.parseLong(named.get().value()));
            }
            number = words.numberNamed(text);
        }
        Map<String, Object> range = Map.of("min", step.min().longValue(), "max", step.max().longValue());
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            return AnswerCheck.invalid("error.scale", range);
        }
        long v = number.longValue();
        if (v < step.min() || v > step.max()) {
            return AnswerCheck.invalid("error.scale", range);
        }
        return AnswerCheck.ok(v);
    }

    /** The most characters of a typed list: forty parts of a hundred. */
    private static final int MOST_TYPED_LIST_CHARS = 4_000;

    private AnswerCheck multi(Step step, Object raw, AnswerWords words) {
        List<?> items;
        if (raw instanceof List<?> l) {
            items = l;
        } else if (raw instanceof String typed && option(step, typed, words).isEmpty()) {
            // typed as a list ("Nederlands, Turks", "Nederlands en Turks", "Berbers"): each part an option (TypedList).
            // Read as one it was refused, or stored as one item; a part that names none is said by name, and nothing is
            // stored. Longer than forty options could be is refused at once: joining and normalising its parts again
            // and again took 9 to 17 s of CPU for one request of 250 kB (the probe of December 2026)
            if (typed.length() > MOST_TYPED_LIST_CHARS || TypedList.parts(typed).size() > TypedList.MOST_PARTS) {
                return AnswerCheck.invalid("error.multi_choice");
            }
            TypedList.Reading reading = TypedList.read(typed, words.andWords(), new OptionNames(step, words));
            if (reading.read() && reading.options().isEmpty()) {
                return AnswerCheck.invalid("error.multi_choice");
            }
            if (!reading.read()) {
                // one text that names nothing is no list: the message for a multi, as before
                boolean lone = reading.unknown().isEmpty() || reading.unknown().equals(TypedList.trimmed(typed));
                return lone ? AnswerCheck.invalid("error.multi_choice")
                        : AnswerCheck.invalid("error.multi_unknown", Map.of("answer", TypedList.named(reading.unknown())));
            }
            items = reading.options().stream().map(Option::value).toList();
        } else {
            items = List.of(raw);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (Object item : items) {
            String value = scalarText(item);
            Optional<Option> option = value == null ? Optional.empty() : option(step, value, words);
            if (option.isEmpty() || !chosen.add(option.get().value())) {
                return AnswerCheck.invalid("error.multi_choice");
            }
        }
        Optional<Option> alone = step.options().stream().filter(o -> o.standsAlone() && chosen.contains(o.value())).findFirst();
        if (alone.isPresent() && chosen.size() > 1) {
            return AnswerCheck.invalid("error.multi_exclusive", Map.of("answer", words.name(step, alone.get())));
        }
        boolean dontKnow = alone.isPresent() && alone.get().dontKnow();
        if (!dontKnow && chosen.size() < step.min()) {
            return AnswerCheck.invalid("error.multi_min", Map.of("min", step.min().longValue()));
        }
        if (chosen.size() > step.max()) {
            return AnswerCheck.invalid("error.multi_max", Map.of("max", step.max().longValue()));
        }
        List<String> ordered = new ArrayList<>();
        for (Option o : step.options()) {
            if (chosen.contains(o.value())) {
                ordered.add(o.value());
            }
        }
        return AnswerCheck.ok(List.copyOf(ordered));
    }

    private AnswerCheck text(Step step, Object raw) {
        String text = scalarText(raw);
        if (text == null || hasLoneSurrogate(text)) {
            return AnswerCheck.invalid("error.text");
        }
        String clean = kept(text);
        if (nothingToSee(clean)) {
            return step.optional() ? AnswerCheck.ok(null) : AnswerCheck.invalid("error.required");
        }
        // the characters a person sees; and never more UTF-16 units than the longest characters people type would
        // take, nor than the column holds (200,000 of JSON): a hundred-character answer held 120,000 marks on one letter
        int most = (int) Math.min(MOST_UNITS, (long) step.maxLength() * UNITS_PER_CHARACTER);
        int length = clean.length() > most ? Math.max(step.maxLength() + 1, characters(clean)) : characters(clean);
        if (length > step.maxLength()) {
            return AnswerCheck.invalid("error.text_too_long", Map.of("max", step.maxLength(), "length", length));
        }
        return AnswerCheck.ok(clean);
    }

    /**
     * A typed text as it is kept: without control characters (but new lines and tabs) and the spaces around it. The
     * voice answer's mark ({@link Step#VOICE_ANSWER}) is never typed: a typed text can't pass for a voice message.
     */
    static String kept(String text) {
        return text.replaceAll("[[\\p{Cc}&&[^\\n\\t]]\\uE000]", "").strip();
    }

    /**
     * Whether a kept text shows nothing: only spaces and format characters (direction marks and overrides, zero-width
     * spaces and joiners, U+FEFF), marks with no letter to sit on (a variation selector, a combining accent), private
     * use characters no font draws, and the letters that are blanks (the Hangul fillers, the braille blank). A lone
     * U+202E answered a required question with an empty line that was stored and echoed as answered; so did U+FE0F,
     * U+3164, U+2800 and a lone combining mark. Within a text they stay (a joiner inside an emoji, a mark in a
     * mixed-direction line, an accent on its letter).
     */
    static boolean nothingToSee(String kept) {
        return kept.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || BLANKS.contains(c)
                || (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)
                || switch (Character.getType(c)) {
                    // not UNASSIGNED: to Java 17 an emoji newer than its Unicode 13 is one ("🫠")
                    case Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.PRIVATE_USE,
                         Character.SURROGATE -> true;
                    default -> false;
                });
    }

    /**
     * Characters that are letters or symbols by their category and still show nothing: the Hangul fillers, the braille
     * blank, the object replacement character (a box with nothing in it) and the musical null notehead.
     */
    private static final java.util.Set<Integer> BLANKS = java.util.Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0xFFFC,
            0x1D159);

    /**
     * A typed text's length as a text question's limit counts it: the characters of {@link #kept} a person sees and
     * can count, not UTF-16 units nor code points (a family emoji is seven, an Arabic letter with its vowel mark two:
     * 30 emoji were "210 characters" of a limit of 200).
     */
    public static int length(String text) {
        return characters(kept(text));
    }

    /** The most UTF-16 units a typed answer may have, whatever its limit in characters: the answer column's room. */
    static final int MOST_UNITS = 180_000;

    /**
     * The most UTF-16 units a typed answer may have per character of its limit: the longest characters people type fit
     * (a region's flag, seven code points and fourteen units; a family emoji, eleven), a letter under a hundred marks
     * does not. Counting what a person sees alone, a text limited to 100 stored 120,001 code points (the API probe).
     */
    static final int UNITS_PER_CHARACTER = 16;

    private static final java.util.regex.Pattern CHARACTER = java.util.regex.Pattern.compile("\\X");

    /** The characters (extended grapheme clusters) of {@code text}. */
    static int characters(String text) {
        java.util.regex.Matcher m = CHARACTER.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private AnswerCheck number(Step step, Object raw, AnswerWords words) {
        if (raw instanceof String typed && TypedNumber.ambiguous(Digits.western(typed))) {
            return AnswerCheck.invalid("error.number_grouping");
        }
        BigDecimal number = parseNumber(raw);
        if (number == null && raw instanceof String typed) {
            number = words.numberNamed(typed);
        }
        if (number == null) {
            return AnswerCheck.invalid("error.number");
        }
        boolean tooLow = step.min() != null && number.compareTo(BigDecimal.valueOf(step.min())) < 0;
        boolean tooHigh = step.max() != null && number.compareTo(BigDecimal.valueOf(step.max())) > 0;
        if (tooLow || tooHigh) {
            if (step.min() != null && step.max() != null) {
                return AnswerCheck.invalid("error.number_range", Map.of("min", plain(step.min()), "max", plain(step.max())));
            }
            return tooLow ? AnswerCheck.invalid("error.number_min", Map.of("min", plain(step.min())))
                    : AnswerCheck.invalid("error.number_max", Map.of("max", plain(step.max())));
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (step.integer() && stripped.scale() > 0) {
            return AnswerCheck.invalid("error.number_whole");
        }
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return AnswerCheck.ok(stripped.longValueExact());
        }
        return AnswerCheck.ok(number.doubleValue());
    }

    private AnswerCheck date(Step step, Object raw, AnswerWords words, LocalDate today) {
        String text = scalarText(raw);
        if (text == null || text.length() > 60) {
            return AnswerCheck.invalid("error.date");
        }
        LocalDate notBefore = bound(step.notBefore(), today);
        LocalDate notAfter = bound(step.notAfter(), today);
        Optional<LocalDate> read = DateReader.read(text, words, today, notBefore, notAfter);
        if (read.isEmpty() || read.get().getYear() < 1900 || read.get().getYear() > 2200) {
            return AnswerCheck.invalid("error.date");
        }
        LocalDate date = read.get();
        if (notBefore != null && date.isBefore(notBefore)) {
            return AnswerCheck.invalid(Step.TODAY.equals(step.notBefore()) ? "error.date_not_before_today" : "error.date_not_before",
                    Map.of("date", words.date(notBefore)));
        }
        if (notAfter != null && date.isAfter(notAfter)) {
            return AnswerCheck.invalid(Step.TODAY.equals(step.notAfter()) ? "error.date_not_after_today" : "error.date_not_after",
                    Map.of("date", words.date(notAfter)));
        }
        return AnswerCheck.ok(date.toString());
    }

    private static LocalDate bound(String bound, LocalDate today) {
        return bound == null ? null : Step.TODAY.equals(bound) ? today : LocalDate.parse(bound);
    }

    /** Half of a character that needs two UTF-16 units, without its other half: not text anyone typed. */
    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A whole number prints without ".0", so "1 tot en met 10" reads as people write it. */
    private static Object plain(double d) {
        return d == Math.rint(d) ? (Object) (long) d : (Object) d;
    }

    private static String scalarText(Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        BigDecimal b = finite(raw);
        if (b == null) {
            return null;
        }
        b = b.stripTrailingZeros();
        return b.scale() <= 0 ? b.toBigInteger().toString() : b.toPlainString();
    }

    /**
     * A number as it came (JSON allows 1e999, which a double holds as infinity), or null when it is not a number a
     * person could mean: infinite, or so large or so finely written that merely printing it would take long.
     */
    private static BigDecimal finite(Object raw) {
        if (!(raw instanceof Number n)) {
            return null;
        }
        try {
            BigDecimal b = new BigDecimal(n.toString());
            return Math.abs(b.scale()) > 100 || b.precision() > 100 ? null : b;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal parseNumber(Object raw) {
        if (raw instanceof Number) {
            return finite(raw);
        }
        if (raw instanceof String s) {
            return TypedNumber.read(Digits.western(s));
        }
        return null;
    }
}
