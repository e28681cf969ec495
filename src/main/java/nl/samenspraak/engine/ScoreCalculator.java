package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores each dimension from 0 to 100: the points a person earned, between the fewest and the most the
 * answered questions allow. "Weet ik niet" and skipped questions count on neither side. A dimension
 * without any counted answer has no score (null).
 */
public final class ScoreCalculator {

    public Map<String, Integer> scores(Flow flow, List<String> path, Map<String, Object> answers) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        flow.dimensions().forEach(d -> sums.put(d, new double[3]));
        for (String dimension : flow.dimensions()) {
            double[] sum = sums.get(dimension);
            for (Contribution c : contributions(flow, path, answers, dimension)) {
                sum[0] += c.earned();
                sum[1] += c.lowest();
                sum[2] += c.highest();
            }
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        sums.forEach((d, s) -> scores.put(d, s[2] > s[1] ? (int) Math.round(100 * (s[0] - s[1]) / (s[2] - s[1])) : null));
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
            if (step == null || !step.type().hasOptions() || answers.get(stepId) == null) {
                continue;
            }
            List<String> chosen = chosenValues(answers.get(stepId));
            if (chosen.stream().anyMatch(v -> step.option(v).map(Option::dontKnow).orElse(true))) {
                continue;
            }
            List<Double> points = step.options().stream().filter(o -> !o.dontKnow())
                    .map(o -> o.pointsOn(dimension)).toList();
            if (points.stream().allMatch(p -> p == 0.0)) {
                continue;
            }
            double earned = chosen.stream().mapToDouble(v -> step.option(v).map(o -> o.pointsOn(dimension)).orElse(0.0)).sum();
            double[] range = step.type() == StepType.MULTI ? multiRange(step, points) : new double[]{
                    points.stream().min(Double::compare).orElse(0.0), points.stream().max(Double::compare).orElse(0.0)};
            contributions.add(new Contribution(stepId, earned, range[0], range[1]));
        }
        return contributions;
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
