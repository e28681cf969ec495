package nl.samenspraak.flow;

import java.util.Map;

/**
 * One answer a person can pick. Its label lives in the locale files; {@code points} give its weight on
 * named score dimensions, and a "don't know" option counts on none of them. An {@code exclusive} option of a
 * multi ("Geen van deze") goes with no other option; "don't know" never does either.
 */
public record Option(String value, Map<String, Double> points, boolean dontKnow, boolean exclusive, int line) {
    public Option {
        points = Map.copyOf(points);
    }

    public Option(String value, Map<String, Double> points, boolean dontKnow, int line) {
        this(value, points, dontKnow, false, line);
    }

    /** Whether this option stands alone: chosen, it is the whole answer of a multi. */
    public boolean standsAlone() {
        return exclusive || dontKnow;
    }

    public double pointsOn(String dimension) {
        return points.getOrDefault(dimension, 0.0);
    }
}
