package nl.samenspraak.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which k an instance applies among instances on one database with different k: the strictest heard within the time,
 * never less than its own (the database's clock, given here).
 */
class StrictestKTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private final Instant t0 = Instant.parse("2026-12-05T12:00:00Z");

    private Instant at(int seconds) {
        return t0.plusSeconds(seconds);
    }

    private static StrictestK.Heard heard(int k, Instant at) {
        return new StrictestK.Heard(k, at);
    }

    @Test
    void aLargerKHeardRecentlyIsApplied() {
        StrictestK five = new StrictestK(5, WITHIN);
        five.said(at(0));
        StrictestK.Applied applied = five.heard(List.of(heard(5, at(0)), heard(10, at(-29))), at(0));
        assertEquals(10, applied.k());
        assertEquals(Set.of(10), applied.others());
    }

    @Test
    void neverLessThanItsOwn() {
        StrictestK ten = new StrictestK(10, WITHIN);
        ten.said(at(0));
        StrictestK.Applied applied = ten.heard(List.of(heard(10, at(0)), heard(5, at(0))), at(0));
        assertEquals(10, applied.k(), "a smaller k of another instance changes nothing here");
        assertEquals(Set.of(5), applied.others(), "but it is told");
        assertEquals(10, new StrictestK(10, WITHIN).heard(List.of(), at(0)).k(), "nothing heard: its own");
    }

    @Test
    void aKNotHeardForTheTimeIsNotApplied() {
        StrictestK five = new StrictestK(5, WITHIN);
        five.said(at(0));
        StrictestK.Applied applied = five.heard(List.of(heard(5, at(0)), heard(10, at(-30))), at(0));
        assertEquals(5, applied.k(), "an instance that stopped more than 30 s ago is no longer obeyed");
        assertEquals(Set.of(), applied.others());
    }

    @Test
    void aLargerKIsLetGoOnceTheInstanceWithItHasBeenSilentForTheTime() {
        StrictestK five = new StrictestK(5, WITHIN);
        for (int s = 0; s <= 20; s += 10) {
            five.said(at(s));
            assertEquals(10, five.heard(List.of(heard(5, at(s)), heard(10, at(s))), at(s)).k());
        }
        // the instance with 10 stops after saying it at 20
        for (int s = 30; s < 50; s += 10) {
            five.said(at(s));
            assertEquals(10, five.heard(List.of(heard(5, at(s)), heard(10, at(20))), at(s)).k(), "at " + s);
        }
        five.said(at(50));
        assertEquals(5, five.heard(List.of(heard(5, at(50)), heard(10, at(20))), at(50)).k(), "30 s after it last said 10");
    }

    @Test
    void afterASilenceOfItsOwnALargerKIsKeptUntilTheOthersHadTheirTurnToSayIt() {
        StrictestK five = new StrictestK(5, WITHIN);
        five.said(at(0));
        assertEquals(10, five.heard(List.of(heard(5, at(0)), heard(10, at(0))), at(0)).k());
        // the database away for a minute: nobody could say anything; this instance is first back
        five.said(at(60));
        assertEquals(10, five.heard(List.of(heard(5, at(60)), heard(10, at(0))), at(60)).k(),
                "the other instance may still run with 10: it has not had its turn to say so again");
        five.said(at(70));
        assertEquals(10, five.heard(List.of(heard(5, at(70)), heard(10, at(0))), at(89)).k());
        five.said(at(80));
        five.said(at(90));
        assertEquals(5, five.heard(List.of(heard(5, at(90)), heard(10, at(0))), at(90)).k(),
                "30 s of its own saying and nobody said 10: that instance is gone");
    }

    @Test
    void aLargerKHeardAgainIsAppliedAtOnce() {
        StrictestK five = new StrictestK(5, WITHIN);
        five.said(at(0));
        assertEquals(5, five.heard(List.of(heard(5, at(0))), at(0)).k());
        assertEquals(12, five.heard(List.of(heard(5, at(0)), heard(12, at(1))), at(1)).k());
    }
}
