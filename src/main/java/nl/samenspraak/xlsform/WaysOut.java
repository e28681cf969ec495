package nl.samenspraak.xlsform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's ways out, from the relevance of the steps after it. XLSForm asks questions top to bottom and skips those
 * whose {@code relevant} is false; a flow goes from step to step by its ways out. So each step's ways out name the
 * following steps in order, each with its relevance, up to the first that is always asked; a step followed by one
 * that is always asked needs none (the flow goes on to the next step).
 */
final class WaysOut {
    private WaysOut() {
    }

    /** The ways out of the step at {@code i} of {@code steps}: each {@code if}/{@code goto}, the last a plain goto. */
    static List<Object> of(List<SurveyStep> steps, int i) {
        boolean anyConditional = false;
        List<Object> next = new ArrayList<>();
        for (int j = i + 1; j < steps.size(); j++) {
            SurveyStep candidate = steps.get(j);
            Map<String, Object> way = new LinkedHashMap<>();
            if (candidate.relevance() == null) {
                way.put("goto", candidate.id());
                next.add(way);
                return anyConditional ? next : List.of();
            }
            anyConditional = true;
            way.put("if", candidate.relevance());
            way.put("goto", candidate.id());
            next.add(way);
        }
        if (!anyConditional) {
            return List.of();
        }
        next.add(Map.of("goto", "end"));
        return next;
    }

    /** Each way out {@code next} of step {@code id} asks the relevance of the step it goes to: it came from that cell. */
    static void recordOrigins(String id, List<Object> next, List<SurveyStep> steps, Map<String, Origins.Origin> origins) {
        for (int k = 0; k < next.size(); k++) {
            Object target = ((Map<?, ?>) next.get(k)).get("goto");
            for (SurveyStep candidate : steps) {
                if (candidate.id().equals(target) && candidate.relevantAt() != null) {
                    origins.put("steps/" + id + "/next/" + k, candidate.relevantAt());
                }
            }
        }
    }
}
