package nl.samenspraak.xlsform;

import nl.samenspraak.xlsform.XPathConditions.Untranslatable;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What answers a step takes beyond its type: a range's start and end (its {@code parameters}), and the bounds a
 * {@code constraint} sets (see {@link Bounds}). A flow's scale has whole steps of 1 and at most 11 points, and a
 * constraint it can't check is refused, never dropped, so the admin learns what the conversation would not ask.
 */
final class AnswerLimits {
    private final SurveySheet survey;

    AnswerLimits(SurveySheet survey) {
        this.survey = survey;
    }

    /** A range becomes a scale from start to end, its ends labelled with their numbers unless worded otherwise. */
    void range(SheetTable.Row row, Map<String, Object> step, Map<String, Map<String, Object>> texts) {
        Map<String, Double> parameters = new HashMap<>(Map.of("start", 1.0, "end", 10.0, "step", 1.0));
        String written = survey.cell(row, "parameters");
        for (String pair : written.split("[\\s;,]+")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            try {
                if (kv.length != 2 || !parameters.containsKey(kv[0].trim())) {
                    throw new NumberFormatException();
                }
                parameters.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                survey.problem(row, "parameters", "xlsform.problem.range_parameter", Map.of("parameter", pair));
                return;
            }
        }
        double start = parameters.get("start");
        double end = parameters.get("end");
        if (parameters.get("step") != 1.0 || start != Math.rint(start) || end != Math.rint(end) || start >= end
                || end - start > 10) {
            survey.problem(row, "parameters", "xlsform.problem.range_scale", Map.of("order", "start < end"));
            return;
        }
        step.put("min", (long) start);
        step.put("max", (long) end);
        String id = (String) step.get("id");
        String from = written.isBlank() ? "type" : "parameters";
        survey.origin(id, "min", row, from);
        survey.origin(id, "max", row, from);
        for (String code : survey.languages().codes()) {
            texts.get(code).put("minLabel", XPathConditions.number(start));
            texts.get(code).put("maxLabel", XPathConditions.number(end));
            survey.origins().put(code + ":steps/" + id + "/minLabel", survey.at(row, from));
            survey.origins().put(code + ":steps/" + id + "/maxLabel", survey.at(row, from));
        }
    }

    /** A constraint becomes the step's bounds; anything that isn't a bound is refused, never dropped. */
    void constraint(SheetTable.Row row, String stepType, boolean integer, Map<String, Object> step) {
        String constraint = survey.cell(row, "constraint");
        if (constraint.isEmpty()) {
            return;
        }
        Map<String, Object> before = new HashMap<>(step);
        try {
            Bounds.apply(XPathConditions.parse(constraint), stepType, integer, step);
        } catch (Untranslatable e) {
            // one nested too deeply among them, refused by its shape before it is parsed (XPathNesting)
            survey.problem(row, "constraint", e);
        }
        // each bound the constraint set (min, max, maxLength, notBefore, notAfter) came from its cell
        step.forEach((key, value) -> {
            if (!Objects.equals(before.get(key), value)) {
                survey.origin((String) step.get("id"), key, row, "constraint");
            }
        });
    }
}
