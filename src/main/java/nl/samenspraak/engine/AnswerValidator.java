package nl.samenspraak.engine;

import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a raw answer (text, number, list of texts or null, as it arrives from any channel) against its
 * step and turns it into the stored form: option values as text, scale points and numbers as numbers,
 * dates as yyyy-mm-dd, several options as a list in the order the flow lists them, a skip as null.
 */
public final class AnswerValidator {

    public AnswerCheck check(Step step, Object raw) {
        if (step.type() == StepType.INFO) {
            return AnswerCheck.ok(null);
        }
        if (isEmpty(raw)) {
            return step.optional() ? AnswerCheck.ok(null) : AnswerCheck.invalid("error.required");
        }
        return switch (step.type()) {
            case CHOICE, YESNO -> single(step, raw);
            case SCALE -> scale(step, raw);
            case MULTI -> multi(step, raw);
            case TEXT -> text(step, raw);
            case NUMBER -> number(step, raw);
            case DATE -> date(raw);
            case INFO -> AnswerCheck.ok(null);
        };
    }

    private static boolean isEmpty(Object raw) {
        return raw == null
                || (raw instanceof String s && s.isBlank())
                || (raw instanceof Collection<?> c && c.isEmpty());
    }

    private AnswerCheck single(Step step, Object raw) {
        String value = raw instanceof Boolean b && step.type() == StepType.YESNO ? (b ? Step.YES : Step.NO) : scalarText(raw);
        if (value != null && step.option(value.trim()).isPresent()) {
            return AnswerCheck.ok(value.trim());
        }
        return AnswerCheck.invalid("error.choice");
    }

    private AnswerCheck scale(Step step, Object raw) {
        String text = scalarText(raw);
        if (text != null && text.trim().equals(Step.DONT_KNOW) && step.option(Step.DONT_KNOW).isPresent()) {
            return AnswerCheck.ok(Step.DONT_KNOW);
        }
        BigDecimal number = parseNumber(raw);
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

    private AnswerCheck multi(Step step, Object raw) {
        List<?> items = raw instanceof List<?> l ? l : List.of(raw);
        Set<String> chosen = new LinkedHashSet<>();
        for (Object item : items) {
            String value = scalarText(item);
            if (value == null || step.option(value.trim()).isEmpty() || !chosen.add(value.trim())) {
                return AnswerCheck.invalid("error.multi_choice");
            }
        }
        boolean dontKnow = step.options().stream().anyMatch(o -> o.dontKnow() && chosen.contains(o.value()));
        if (dontKnow && chosen.size() > 1) {
            return AnswerCheck.invalid("error.multi_dont_know");
        }
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
        String clean = text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
        if (clean.isEmpty()) {
            return step.optional() ? AnswerCheck.ok(null) : AnswerCheck.invalid("error.required");
        }
        int length = clean.codePointCount(0, clean.length());
        if (length > step.maxLength()) {
            return AnswerCheck.invalid("error.text_too_long", Map.of("max", step.maxLength(), "length", length));
        }
        return AnswerCheck.ok(clean);
    }

    private AnswerCheck number(Step step, Object raw) {
        BigDecimal number = parseNumber(raw);
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
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return AnswerCheck.ok(stripped.longValueExact());
        }
        return AnswerCheck.ok(number.doubleValue());
    }

    private AnswerCheck date(Object raw) {
        String text = scalarText(raw);
        if (text == null) {
            return AnswerCheck.invalid("error.date");
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                return AnswerCheck.invalid("error.date");
            }
            return AnswerCheck.ok(date.toString());
        } catch (DateTimeParseException e) {
            return AnswerCheck.invalid("error.date");
        }
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
            String t = s.trim().replace(',', '.');
            if (t.length() > 40 || !t.matches("[-+]?\\d+(\\.\\d+)?")) {
                return null;
            }
            return new BigDecimal(t);
        }
        return null;
    }
}
