package nl.samenspraak.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a person got: the steps passed, in the order last passed ({@code path}), every answer given (also answers
 * to steps that a changed answer later routed around: they come back as "previous" when the person returns
 * there), and the step now asked ({@code current}, null once the conversation has ended).
 * A skipped optional step has an answer of null. A step is on the path once: a flow may lead back to a step (a way
 * out with a way further), and a step passed again moves to the end, so the path never holds more than the flow's
 * steps, and going round a loop a hundred times neither grows it past what storage keeps ({@code conversation.path},
 * see {@link nl.samenspraak.flow.Flow#MOST_STEPS}) nor counts, sums or lists a step twice.
 */
public record Progress(List<String> path, Map<String, Object> answers, String current, Status status) {

    public Progress {
        path = List.copyOf(path);
        answers = Collections.unmodifiableMap(new HashMap<>(answers));
    }

    public boolean ended() {
        return status != Status.ACTIVE;
    }

    /** The answers to the steps on the path: what counts for scores, branching and advice. */
    public Map<String, Object> answersOnPath() {
        Map<String, Object> onPath = new HashMap<>();
        for (String step : path) {
            if (answers.containsKey(step)) {
                onPath.put(step, answers.get(step));
            }
        }
        return onPath;
    }

    Progress passing(String step, Object value, boolean record, String next, Status newStatus) {
        List<String> newPath = new ArrayList<>(path);
        newPath.removeIf(step::equals); // passed before, on a way that led back here: now passed last
        newPath.add(step);
        Map<String, Object> newAnswers = new HashMap<>(answers);
        if (record) {
            newAnswers.put(step, value);
        }
        return new Progress(newPath, newAnswers, next, newStatus);
    }

    Progress steppingBack() {
        List<String> newPath = new ArrayList<>(path);
        String previous = newPath.remove(newPath.size() - 1);
        return new Progress(newPath, answers, previous, Status.ACTIVE);
    }
}
