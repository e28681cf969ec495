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

    /**
     * Of a resident flow's three parts, two at 0 (as shown) are both the weakest, and both get the team's advice: the
     * summary named the first by the order of sorting, and the second's tips ("Hulp die bij u past") never reached
     * the team (the regression probe). Not tied, one is; never a part both weakest and strongest.
     */
    @Test
    void aPartTiedWithTheWeakestIsNamedWithIt() {
        nl.samenspraak.flow.Flow flow = nl.samenspraak.support.FlowWalk.library().flow("wijkanalyse").orElseThrow();
        assertEquals(3, flow.dimensions().size());
        List<String> d = List.copyOf(flow.dimensions());
        RoundComparison.Summary tied = summary(flow, java.util.Map.of(d.get(0), mean(0.2), d.get(1), mean(75), d.get(2), mean(0.4)));
        assertEquals(java.util.Set.of(d.get(0), d.get(2)), java.util.Set.copyOf(tied.weakest()));
        assertEquals(List.of(d.get(1)), tied.strongest());

        RoundComparison.Summary apart = summary(flow, java.util.Map.of(d.get(0), mean(10), d.get(1), mean(75), d.get(2), mean(20)));
        assertEquals(List.of(d.get(0)), apart.weakest());
        assertEquals(List.of(d.get(1), d.get(2)).get(0), apart.strongest().get(0));
        assertEquals(false, apart.strongest().contains(d.get(0)));
    }

    /**
     * Of five parts, the second and third at 69 as shown (68.9 and 69.3): "Zwakst" named the second only, by decimals
     * no page shows, and the team's advice followed it alone (the manager probe). Both are named beside the weakest,
     * and the same at the strong end.
     */
    @Test
    void aTieAcrossTheLastNamedPartNamesEveryPartInIt() {
        nl.samenspraak.flow.Flow flow = nl.samenspraak.support.FlowWalk.library().flow("werk-jij-diversiteitsproof").orElseThrow();
        List<String> d = List.copyOf(flow.dimensions());
        assertEquals(5, d.size());
        RoundComparison.Summary weak = summary(flow, java.util.Map.of(d.get(0), mean(60), d.get(1), mean(68.9), d.get(2), mean(69.3),
                d.get(3), mean(80), d.get(4), mean(90)));
        assertEquals(List.of(d.get(0), d.get(1), d.get(2)), weak.weakest(), "the two at 69 both");
        assertEquals(List.of(d.get(4), d.get(3)), weak.strongest());
        RoundComparison.Summary strong = summary(flow, java.util.Map.of(d.get(0), mean(60), d.get(1), mean(64), d.get(2), mean(79.6),
                d.get(3), mean(80.4), d.get(4), mean(95)));
        assertEquals(List.of(d.get(0), d.get(1)), strong.weakest());
        assertEquals(List.of(d.get(4), d.get(3), d.get(2)), strong.strongest(), "the two at 80 both");
        RoundComparison.Summary apart = summary(flow, java.util.Map.of(d.get(0), mean(60), d.get(1), mean(68.4), d.get(2), mean(69.6),
                d.get(3), mean(80), d.get(4), mean(90)));
        assertEquals(List.of(d.get(0), d.get(1)), apart.weakest(), "68 and 70 as shown: apart");
        assertEquals(List.of(d.get(4), d.get(3)), apart.strongest());
    }

    private static RoundComparison.Summary summary(nl.samenspraak.flow.Flow flow, java.util.Map<String, RoundComparison.Score> scores) {
        RoundComparison.Round round = new RoundComparison.Round(1, java.time.Instant.parse("2026-12-01T00:00:00Z"), 12, 0,
                new java.util.LinkedHashMap<>(scores));
        return new RoundComparison(flow, List.of(round)).summary(null).orElseThrow();
    }
}
