package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores each dimension from 0 to 100: the points a person earned, between the fewest and the most the
 * answered questions allow. "Weet ik niet" and skipped questions count on neither side. A dimension has no score
 * (null) without counted answers on at least half of the questions about it that the person passed: one answer
 * among three "weet ik niet" made a part "100, een sterk punt", and a professional who knew the answer to 5 of 17
 * questions read five strong points and praise for a network they had said nothing about (the advice probe of
 * December 2026). Such a part says "too few answers", as one without any.
 */
public final class ScoreCalculator {

    public Map<String, Integer> scores(Flow flow, List<String> path, Map<String, Object> answers) {
        // one pass over the path for all dimensions (the dashboard scores tens of thousands of conversations);
        // per dimension the same contributions, added in the same order, as {@link #contributions}
        List<String> dimensions = flow.dimensions();
        double[][] sums = new double[dimensions.size()][3];
        // per dimension: the questions about it the person passed, and those of them with a counted answer
        int[] passed = new int[dimensions.size()];
        int[] answered = new int[dimensions.size()];
        Set<String> seen = new HashSet<>();
        for (String stepId : path) {
            if (!seen.add(stepId)) {
                continue;
            }
            Step step = flow.step(stepId).orElse(null);
            if (step == null || !step.type().hasOptions()) {
                continue;
            }
            List<Option> chosen = counted(step, answers.get(stepId));
            for (int d = 0; d < dimensions.size(); d++) {
                if (chosen == null) {
                    passed[d] += scoresOn(step, dimensions.get(d)) ? 1 : 0;
                    continue;
                }
                Contribution c = contribution(step, chosen, dimensions.get(d));
                if (c != null) {
                    sums[d][0] += c.earned();
                    sums[d][1] += c.lowest();
                    sums[d][2] += c.highest();
                    passed[d]++;
                    answered[d]++;
                }
            }
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int d = 0; d < dimensions.size(); d++) {
            double[] s = sums[d];
            boolean enough = 2 * answered[d] >= passed[d];
            scores.put(dimensions.get(d), s[2] > s[1] && enough ? (int) Math.round(100 * (s[0] - s[1]) / (s[2] - s[1])) : null);
        }
        return scores;
    }

    /**
     * What one answer added to a dimension: the points earned, between the lowest and highest the question
     * allows. {@link #relative()} says how strong the answer was, from 0 (weakest) to 1 (strongest).
     */
    public record Contribution(String step, double earned, double lowest, double highest) {
        public double relative() {
            return highest > lowest ? (earned - lowest) / (highest - lowest) : 0;
        }
    }

    /** The answers on the path that count on {@code dimension}, in the order they were given. */
    public List<Contribution> contributions(Flow flow, List<String> path, Map<String, Object> answers, String dimension) {
        List<Contribution> contributions = new ArrayList<>();
        for (String stepId : new java.util.LinkedHashSet<>(path)) {
            Step step = flow.step(stepId).orElse(null);
            List<Option> chosen = counted(step, answers.get(stepId));
            Contribution c = chosen == null ? null : contribution(step, chosen, dimension);
            if (c != null) {
                contributions.add(c);
            }
        }
        return contributions;
    }

    /**
     * The options chosen in an answer that counts: null for a step without options, no answer, or an answer
     * with "weet ik niet" (or a value the step does not offer) among its values.
     */
    private static List<Option> counted(Step step, Object answer) {
        if (step == null || !step.type().hasOptions() || answer == null) {
            return null;
        }
        List<String> values = chosenValues(answer);
        List<Option> chosen = new ArrayList<>(values.size());
        for (String v : values) {
            Option o = step.option(v).orElse(null);
            if (o == null || o.dontKnow()) {
                return null;
            }
            chosen.add(o);
        }
        return chosen;
    }

    /** Whether any option of {@code step} gives points on {@code dimension}: a question about it. */
    private static boolean scoresOn(Step step, String dimension) {
        for (Option o : step.options()) {
            if (!o.dontKnow() && o.pointsOn(dimension) != 0.0) {
                return true;
            }
        }
        return false;
    }

    /** What the chosen options of one step add to a dimension; null when none of the step's options give points on it. */
    private static Contribution contribution(Step step, List<Option> chosen, String dimension) {
        List<Double> points = new ArrayList<>(step.options().size());
        boolean any = false;
        for (Option o : step.options()) {
            if (!o.dontKnow()) {
                double p = o.pointsOn(dimension);
                points.add(p);
                any |= p != 0.0;
            }
        }
        if (!any) {
            return null;
        }
        double earned = 0;
        for (Option o : chosen) {
            earned += o.pointsOn(dimension);
        }
        if (step.type() == StepType.MULTI) {
            double[] range = multiRange(step, points);
            return new Contribution(step.id(), earned, range[0], range[1]);
        }
        double lowest = points.get(0);
        double highest = lowest;
        for (double p : points) {
            lowest = Math.min(lowest, p);
            highest = Math.max(highest, p);
        }
        return new Contribution(step.id(), earned, lowest, highest);
    }

    /** The lowest and highest sums a multi step allows, given how few and how many options may be chosen. */
    private static double[] multiRange(Step step, List<Double> points) {
        List<Double> ascending = new ArrayList<>(points);
        ascending.sort(Comparator.naturalOrder());
        int fewest = step.min().intValue();
        int most = step.max().intValue();
        double low = 0;
        for (int i = 0; i < ascending.size() && (i < fewest || ascending.get(i) < 0) && i < most; i++) {
            low += ascending.get(i);
        }
        double high = 0;
        for (int i = ascending.size() - 1, n = 0; i >= 0 && n < most && (n < fewest || ascending.get(i) > 0); i--, n++) {
            high += ascending.get(i);
        }
        return new double[]{low, high};
    }

    @SuppressWarnings("unchecked")
    static List<String> chosenValues(Object answer) {
        if (answer instanceof List<?> list) {
            return (List<String>) list;
        }
        return List.of(String.valueOf(answer));
    }
}
