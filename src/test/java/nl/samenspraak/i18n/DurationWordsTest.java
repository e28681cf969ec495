package nl.samenspraak.i18n;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationWordsTest {

    /** A number before its noun takes the noun's form the number asks for, in each language's own grammar. */
    @Test
    void aPeriodIsWordedWithTheFormItsNumberTakes() {
        assertEquals("1 minuut", DurationWords.of(Duration.ofMinutes(1), "nl"));
        assertEquals("15 minuten", DurationWords.of(Duration.ofMinutes(15), "nl"));
        assertEquals("1 minute", DurationWords.of(Duration.ofMinutes(1), "en"));
        assertEquals("2 minuty", DurationWords.of(Duration.ofMinutes(2), "pl"));
        assertEquals("5 minut", DurationWords.of(Duration.ofMinutes(5), "pl"));
        assertEquals("5 دقائق", DurationWords.of(Duration.ofMinutes(5), "ar"));
        assertEquals("15 دقيقة", DurationWords.of(Duration.ofMinutes(15), "ar"));
        assertEquals("14 dagen", DurationWords.of(Duration.ofDays(14), "nl"));
        assertEquals("14 يومًا", DurationWords.of(Duration.ofDays(14), "ar"), "0-9 as every other number of the texts");
        assertEquals("36 uur", DurationWords.of(Duration.ofHours(36), "nl"));
        assertEquals("90 minuten", DurationWords.of(Duration.ofMinutes(90), "nl"), "not rounded down to one hour");
    }

    @Test
    void noPeriodIsNoWords() {
        assertEquals("", DurationWords.of(null, "nl"));
        assertEquals("", DurationWords.of(Duration.ZERO, "ar"));
    }
}
