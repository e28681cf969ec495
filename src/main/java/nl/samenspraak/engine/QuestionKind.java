package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What kind of question a step of one flow version asked: its type and its range (a scale's points, a number's
 * bounds, a multi's fewest and most options). Kept for every version a service ran ({@code flow_version_step.kind}),
 * so that a conversation begun under an earlier version can tell, once the version it goes on under is another,
 * which of its answers were given to the same question ({@link VersionCarryOver}); the words are not part of it.
 * Plain Java.
 */
public record QuestionKind(StepType type, Double min, Double max) {

    public static QuestionKind of(Step step) {
        return new QuestionKind(step.type(), step.min(), step.max());
    }

    /** The kind of every step of {@code flow}, by step id: how a version that is still loaded asked its questions. */
    public static Map<String, QuestionKind> of(Flow flow) {
        Map<String, QuestionKind> kinds = new LinkedHashMap<>();
        flow.steps().forEach(s -> kinds.put(s.id(), of(s)));
        return kinds;
    }

    /** As stored: {@code scale 1.0 5.0}, {@code text - -} ({@code -} for no bound). */
    public String key() {
        return type.key() + " " + bound(min) + " " + bound(max);
    }

    /** A stored {@link #key()} read back; empty for none, or one this version of the service does not know. */
    public static Optional<QuestionKind> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = key.split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return StepType.fromKey(parts[0]).map(type -> new QuestionKind(type, bound(parts[1]), bound(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String bound(Double d) {
        return d == null ? "-" : d.toString();
    }

    private static Double bound(String s) {
        return "-".equals(s) ? null : Double.valueOf(s);
    }
}
