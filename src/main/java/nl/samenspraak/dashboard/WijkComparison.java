package nl.samenspraak.dashboard;

import nl.samenspraak.dashboard.MinimumGroupSize.Key;
import nl.samenspraak.flow.Flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The wijken of a team side by side (issue 15), under the one cell rule. A wijk gets a column of its own only
 * with at least k respondents. Beside the team's total, the wijken shown also give, by subtraction, the rest of
 * the team: so the wijken with fewer than k (and those without a wijk) go together into one "other wijken"
 * column, and when that rest would be 1..k-1 people the smallest shown wijk joins it too (complementary
 * suppression), until the rest is nobody or at least k. The table counts several rounds together, and a manager
 * can keep the page (or the report) from before the next round closed: the difference is that round's people per
 * column. So the rule holds per column x round: a wijk with 1..k-1 people in some round joins the other wijken
 * (and then the smallest shown wijk, until the other wijken hold in every round too). Every column, the total,
 * and every difference between them or between two snapshots is then a union of groups of at least k. A
 * dimension is compared only when, in every column and round, both those with a score and those without are
 * nobody or at least k, and so are those who answered each question it counts on and those who did not
 * ({@link ScoreCells}, as {@link RoundComparison} does for rounds); otherwise it is left out of every column.
 * The flow page splits the same people by its version and period filters (and its export by language), whether or
 * not it lets the wijk filter be used: so every column must also be nobody or at least k in each of those groups
 * ({@code splits}, {@link Aggregator#splitsBesideWijk}). Noord (12) beside the version filter's "oud" (11, all
 * Noord's) was, by subtraction, the one Noord resident under the new version.
 * Plain Java.
 */
public final class WijkComparison {
    /** One column: a wijk's name, or null for the other wijken together; its respondents; its mean per dimension. */
    public record Column(String wijk, int respondents, Map<String, Double> means) {
        public boolean others() {
            return wijk == null;
        }
    }

    /** The columns (largest wijk first, the others last), the team's total, and the dimensions compared. */
    public record Table(List<Column> columns, Column total, List<String> dimensions) {
        /** Whether there is anything to set side by side: at least two columns. */
        public boolean comparable() {
            return columns.size() > 1;
        }
    }

    private WijkComparison() {
    }

    /**
     * The wijken side by side, from the conversations of each round that counts (oldest first; without rounds,
     * one list with all of them): each cell is a column x round, so that the page before and after a round closes
     * (or a round is forgotten) differ only by groups of at least k.
     */
    public static Table of(Flow flow, MinimumGroupSize k, List<List<Response>> rounds) {
        return of(flow, k, rounds, List.of());
    }

    /**
     * As {@link #of(Flow, MinimumGroupSize, List)}, when the flow page also splits the same people by {@code splits}
     * (its usable version and period filters, its export's language column: {@link Aggregator#splitsBesideWijk}):
     * each column is then also a cell per split, so no column minus a version's or a period's figure is a few people.
     */
    public static Table of(Flow flow, MinimumGroupSize k, List<List<Response>> rounds, List<Key<Response>> splits) {
        List<InRound> responses = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            for (Response r : rounds.get(i)) {
                responses.add(new InRound(i, r));
            }
        }
        Map<String, Integer> perWijk = new TreeMap<>();
        responses.stream().map(InRound::wijk).filter(Objects::nonNull).forEach(w -> perWijk.merge(w, 1, Integer::sum));
        List<String> shown = new ArrayList<>(perWijk.keySet().stream().filter(w -> k.shows(perWijk.get(w)))
                .sorted(Comparator.comparing((String w) -> -perWijk.get(w)).thenComparing(w -> w)).toList());
        Key<InRound> round = new Key<>("round", InRound::round);
        List<Key<InRound>> apart = new ArrayList<>(List.of(round));
        splits.forEach(key -> apart.add(new Key<>(key.name(), r -> key.of().apply(r.response()))));
        // every column (the other wijken too) in every round: nobody or at least k; so the total minus the wijken
        // shown, and one snapshot minus an earlier one, never give 1..k-1 people. A wijk whose own rounds fail goes
        // to the other wijken first (the smallest of those), else the smallest shown wijk (complementary suppression)
        while (!shown.isEmpty() && !k.harmless(responses, with(column(shown), apart))) {
            List<String> failing = shown.stream().filter(w -> !k.harmless(
                    responses.stream().filter(r -> w.equals(r.wijk())).toList(), apart)).toList();
            shown.remove(failing.isEmpty() ? shown.get(shown.size() - 1) : failing.get(failing.size() - 1));
        }
        if (shown.isEmpty() || !k.shows(responses.size())) {
            return new Table(List.of(), new Column(null, responses.size(), Map.of()), List.of());
        }
        Key<InRound> column = column(shown);
        List<String> dimensions = flow.dimensions().stream()
                .filter(d -> ScoreCells.harmless(k, flow, d, responses, InRound::response, with(column, apart))).toList();
        List<Response> all = responses.stream().map(InRound::response).toList();
        List<Column> columns = new ArrayList<>();
        for (String wijk : shown) {
            columns.add(column(wijk, all.stream().filter(r -> wijk.equals(r.wijk())).toList(), dimensions));
        }
        List<Response> others = all.stream().filter(r -> !shown.contains(r.wijk())).toList();
        if (!others.isEmpty()) {
            columns.add(column(null, others, dimensions));
        }
        return new Table(columns, column(null, all, dimensions), dimensions);
    }

    /** A response and the round it was counted in (its place in the list of rounds). */
    private record InRound(int round, Response response) {
        String wijk() {
            return response.wijk();
        }
    }

    /** {@code first}, then {@code then}, in a new list. */
    private static List<Key<InRound>> with(Key<InRound> first, List<Key<InRound>> then) {
        List<Key<InRound>> keys = new ArrayList<>(List.of(first));
        keys.addAll(then);
        return keys;
    }

    private static Key<InRound> column(List<String> shown) {
        return new Key<>("column", r -> shown.contains(r.wijk()) ? r.wijk() : null);
    }

    private static Column column(String wijk, List<Response> in, List<String> dimensions) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (String d : dimensions) {
            in.stream().map(r -> r.scores().get(d)).filter(Objects::nonNull).mapToInt(Integer::intValue).average()
                    .ifPresent(m -> means.put(d, m));
        }
        return new Column(wijk, in.size(), means);
    }
}
