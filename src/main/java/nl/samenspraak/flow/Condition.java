package nl.samenspraak.flow;

import java.util.Map;
import java.util.Set;

/** A compiled, side-effect free condition over earlier answers and scores. */
public interface Condition {
    /**
     * Not a step (step ids start with a letter): present and true in the answers a condition reads when a
     * professional is in the conversation (an intermediair enters the answers). Conditions read it as
     * {@code conversation.assisted}.
     */
    String ASSISTED = "@assisted";

    /** The source text as the author wrote it. */
    String text();

    /** True when the condition holds for these answers (by step id) and scores (by dimension, 0-100). */
    boolean test(Map<String, Object> answers, Map<String, Integer> scores);

    /** The step ids this condition reads. */
    Set<String> stepsRead();

    /** The score dimensions this condition reads. */
    Set<String> scoresRead();
}
