package nl.samenspraak.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/** How finely time is split for the trend and the period filter: by month, quarter or year. */
public enum Granularity {
    MONTH(Pattern.compile("\\d{4}-(0[1-9]|1[0-2])")),
    QUARTER(Pattern.compile("\\d{4}-Q[1-4]")),
    YEAR(Pattern.compile("\\d{4}"));

    private final Pattern format;

    Granularity(Pattern format) {
        this.format = format;
    }

    /** The period {@code at} falls in, in {@code zone}: "2025-05", "2025-Q2" or "2025". */
    public String period(Instant at, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        return switch (this) {
            case MONTH -> year(t.getYear()) + (t.getMonthValue() < 10 ? "-0" : "-") + t.getMonthValue();
            case QUARTER -> year(t.getYear()) + "-Q" + ((t.getMonthValue() - 1) / 3 + 1);
            case YEAR -> year(t.getYear());
        };
    }

    /** The same period at this (coarser or equal) granularity: "2025-05" as a year is "2025". */
    public String coarsen(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        int month = period.length() == 7 && period.charAt(5) != 'Q' ? Integer.parseInt(period.substring(5)) : 0;
        int quarter = period.contains("-Q") ? period.charAt(6) - '0' : month == 0 ? 0 : (month - 1) / 3 + 1;
        return switch (this) {
            case MONTH -> period;
            case QUARTER -> year(year) + "-Q" + quarter;
            case YEAR -> year(year);
        };
    }

    /** A year in four digits; not with String.format, as the dashboard asks this for every answer it counts. */
    private static String year(int year) {
        if (year < 0 || year > 9999) {
            return String.format("%04d", year);
        }
        String digits = Integer.toString(year);
        return "0000".substring(digits.length()) + digits;
    }

    /** Whether this granularity is as fine as {@code other} or coarser. */
    public boolean atLeastAsCoarseAs(Granularity other) {
        return ordinal() >= other.ordinal();
    }

    /** The granularity of a period as written, or empty when it is not a period. */
    public static Optional<Granularity> of(String period) {
        for (Granularity g : values()) {
            if (g.format.matcher(period).matches()) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
