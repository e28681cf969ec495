package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.Transition;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What lies ahead of each step when nothing on the way depends on an answer: the steps up to the end and how many
 * of them ask something. Worked out once per flow, so counting the questions still to come is a look-up on most
 * turns instead of a walk that evaluates every condition on the way.
 */
final class RouteAhead {
    /** The fixed way from a step to the end (the step included), and how many of those steps ask something. */
    record Tail(Set<String> steps, int asking) {
    }

    private final Map<String, Tail> tails = new HashMap<>();
    private final Map<String, String> nextInFile = new HashMap<>();

    RouteAhead(Flow flow) {
        List<Step> steps = flow.steps();
        for (int i = 0; i < steps.size(); i++) {
            nextInFile.put(steps.get(i).id(), i + 1 < steps.size() ? steps.get(i + 1).id() : Transition.END);
        }
        for (Step step : steps) {
            tail(flow, step.id(), new HashSet<>());
        }
    }

    /** The fixed way from {@code stepId} to the end, or null when an answer decides part of it. */
    Tail tail(String stepId) {
        return tails.get(stepId);
    }

    /** Where {@code step} leads whatever the answers, or null when an answer decides. */
    String fixedNext(Step step) {
        if (step.next().isEmpty()) {
            return nextInFile.get(step.id());
        }
        Transition first = step.next().get(0);
        return first.condition() == null ? first.target() : null;
    }

    private Tail tail(Flow flow, String stepId, Set<String> visiting) {
        if (Transition.END.equals(stepId)) {
            return new Tail(Set.of(), 0);
        }
        if (tails.containsKey(stepId) || !visiting.add(stepId)) {
            return tails.get(stepId);
        }
        Step step = flow.step(stepId).orElse(null);
        String next = step == null ? null : fixedNext(step);
        Tail rest = next == null ? null : tail(flow, next, visiting);
        Tail tail = null;
        if (rest != null && !rest.steps().contains(stepId)) {
            Set<String> ids = new HashSet<>(rest.steps());
            ids.add(stepId);
            tail = new Tail(Collections.unmodifiableSet(ids), rest.asking() + (step.asksSomething() ? 1 : 0));
        }
        tails.put(stepId, tail);
        return tail;
    }

    /** Whether none of {@code passed} lies on {@code tail} (then the whole tail is still ahead). */
    static boolean clear(Tail tail, Collection<String> passed) {
        for (String id : passed) {
            if (tail.steps().contains(id)) {
                return false;
            }
        }
        return true;
    }
}
