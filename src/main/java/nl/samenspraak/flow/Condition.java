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

    /**
     * Step ids and score dimensions, in the order the condition names them; and for a score an "and" joins to answers
     * ({@code band.werkwijze == 'low' && answers.werkwijze_tijd <= 3}), those answers ({@link #joinedTo}): the score
     * only qualifies them, so what the tip is about is those answers, not every answer behind the score.
     */
    record Read(Set<String> steps, Set<String> scores, Map<String, Set<String>> joined) {
        public Read {
            steps = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(steps));
            scores = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(scores));
            Map<String, Set<String>> copy = new java.util.LinkedHashMap<>();
            joined.forEach((score, with) -> copy.put(score,
                    java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(with))));
            joined = java.util.Collections.unmodifiableMap(copy);
        }

        /** No score joined to answers. */
        public Read(Set<String> steps, Set<String> scores) {
            this(steps, scores, Map.of());
        }

        /**
         * The step ids an "and" that holds joins to this score, in the order the condition names them: the answers
         * that make it true beside the score, or, where those are all "not"s ({@code !=}, {@code !}), the steps the
         * "not"s read ({@code band.werkwijze == 'low' && !('streek' =~ answers.werkwijze_achtergrond && ...)} is about
         * the family's story). Empty for a score no "and" joins to an answer.
         */
        public Set<String> joinedTo(String score) {
            return joined.getOrDefault(score, Set.of());
        }
    }
}
