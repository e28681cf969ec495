package nl.samenspraak.round;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a round takes no more answers, and when its figures may be shown (the page itself: RoundFiguresSettleTest). */
class SurveyRoundTest {
    static final Instant OPENED = Instant.parse("2026-11-01T09:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-01T23:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void aRoundClosedByItsDateShowsItsFiguresAMinuteAfterThatDate() {
        SurveyRound round = new SurveyRound(1L, 7L, "werk-jij-diversiteitsproof", 6, CLOSES, null, OPENED);
        assertFalse(round.closed(CLOSES.minusMillis(1)));
        assertTrue(round.closed(CLOSES));
        assertFalse(round.settled(CLOSES, MINUTE), "closed, but an answer of its last moment may still be on its way");
        assertFalse(round.settled(CLOSES.plus(MINUTE).minusMillis(1), MINUTE));
        assertTrue(round.settled(CLOSES.plus(MINUTE), MINUTE));
    }

    @Test
    void aRoundTheAdminClosedEarlySettlesFromThatMomentNotFromItsDate() {
        Instant closedEarly = Instant.parse("2026-11-20T14:30:00Z");
        SurveyRound round = new SurveyRound(1L, 7L, "werk-jij-diversiteitsproof", 6, CLOSES, closedEarly, OPENED);
        assertTrue(round.closed(closedEarly));
        assertFalse(round.settled(closedEarly.plusSeconds(30), MINUTE));
        assertTrue(round.settled(closedEarly.plus(MINUTE), MINUTE), "long before its date");
    }

    @Test
    void aConversationCountsWhenFinishedByTheEndWhicheverCameFirst() {
        Instant closedEarly = Instant.parse("2026-11-20T14:30:00Z");
        SurveyRound early = new SurveyRound(1L, 7L, "werk-jij-diversiteitsproof", 6, CLOSES, closedEarly, OPENED);
        assertTrue(early.counts(closedEarly), "finished at the very moment the admin closed it");
        assertFalse(early.counts(closedEarly.plusMillis(1)), "after the admin closed it, though long before its date");
        SurveyRound byDate = new SurveyRound(2L, 7L, "werk-jij-diversiteitsproof", 6, CLOSES, null, OPENED);
        assertTrue(byDate.counts(CLOSES.minusSeconds(1)));
        assertFalse(byDate.counts(CLOSES.plusSeconds(1)), "after midnight of its closing date");
    }

    /**
     * A round is named by the day it ended on as people count days: one that ran to its closing date (1 December in
     * Amsterdam, so it ended at the midnight after) by 1 December, not the 2nd; one closed early by that day.
     */
    @Test
    void aRoundIsNamedByItsLastDay() {
        java.time.ZoneId amsterdam = java.time.ZoneId.of("Europe/Amsterdam");
        SurveyRound toItsDate = new SurveyRound(1L, 7L, "wijkanalyse", 0, CLOSES, null, OPENED);
        assertEquals(java.time.LocalDate.of(2026, 12, 1), SurveyRound.namedBy(toItsDate.end()).atZone(amsterdam).toLocalDate());
        Instant closedEarly = Instant.parse("2026-11-20T14:30:00Z");
        SurveyRound early = new SurveyRound(1L, 7L, "wijkanalyse", 0, CLOSES, closedEarly, OPENED);
        assertEquals(java.time.LocalDate.of(2026, 11, 20), SurveyRound.namedBy(early.end()).atZone(amsterdam).toLocalDate());
    }
}
