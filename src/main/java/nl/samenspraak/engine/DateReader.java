package nl.samenspraak.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date the way people write it: 2026-12-01, 1-12-2026, 01/12/2026, 1.12.26, "1 december", "1 dec. 2026",
 * "December 1st, 2026", "١ ديسمبر ٢٠٢٦", with the month names of the conversation's language ({@link AnswerWords}).
 * Day before month, as in every language the product speaks. A date without a year is, of that day in last year,
 * this year and next year, the nearest to today that the step's bounds allow ("5 januari" typed in December is next
 * January, "1 december" typed on 6 December this week's); when none of them is allowed, the nearest, which the bounds
 * then refuse with their own message. A two-digit year is in this century unless that is in the future for a date
 * that may not be.
 */
final class DateReader {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{2}|\\d{4})");
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,4})(?:st|nd|rd|th|e|de|ste)?");

    private DateReader() {
    }

    /**
     * The date in {@code typed}, or empty when it is none. {@code today} and the step's bounds ({@code notBefore},
     * {@code notAfter}, each null when there is none) decide the year of a date typed without one (or with two digits).
     */
    static Optional<LocalDate> read(String typed, AnswerWords words, LocalDate today, LocalDate notBefore, LocalDate notAfter) {
        boolean mayBeFuture = notAfter == null || notAfter.isAfter(today);
        String text = Digits.western(typed).strip();
        Matcher m = ISO.matcher(text);
        if (m.matches()) {
            return date(num(m, 1), num(m, 2), num(m, 3));
        }
        m = YEAR_FIRST.matcher(text);
        if (m.matches()) {
            return date(num(m, 1), num(m, 2), num(m, 3));
        }
        m = DAY_FIRST.matcher(text);
        if (m.matches()) {
            int year = m.group(3).length() == 2 ? century(num(m, 3), today, mayBeFuture) : num(m, 3);
            return date(year, num(m, 2), num(m, 1));
        }
        return inWords(AnswerWords.normalize(text), words, today, mayBeFuture, notBefore, notAfter);
    }

    private static Optional<LocalDate> inWords(String text, AnswerWords words, LocalDate today, boolean mayBeFuture,
                                               LocalDate notBefore, LocalDate notAfter) {
        List<List<String>> months = words.months();
        int month = 0;
        String rest = null;
        int longest = 0;
        for (int i = 0; i < months.size(); i++) {
            for (String name : months.get(i)) {
                Matcher found = Pattern.compile("(^|\\s)" + Pattern.quote(name) + "(\\s|$)").matcher(text);
                if (name.length() > longest && found.find()) {
                    longest = name.length();
                    month = i + 1;
                    rest = text.substring(0, found.start()) + " " + text.substring(found.end());
                }
            }
        }
        if (month == 0) {
            return Optional.empty();
        }
        List<String> numbers = new ArrayList<>();
        for (String token : rest.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            Matcher n = NUMBER.matcher(token);
            if (!n.matches()) {
                return Optional.empty();
            }
            numbers.add(n.group(1));
        }
        if (numbers.isEmpty() || numbers.size() > 2 || numbers.get(0).length() > 2) {
            return Optional.empty();
        }
        int day = Integer.parseInt(numbers.get(0));
        if (numbers.size() == 2) {
            String y = numbers.get(1);
            if (y.length() != 2 && y.length() != 4) {
                return Optional.empty();
            }
            return date(y.length() == 2 ? century(Integer.parseInt(y), today, mayBeFuture) : Integer.parseInt(y), month, day);
        }
        return nearest(month, day, today, notBefore, notAfter);
    }

    /**
     * Day {@code day} of {@code month} in last year, this year or next year: the nearest to today the bounds allow,
     * else the nearest (a tie goes to the earlier); empty when no such day exists in those years (29 February).
     */
    private static Optional<LocalDate> nearest(int month, int day, LocalDate today, LocalDate notBefore, LocalDate notAfter) {
        LocalDate best = null;
        LocalDate bestAllowed = null;
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            Optional<LocalDate> candidate = date(year, month, day);
            if (candidate.isEmpty()) {
                continue;
            }
            LocalDate d = candidate.get();
            if (best == null || distance(d, today) < distance(best, today)) {
                best = d;
            }
            boolean allowed = (notBefore == null || !d.isBefore(notBefore)) && (notAfter == null || !d.isAfter(notAfter));
            if (allowed && (bestAllowed == null || distance(d, today) < distance(bestAllowed, today))) {
                bestAllowed = d;
            }
        }
        return Optional.ofNullable(bestAllowed != null ? bestAllowed : best);
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(a.toEpochDay() - b.toEpochDay());
    }

    private static int century(int twoDigits, LocalDate today, boolean mayBeFuture) {
        int year = 2000 + twoDigits;
        return !mayBeFuture && year > today.getYear() ? year - 100 : year;
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
