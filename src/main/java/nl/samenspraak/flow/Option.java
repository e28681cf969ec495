package nl.samenspraak.flow;

import java.util.Map;

/**
 * One answer a person can pick. Its label lives in the locale files; {@code points} give its weight on
 * named score dimensions, and a "don't know" option counts on none of them.
 */
public record Option(String value, Map<String, Double> points, boolean dontKnow, int line) {
    public Option {
        points = Map.copyOf(points);
    }

    public double pointsOn(String dimension) {
        return points.getOrDefault(dimension, 0.0);
    }
}
