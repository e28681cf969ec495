package nl.samenspraak.engine;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Scores worked out only when a condition reads them, and then once. Most turns follow ways out whose conditions
 * read only answers (or have none), so most turns need no score at all.
 */
final class LazyScores extends AbstractMap<String, Integer> {
    private final Supplier<Map<String, Integer>> calculation;
    private Map<String, Integer> scores;

    LazyScores(Supplier<Map<String, Integer>> calculation) {
        this.calculation = calculation;
    }

    private Map<String, Integer> scores() {
        if (scores == null) {
            scores = calculation.get();
        }
        return scores;
    }

    @Override
    public Integer get(Object key) {
        return scores().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return scores().containsKey(key);
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return scores().entrySet();
    }
}
