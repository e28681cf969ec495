package nl.samenspraak.dashboard;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;

import java.util.List;

/**
 * Whether a finished conversation tells anything: at least one answer that is neither skipped nor "weet ik
 * niet". One that does not is counted nowhere, not even towards k: otherwise anyone with a join or resident link
 * could add k-1 empty conversations around one real respondent and make that person's answers visible
 * ("padding"). The consent question is not information about the person's view. Plain Java.
 */
public final class Information {
    private Information() {
    }

    public static boolean in(Flow flow, Response response) {
        for (Step step : flow.steps()) {
            if (!step.asksSomething() || step.consent()) {
                continue;
            }
            Object answer = response.answer(step.id());
            if (answer != null && !dontKnow(step, answer)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dontKnow(Step step, Object answer) {
        List<?> values = answer instanceof List<?> list ? list : List.of(answer);
        if (values.isEmpty()) {
            return true;
        }
        for (Object v : values) {
            String value = String.valueOf(v);
            boolean isDontKnow = Step.DONT_KNOW.equals(value)
                    || step.options().stream().anyMatch(o -> o.dontKnow() && o.value().equals(value));
            if (!isDontKnow) {
                return false;
            }
        }
        return true;
    }
}
