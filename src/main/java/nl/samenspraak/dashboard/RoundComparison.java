package nl.samenspraak.dashboard;

import nl.samenspraak.flow.Flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scores per dimension of a team's counted rounds, side by side, under the one cell rule. Each round has at
 * least k respondents, but a dimension is not scored by all of them (a skipped or "weet ik niet" dimension has no
 * score): "10 respondents, 8 scored" would tell about 2. So a round shows a dimension only when, in that round, both
 * those with a score and those without are 0 or at least k, and so are, for each question it counts on, those who
 * answered it and those who did not ({@link ScoreCells}: twelve with a trust score, two of them at 50-74 beside a
 * shame question hidden for its two answers, were those two). The rule looks at the round alone, so a round's figures
 * never change once shown: one "weet ik niet" in a later round took the weakest dimension out of every earlier round,
 * its summary and its advice. Rounds together are the flow page's figures, which are shown only when every round's
 * cells are harmless (the rounds are one more filter key there, {@link Aggregator}), so no difference of the two
 * pages tells about a round that hides a dimension. A change is given only between two rounds that both show the
 * dimension. Plain Java.
 */
public final class RoundComparison {
    /** One dimension in one round: how many have a score, the mean, and how many fall in each quarter of 0-100. */
    public record Score(int scored, double mean, List<Integer> bands) {
    }

    /**
     * One round: its id, its respondents, its invitations (0: a resident round), the scores it may show, and the
     * dimensions nobody in it has a score on (not hidden: there is nothing to show, and the summary says so).
     */
    public record Round(long id, java.time.Instant end, int respondents, int invited, Map<String, Score> scores,
                        java.util.Set<String> nobody, int number) {
        public Round(long id, java.time.Instant end, int respondents, int invited, Map<String, Score> scores) {
            this(id, end, respondents, invited, scores, java.util.Set.of(), 0);
        }

        public Round(long id, java.time.Instant end, int respondents, int invited, Map<String, Score> scores,
                     java.util.Set<String> nobody) {
            this(id, end, respondents, invited, scores, nobody, 0);
        }

        /** Its number among {@code all} ("Ronde 2"): the one it was given (see TeamDashboards.CountedRound), else its place. */
        public int numberIn(List<Round> all) {
            return number > 0 ? number : all.indexOf(this) + 1;
        }
    }

    /** What the summary of one round says: its scores, the strongest and weakest dimensions, the changes. */
    public record Summary(Round round, Round previous, List<String> strongest, List<String> weakest,
                          Map<String, Double> changes) {
    }

    private final Flow flow;
    private final List<Round> rounds;
    private final List<TeamDashboards.CountedRound> counted;

    RoundComparison(Flow flow, List<Round> rounds) {
        this(flow, rounds, List.of());
    }

    private RoundComparison(Flow flow, List<Round> rounds, List<TeamDashboards.CountedRound> counted) {
        this.flow = flow;
        this.rounds = rounds;
        this.counted = counted;
    }

    public static RoundComparison of(Flow flow, MinimumGroupSize k, List<TeamDashboards.CountedRound> counted) {
        List<Round> rounds = new ArrayList<>();
        for (TeamDashboards.CountedRound r : counted) {
            Map<String, Score> scores = new LinkedHashMap<>();
            java.util.Set<String> nobody = new java.util.HashSet<>();
            for (String d : flow.dimensions()) {
                List<Integer> values = r.responses().stream().map(x -> x.scores().get(d)).filter(Objects::nonNull).toList();
                if (values.isEmpty()) {
                    nobody.add(d);
                }
                if (!k.shows(values.size()) || !ScoreCells.harmless(k, flow, d, r.responses(), x -> x, List.of())) {
                    continue;
                }
                Integer[] bands = {0, 0, 0, 0};
                values.forEach(v -> bands[Math.min(3, v / 25)]++);
                scores.put(d, new Score(values.size(), values.stream().mapToInt(Integer::intValue).average().orElse(0), List.of(bands)));
            }
            rounds.add(new Round(r.round().id(), r.round().end(), r.responses().size(), r.round().invited(), scores,
                    java.util.Set.copyOf(nobody), r.number()));
        }
        return new RoundComparison(flow, rounds, List.copyOf(counted));
    }

    /**
     * The conversations of the round with this id, as this comparison counted them: what that round's own figures
     * (its texts, {@link TeamDashboards#roundReport}) are made of, from the same read as its scores.
     */
    public TeamDashboards.CountedRound counted(long roundId) {
        return counted.stream().filter(r -> r.round().id() == roundId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("round " + roundId + " is not counted here"));
    }

    /**
     * The change of a dimension's mean from one round to the next as every page and the report say it: the difference
     * of the two means as they are shown, rounded, so that "52, then 45" reads "-7" wherever it stands (the exact
     * difference, -6.2, rounded to -6 on the summary while the rounds side by side said -7).
     */
    public static long change(Score before, Score now) {
        return Math.round(now.mean()) - Math.round(before.mean());
    }

    /** The counted rounds, oldest first. */
    public List<Round> rounds() {
        return rounds;
    }

    /**
     * The parts of {@code ordered} named from its start, whole groups of parts tied as shown at a time, while fewer than
     * {@code fewest} are named; none in {@code band}, none of {@code taken}.
     */
    private List<String> named(Round round, List<String> ordered, int fewest, String band, List<String> taken) {
        List<String> named = new ArrayList<>();
        int i = 0;
        while (i < ordered.size() && named.size() < fewest) {
            long value = shown(round, ordered.get(i));
            List<String> group = new ArrayList<>();
            for (; i < ordered.size() && shown(round, ordered.get(i)) == value; i++) {
                group.add(ordered.get(i));
            }
            group.removeIf(d -> taken.contains(d) || band.equals(flow.band((int) value)));
            if (group.isEmpty()) {
                break;
            }
            named.addAll(group);
        }
        return List.copyOf(named);
    }

    /** A part's mean as the pages show it: whole. */
    private static long shown(Round round, String dimension) {
        return Math.round(round.scores().get(dimension).mean());
    }

    /** The summary of the round with this id (the latest when null); empty when there is no such counted round. */
    public java.util.Optional<Summary> summary(Long roundId) {
        int i = roundId == null ? rounds.size() - 1 : indexOf(roundId);
        if (i < 0) {
            return java.util.Optional.empty();
        }
        Round round = rounds.get(i);
        Round previous = i > 0 ? rounds.get(i - 1) : null;
        List<String> byMean = round.scores().entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Score> e) -> e.getValue().mean()))
                .map(Map.Entry::getKey).toList();
        // the weakest: the parts at the lowest mean as shown, then at the next, while fewer than two (one of two or three
        // parts) are named; parts tied as shown are named together, also beyond two: of three parts, the second at 0
        // beside the first at 0 was never named, nor its tips given (the regression probe), and of two at 69 the one
        // "Zwakst" named, with the team's advice, was picked by decimals no page shows (the manager probe of December
        // 2026: Netwerk 68.9 named, Vaardigheden 69.3 not). A part in the flow's highest band is no weak point (five
        // parts at 100 named two of them "Zwakst" by the order of sorting), nor one in its lowest a strong point:
        // "Sterkst: 49" stood above parts all below the middle of a resident's questionnaire. The strongest alike, from
        // the top, among the parts not named weakest.
        List<String> weakest = named(round, byMean, Math.min(2, byMean.size() / 2), "high", List.of());
        List<String> descending = new ArrayList<>(byMean);
        java.util.Collections.reverse(descending);
        List<String> strongest = named(round, descending, Math.min(2, byMean.size() - weakest.size()), "low", weakest);
        Map<String, Double> changes = new LinkedHashMap<>();
        if (previous != null) {
            round.scores().forEach((d, s) -> {
                Score before = previous.scores().get(d);
                if (before != null) {
                    changes.put(d, (double) change(before, s));
                }
            });
        }
        return java.util.Optional.of(new Summary(round, previous, strongest, List.copyOf(weakest), changes));
    }

    private int indexOf(long roundId) {
        for (int i = 0; i < rounds.size(); i++) {
            if (rounds.get(i).id() == roundId) {
                return i;
            }
        }
        return -1;
    }
}
