package nl.samenspraak.dashboard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The change from one round to the next is said the same way on the summary, the rounds side by side and the report:
 * as the difference of the means those pages show. A manager read "-7" beside "52, then 45" on one page and "-6" on
 * the other for the same two rounds.
 */
class RoundComparisonTest {
    private static RoundComparison.Score mean(double mean) {
        return new RoundComparison.Score(5, mean, List.of(0, 0, 5, 0));
    }

    @Test
    void aChangeIsTheDifferenceOfTheMeansAsShown() {
        assertEquals(-7, RoundComparison.change(mean(51.6), mean(45.4)), "52 then 45, although the exact difference is -6.2");
        assertEquals(1, RoundComparison.change(mean(49.4), mean(49.6)), "49 then 50");
        assertEquals(0, RoundComparison.change(mean(60.2), mean(59.8)), "60 both times");
    }
}
