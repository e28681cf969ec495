package nl.samenspraak.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Counts as whole percentages that add up to exactly 100 (largest remainder): each rounded on its own, the quarters
 * of a score made a stacked bar of 99 or 101 (14 + 14 + 71), short of the chart's 100% line or past it. Plain Java.
 */
final class Percentages {
    private Percentages() {
    }

    /** {@code counts} as percentages of their sum, adding up to 100; all 0 when the sum is 0. */
    static List<Long> of(List<Integer> counts) {
        long total = counts.stream().mapToLong(Integer::longValue).sum();
        List<Long> shares = new ArrayList<>();
        if (total == 0) {
            counts.forEach(c -> shares.add(0L));
            return shares;
        }
        long given = 0;
        for (int c : counts) {
            long floor = 100L * c / total;
            shares.add(floor);
            given += floor;
        }
        // the points left go to the largest remainders (the earlier part first on a tie)
        List<Integer> byRemainder = IntStream.range(0, counts.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -((100L * counts.get(i)) % total)).thenComparingInt(i -> i))
                .toList();
        for (int k = 0; k < 100 - given; k++) {
            int i = byRemainder.get(k);
            shares.set(i, shares.get(i) + 1);
        }
        return shares;
    }
}
