package nl.samenspraak.i18n;

import com.ibm.icu.text.MeasureFormat;
import com.ibm.icu.util.Measure;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.ULocale;

import java.time.Duration;

/**
 * A period in a person's own words ("14 dagen", "14 gün", "14 يومًا", "2 minuty"): how long answers are kept (a
 * consent text, from the flow's {@code retention}), how long to wait after too many failed logins, how long a voice
 * message may be. A number the service fills in before a noun is wrong in most languages for most numbers ("1
 * minuten", "2 minut", "5 دقيقة"); ICU (already here for the PDF's Arabic shaping) knows every language's plural
 * forms. Whole days when the period is whole days, else whole hours, else minutes. Nothing (null, zero) is "".
 *
 * <p>Kept once worked out: a consent text quotes it on every turn, and ICU reads its plural rules and unit patterns
 * from resource files for each new format (a tenth of a turn's time in a Flight Recorder profile). The periods are
 * the settings' and the languages the project's, so there are few of them.
 */
public final class DurationWords {
    private static final java.util.Map<Key, String> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    private record Key(Duration period, String language) {
    }

    private DurationWords() {
    }

    public static String of(Duration period, String language) {
        if (period == null || period.isZero() || period.isNegative()) {
            return "";
        }
        Key key = new Key(period, language);
        String known = WORDS.get(key);
        if (known != null) {
            return known;
        }
        String words = format(period, language);
        if (WORDS.size() < 1_000) { // bounded, whatever an uploaded flow sets
            WORDS.put(key, words);
        }
        return words;
    }

    private static String format(Duration period, String language) {
        // the digits every other number in the texts is written in (0-9), also in Arabic, whose ICU default is
        // Arabic-Indic: "١٤ يومًا" stood beside a "7 أيام" the flow's text writes in the same consent
        ULocale locale = ULocale.forLanguageTag(language).setKeywordValue("numbers", "latn");
        MeasureFormat format = MeasureFormat.getInstance(locale, MeasureFormat.FormatWidth.WIDE);
        if (period.equals(Duration.ofDays(period.toDays()))) {
            return format.format(new Measure(period.toDays(), MeasureUnit.DAY));
        }
        if (period.equals(Duration.ofHours(period.toHours()))) {
            return format.format(new Measure(period.toHours(), MeasureUnit.HOUR));
        }
        return format.format(new Measure(Math.max(1, period.toMinutes()), MeasureUnit.MINUTE));
    }
}
