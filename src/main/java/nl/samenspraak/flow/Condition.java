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

    /**
     * What made this condition true for these answers and scores: of an "or", only the parts that hold (with all
     * the parts of an "and" inside them), and no part that only says what an answer is not ({@code !=}, {@code !}).
     * A tip's "why" quotes these: "afraid of not being understood, or of what help might lead to" quoted both
     * answers, the "nee" beside the "ja" that brought the tip. Everything the condition reads, when it is a single
     * comparison, is not true, or is made of such "not"s alone.
     */
    default Read reasons(Map<String, Object> answers, Map<String, Integer> scores) {
        return new Read(stepsRead(), scoresRead());
    }

    /** Step ids and score dimensions, in the order the condition names them. */
    record Read(Set<String> steps, Set<String> scores) {
        public Read {
            steps = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(steps));
            scores = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(scores));
        }
    }
}
