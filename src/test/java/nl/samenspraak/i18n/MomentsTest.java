package nl.samenspraak.i18n;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MomentsTest {
    private static final Instant SEVENTH_OF_DECEMBER = Instant.parse("2026-12-07T14:05:00Z");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /**
     * A hand-over link that works until 7 December read "12/7/26, 3:05 PM" in English, which a resident in the
     * Netherlands would read as 12 July: every language names the month, and the time is the zone's.
     */
    @Test
    void theMonthIsNamedSoNoReaderTakesTheDayForTheMonth() {
        assertEquals("7 dec. 2026 15:05", Moments.dayAndTime(SEVENTH_OF_DECEMBER, AMSTERDAM, "nl"));
        String english = Moments.dayAndTime(SEVENTH_OF_DECEMBER, AMSTERDAM, "en");
        assertTrue(english.startsWith("Dec 7, 2026") && english.contains("3:05"), english);
        assertFalse(english.contains("12/7"), english);
        assertTrue(Moments.dayAndTime(SEVENTH_OF_DECEMBER, AMSTERDAM, "tr").startsWith("7 Ara 2026"));
        assertTrue(Moments.dayAndTime(SEVENTH_OF_DECEMBER, AMSTERDAM, "pl").startsWith("7 gru 2026"));
        // the zone's time, not the server's
        assertTrue(Moments.dayAndTime(SEVENTH_OF_DECEMBER, ZoneId.of("UTC"), "nl").endsWith("14:05"));
    }

    /** Arabic writes its medium date in figures, the day first, with the month and the year: 07/12/2026. */
    @Test
    void arabicGivesTheDayFirstAndTheWholeYear() {
        // without the direction marks CLDR puts between its parts
        String arabic = Moments.dayAndTime(SEVENTH_OF_DECEMBER, AMSTERDAM, "ar").replaceAll("[\\u200E\\u200F\\u061C]", "");
        assertTrue(arabic.contains("2026") && arabic.indexOf("07") < arabic.indexOf("12"), arabic);
        // the day and the time joined with the Arabic comma, as Arabic text writes it (a Latin one: the intermediair's probe)
        assertTrue(arabic.contains("2026\u060C ") && !arabic.contains(","), arabic);
        String english = Moments.dayAndTime(SEVENTH_OF_DECEMBER, AMSTERDAM, "en");
        assertTrue(english.startsWith("Dec 7, 2026, 3:05"), "other languages keep their own: " + english);
    }

    /**
     * A round's name heads a column of the comparison on a phone: its day as short as the language writes it with the
     * month in words, and in words still where the short form is figures only (one long word that cannot wrap).
     */
    @Test
    void aDayIsShortWithItsMonthInWords() {
        assertEquals("7 dec. 2026", Moments.day(SEVENTH_OF_DECEMBER, AMSTERDAM, "nl"));
        assertEquals("Dec 7, 2026", Moments.day(SEVENTH_OF_DECEMBER, AMSTERDAM, "en"));
        assertEquals("7 Ara 2026", Moments.day(SEVENTH_OF_DECEMBER, AMSTERDAM, "tr"));
        assertEquals("7 gru 2026", Moments.day(SEVENTH_OF_DECEMBER, AMSTERDAM, "pl"));
        String arabic = Moments.day(SEVENTH_OF_DECEMBER, AMSTERDAM, "ar");
        assertTrue(arabic.contains("ديسمبر") && arabic.contains(" "), "Arabic names the month and can wrap: " + arabic);
        assertEquals(Moments.longDay(SEVENTH_OF_DECEMBER, AMSTERDAM, "ar"), arabic, "its long date");
        assertEquals("7 december 2026", Moments.longDay(SEVENTH_OF_DECEMBER, AMSTERDAM, "nl"));
        // the zone's day: late on the 6th in UTC is the 7th in Amsterdam
        assertEquals("7 dec. 2026", Moments.day(Instant.parse("2026-12-06T23:30:00Z"), AMSTERDAM, "nl"));
    }
}
