package nl.samenspraak.conversation;

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
        for (String stepId : path) {
            Step step = flow.step(stepId).orElse(null);
            if (step == null || !step.type().hasOptions() || answers.get(stepId) == null) {
                continue;
            }
            List<String> chosen = chosenValues(answers.get(stepId));
            if (chosen.stream().anyMatch(v -> step.option(v).map(Option::dontKnow).orElse(true))) {
                continue;
            }
            for (Map.Entry<String, double[]> e : sums.entrySet()) {
                String dimension = e.getKey();
                List<Double> points = step.options().stream().filter(o -> !o.dontKnow())
                        .map(o -> o.pointsOn(dimension)).toList();
                if (points.stream().allMatch(p -> p == 0.0)) {
                    continue;
                }
                double earned = chosen.stream().mapToDouble(v -> step.option(v).map(o -> o.pointsOn(dimension)).orElse(0.0)).sum();
                double[] range = step.type() == StepType.MULTI ? multiRange(step, points) : new double[]{
                        points.stream().min(Double::compare).orElse(0.0), points.stream().max(Double::compare).orElse(0.0)};
                double[] sum = e.getValue();
                sum[0] += earned;
                sum[1] += range[0];
                sum[2] += range[1];
            }
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        sums.forEach((d, s) -> scores.put(d, s[2] > s[1] ? (int) Math.round(100 * (s[0] - s[1]) / (s[2] - s[1])) : null));
        return scores;
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
