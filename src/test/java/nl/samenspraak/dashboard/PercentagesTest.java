package nl.samenspraak.dashboard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stacked bar of a score's quarters reaches the chart's 100% line exactly. */
class PercentagesTest {
    @Test
    void sharesAddUpToAHundredWithTheLeftoverOnTheLargestRemainders() {
        assertEquals(List.of(0L, 14L, 14L, 72L), Percentages.of(List.of(0, 1, 1, 5)), "7 people: 14.3, 14.3, 71.4 made 99");
        assertEquals(List.of(29L, 28L, 43L, 0L), Percentages.of(List.of(2, 2, 3, 0)), "28.6, 28.6, 42.9 made 101 rounded each");
        assertEquals(List.of(34L, 33L, 33L), Percentages.of(List.of(1, 1, 1)), "a tie: the first part first");
        assertEquals(List.of(25L, 25L, 25L, 25L), Percentages.of(List.of(3, 3, 3, 3)));
        assertEquals(List.of(0L, 0L), Percentages.of(List.of(0, 0)));
        for (List<Integer> counts : List.of(List.of(1, 2, 3, 4), List.of(7, 0, 0, 6), List.of(1, 1, 1, 1, 1, 1))) {
            assertEquals(100L, Percentages.of(counts).stream().mapToLong(Long::longValue).sum(), counts.toString());
        }
    }
}
