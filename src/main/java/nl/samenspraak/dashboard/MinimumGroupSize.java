package nl.samenspraak.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The minimum group size k: managers never see a figure about fewer than k respondents, not directly and not
 * by subtracting one figure from another. Plain Java, no framework.
 * <p>
 * Direct: a group is shown only when it has at least k respondents ({@link #shows}).
 * <p>
 * By difference: "all" minus "wijk A" is wijk B. So when a filter picks a subset, both the subset and what the
 * filter leaves out must be empty or at least k ({@link #allowsSubset}). Filters combine and repeat (wijk A and
 * May; "all" minus three wijken is the fourth), so the rule used is the stronger one that implies it: the
 * respondents are split into cells by every filter that may be used (wijk x version x month, say), and a filter
 * may be used only while every cell is empty or has at least k ({@link #usableKeys}). Every figure then
 * describes a union of cells, and so does every difference between two figures: none can single out fewer
 * than k. A question some respondents skipped has fewer answers than the group has respondents, so the same
 * holds per question, counting those who answered it ({@link #harmless(Collection, List)}).
 */
public final class MinimumGroupSize {
    private final int k;

    /** One way to split respondents into groups, e.g. by wijk or by month; {@code of} gives a respondent's group. */
    public record Key<T>(String name, Function<T, Object> of) {
    }

    public MinimumGroupSize(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the minimum group size is at least 1, not " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    /**
     * The rule for one flow: its own minimum ({@code minimumGroupSize} in the flow file, e.g. 10 for residents who
     * answer through shared links) when that is larger than this one, else this one.
     */
    public MinimumGroupSize atLeast(Integer own) {
        return own == null || own <= k ? this : new MinimumGroupSize(own);
    }

    /** Whether figures about a group of {@code respondents} may be shown: at least k. */
    public boolean shows(long respondents) {
        return respondents >= k;
    }

    /**
     * A count for a place that cannot apply the whole rule (the admin's team list counts every conversation,
     * finished or not): the largest multiple of k it reaches, so that it never describes 1..k-1 people and the
     * difference between two such counts, or with an exact figure of at least k elsewhere, is no smaller group.
     * 0 stays 0; 1..k-1 gives empty (show "fewer than k").
     */
    public java.util.OptionalLong roundedDown(long count) {
        if (count == 0) {
            return java.util.OptionalLong.of(0);
        }
        return count < k ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(count - count % k);
    }

    /** Whether a group may be told apart from others at all: nobody, or at least k. */
    public boolean harmless(long respondents) {
        return respondents == 0 || respondents >= k;
    }

    /** A filter that picks {@code subset} of {@code whole}: both the subset and the rest are empty or at least k. */
    public boolean allowsSubset(long whole, long subset) {
        if (subset < 0 || subset > whole) {
            throw new IllegalArgumentException("a subset of " + whole + " cannot have " + subset);
        }
        return harmless(subset) && harmless(whole - subset);
    }

    /** Whether every one of these groups is empty or at least k. */
    public boolean allHarmless(Collection<? extends Number> groupSizes) {
        return groupSizes.stream().allMatch(n -> harmless(n.longValue()));
    }

    /** Whether every cell of {@code respondents} split by all {@code keys} together is empty or at least k. */
    public <T> boolean harmless(Collection<T> respondents, List<Key<T>> keys) {
        return allHarmless(cells(respondents, keys));
    }

    /**
     * The keys that may be used as filters together: each candidate in turn, its finest alternative that keeps
     * every cell (of it and the keys taken before it) empty or at least k; a candidate none of whose
     * alternatives does is left out. Candidates come in order of importance, alternatives from fine to coarse
     * (month, quarter, year).
     */
    public <T> List<Key<T>> usableKeys(Collection<T> respondents, List<List<Key<T>>> candidates) {
        return usableKeys(respondents, List.of(), candidates);
    }

    /**
     * As {@link #usableKeys(Collection, List)}, when the respondents are also told apart by {@code apart} elsewhere,
     * whether or not anyone filters by it: each survey round has figures of its own (its summary, rounds side by
     * side, the page before the next round closed), so a filter must keep every cell harmless within each round,
     * not only over all rounds together. Only candidates are returned.
     */
    public <T> List<Key<T>> usableKeys(Collection<T> respondents, List<Key<T>> apart, List<List<Key<T>>> candidates) {
        List<Key<T>> chosen = new ArrayList<>();
        for (List<Key<T>> alternatives : candidates) {
            for (Key<T> key : alternatives) {
                List<Key<T>> with = new ArrayList<>(apart);
                with.addAll(chosen);
                with.add(key);
                if (harmless(respondents, with)) {
                    chosen.add(key);
                    break;
                }
            }
        }
        return chosen;
    }

    /**
     * The sizes of the non-empty cells. Each respondent's cell is one number (per key, the index of its value
     * among that key's values, as a digit in mixed radix), then the numbers are sorted and counted: the dashboard
     * asks this hundreds of times per page over thousands of respondents, and a list per respondent as a map
     * key cost most of a page.
     */
    private static <T> List<Long> cells(Collection<T> respondents, List<Key<T>> keys) {
        int n = respondents.size();
        long[] cells = new long[n];
        int[] column = new int[n];
        long radix = 1;
        for (Key<T> key : keys) {
            Map<Object, Integer> ids = new HashMap<>();
            int i = 0;
            for (T r : respondents) {
                Object value = key.of().apply(r);
                Integer id = ids.get(value);
                if (id == null) {
                    id = ids.size();
                    ids.put(value, id);
                }
                column[i++] = id;
            }
            int values = Math.max(1, ids.size());
            if (radix > Long.MAX_VALUE / values) {
                radix = renumber(cells); // at most n cells: n times n values still fits
            }
            for (i = 0; i < n; i++) {
                cells[i] += column[i] * radix;
            }
            radix *= values;
        }
        Arrays.sort(cells);
        List<Long> sizes = new ArrayList<>();
        for (int start = 0, end; start < n; start = end) {
            end = start + 1;
            while (end < n && cells[end] == cells[start]) {
                end++;
            }
            sizes.add((long) (end - start));
        }
        return sizes;
    }

    /** The cells numbered 0, 1, 2... instead; returns how many there are. */
    private static long renumber(long[] cells) {
        Map<Long, Long> dense = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            Long id = dense.get(cells[i]);
            if (id == null) {
                id = (long) dense.size();
                dense.put(cells[i], id);
            }
            cells[i] = id;
        }
        return Math.max(1, dense.size());
    }
}
