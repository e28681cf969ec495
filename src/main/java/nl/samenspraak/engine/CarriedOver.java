package nl.samenspraak.engine;

import java.util.Set;

/**
 * A conversation as it was stored under the version of its flow it was last answered in ({@code stored}), and as it
 * goes on under the version run now ({@code now}, {@link VersionCarryOver#under}); {@code askedOtherwise}: the steps
 * it was asked, stood at or answered that the version run now asks as another kind of question under the same name.
 * Kept together because an answer sent to it may have been given to the question as the earlier version showed it
 * (a screen that still showed it, a second tap, a retry): such an answer is no answer to the question asked now, and
 * an exact repeat of the answer stored is still that answer ({@link ConversationEngine#answer(nl.samenspraak.flow.Flow,
 * CarriedOver, String, Object, AnswerWords, boolean)}). Under its own version both are the same and nothing was asked
 * otherwise. Plain Java.
 */
public record CarriedOver(Progress stored, Progress now, Set<String> askedOtherwise) {

    public CarriedOver {
        askedOtherwise = Set.copyOf(askedOtherwise);
    }

    /** A conversation read under the version it was stored under: nothing carried, nothing asked otherwise. */
    public static CarriedOver same(Progress progress) {
        return new CarriedOver(progress, progress, Set.of());
    }

    /** Whether an answer to {@code stepId} was given to a question the version run now asks as another kind. */
    public boolean askedOtherwise(String stepId) {
        return stepId != null && askedOtherwise.contains(stepId);
    }
}
