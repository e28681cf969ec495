package nl.samenspraak.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A moment as a person reads it in their language: the day with its month in words, and the time ("7 dec. 2026 15:05",
 * "Dec 7, 2026, 3:05 PM", "7 Ara 2026 15:05"), in the zone the service's conversations live in. The short numeric form
 * it replaces read "12/7/26, 3:05 PM" in English (the month first, as in the United States): a resident in the
 * Netherlands reading English would take a hand-over link that ends on 7 December for one that ends on 12 July. A month in
 * words is read one way in every language. Arabic writes its medium date in figures, day first (CLDR), as its readers
 * expect.
 */
public final class Moments {
    private Moments() {
    }

    /**
     * {@code at}'s day in {@code language}, in {@code zone}, as short as the language writes it with its month in words:
     * "7 dec. 2026", "Dec 7, 2026", "7 Ara 2026". A language whose medium date is figures only (Arabic: 07/12/2026, one
     * word that cannot wrap in a narrow column) gets its long one, "7 ديسمبر 2026". For a round's name, which heads the
     * comparison's columns: "7 december 2026" there made each round's column so wide on a 360 px phone that the change
     * beside them was cut off.
     */
    public static String day(Instant at, ZoneId zone, String language) {
        Locale locale = Locale.forLanguageTag(language);
        String medium = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM, null, IsoChronology.INSTANCE, locale);
        return medium.contains("MMM") ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone).format(at)
                : longDay(at, zone, language);
    }

    /** {@code at}'s day in {@code language}, in {@code zone}, written out: "7 december 2026", for a date in a sentence. */
    public static String longDay(Instant at, ZoneId zone, String language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)).withZone(zone).format(at);
    }

    /**
     * {@code at}'s day and time in {@code language}, in {@code zone}. Arabic joins them with its own comma: the JDK's
     * pattern has a Latin one ("2026/12/07, 5:16 م", the intermediair's probe), where Arabic text writes "،".
     */
    public static String dayAndTime(Instant at, ZoneId zone, String language) {
        Locale locale = Locale.forLanguageTag(language);
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM, FormatStyle.SHORT,
                IsoChronology.INSTANCE, locale);
        if ("ar".equals(locale.getLanguage())) {
            pattern = pattern.replace(", ", "\u060C ");
        }
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone).format(at);
    }
}
