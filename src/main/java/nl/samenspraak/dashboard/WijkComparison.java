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
 * suppression), until the rest is nobody or at least k. Every column, the total, and every difference between
 * them is then a union of groups of at least k. A dimension is compared only when, in every column, both those
 * with a score and those without are nobody or at least k (as {@link RoundComparison} does for rounds); otherwise
 * it is left out of every column. Plain Java.
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

    public static Table of(Flow flow, MinimumGroupSize k, List<Response> responses) {
        Map<String, Integer> perWijk = new TreeMap<>();
        responses.stream().map(Response::wijk).filter(Objects::nonNull).forEach(w -> perWijk.merge(w, 1, Integer::sum));
        List<String> shown = new ArrayList<>(perWijk.keySet().stream().filter(w -> k.shows(perWijk.get(w)))
                .sorted(Comparator.comparing((String w) -> -perWijk.get(w)).thenComparing(w -> w)).toList());
        int rest = responses.size() - shown.stream().mapToInt(perWijk::get).sum();
        // the total minus the wijken shown is the rest: never 1..k-1 people
        while (!k.harmless(rest) && !shown.isEmpty()) {
            rest += perWijk.get(shown.remove(shown.size() - 1));
        }
        if (!k.harmless(rest) || shown.isEmpty() || !k.shows(responses.size())) {
            return new Table(List.of(), new Column(null, responses.size(), Map.of()), List.of());
        }
        Key<Response> column = new Key<>("column", r -> shown.contains(r.wijk()) ? r.wijk() : null);
        List<String> dimensions = flow.dimensions().stream().filter(d -> k.harmless(responses,
                List.of(column, new Key<>("scored", r -> r.scores().get(d) != null)))).toList();
        List<Column> columns = new ArrayList<>();
        for (String wijk : shown) {
            columns.add(column(wijk, responses.stream().filter(r -> wijk.equals(r.wijk())).toList(), dimensions));
        }
        if (rest > 0) {
            columns.add(column(null, responses.stream().filter(r -> !shown.contains(r.wijk())).toList(), dimensions));
        }
        return new Table(columns, column(null, responses, dimensions), dimensions);
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
