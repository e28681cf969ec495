package nl.samenspraak.flow;

import java.util.Map;

/**
 * Figures from another source shown beside a question's answers on the team dashboard, e.g. a national
 * survey: either counts per category out of a total ({@code figures} and {@code of}) or one percentage. Its
 * words (what was measured, a label per category) live in the locale files under {@code steps.<id>.benchmark}.
 *
 * @param figures the count per category, in file order; empty for a percentage
 * @param of      the number the figures are out of; null for a percentage
 * @param percent a single percentage; null for figures
 * @param source  where the figures come from (file and lines)
 */
public record Benchmark(Map<String, Double> figures, Double of, Double percent, String source, int line) {
    public Benchmark {
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
    }
}
