package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.Transition;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A conversation begun under an earlier version of its flow, read under the version published since, when the
 * question it stood on is gone. It went back to the first question with its way so far emptied: a resident halfway
 * through a neighbourhood survey saw the welcome again, "0 answered" and no transcript, because the version published
 * meanwhile dropped the question they were at.
 *
 * <p>Instead the way so far is walked again through the new version: from its first step, each step the person passed
 * before is passed again with the answer they gave, as long as the new version still takes that answer (an option
 * taken out is not), and the conversation stands at the first step they did not pass: the step after the one that
 * was dropped, a new one, or one whose earlier answer no longer fits (asked again, that answer shown as before). The
 * answers stay kept as they were. A conversation whose step still exists, or that ended, is left as it is. Plain Java.
 */
public final class VersionCarryOver {
    private static final AnswerValidator VALIDATOR = new AnswerValidator();
    private static final ScoreCalculator CALCULATOR = new ScoreCalculator();

    private VersionCarryOver() {
    }

    /** {@code progress} as it stands under {@code flow}: unchanged when its step is there (or it ended). */
    public static Progress under(Flow flow, Progress progress) {
        if (progress.ended() || flow.step(progress.current()).isPresent()) {
            return progress;
        }
        Set<String> passedBefore = new HashSet<>(progress.path());
        Map<String, Object> answers = progress.answers();
        Progress walked = new Progress(List.of(), answers, flow.first().id(), Status.ACTIVE);
        Set<String> passedAgain = new HashSet<>();
        while (walked.current() != null && passedBefore.contains(walked.current()) && passedAgain.add(walked.current())) {
            Step step = flow.requireStep(walked.current());
            Optional<Object> value = stillTaken(step, answers.get(step.id()));
            if (value.isEmpty()) {
                break; // its earlier answer no longer fits: asked again
            }
            walked = pass(flow, walked, step, value.get());
            if (walked.ended()) {
                // every step of the new version was passed before: the last one is asked again, not finished unasked
                return new Progress(walked.path().subList(0, walked.path().size() - 1), answers,
                        walked.path().get(walked.path().size() - 1), Status.ACTIVE);
            }
        }
        return walked;
    }

    /**
     * The answer as the new version takes it (an info step's null), or empty when it no longer takes it. Taken means
     * kept exactly as the new step would keep it: a version that reuses a name for a question of another kind read a
     * text "3" as the number 3, a number 3 as the option "3", a list of options as one, and showed the old answer as
     * given to the new question. The value's kind is all the carry-over knows of the old question (the conversation
     * keeps no step types), so a text that happens to be an option's name, or a 1-5 scale's 3 for a number, still
     * passes when the new step takes it.
     */
    private static Optional<Object> stillTaken(Step step, Object earlier) {
        if (!step.asksSomething()) {
            return Optional.of(NOTHING);
        }
        AnswerCheck check = VALIDATOR.check(step, earlier);
        if (!check.valid() || check.value() != null && !sameKept(check.value(), earlier)) {
            return Optional.empty();
        }
        return Optional.of(check.value() == null ? NOTHING : check.value());
    }

    /** The same value kept the same way; options chosen in any order (a version may put its options in another). */
    private static boolean sameKept(Object now, Object earlier) {
        if (now instanceof java.util.Collection<?> a && earlier instanceof java.util.Collection<?> b) {
            return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
        }
        return now.equals(earlier);
    }

    private static final Object NOTHING = new Object();

    private static Progress pass(Flow flow, Progress progress, Step step, Object value) {
        Object answer = value == NOTHING ? null : value;
        Progress moved = progress.passing(step.id(), answer, step.asksSomething(), null, Status.ACTIVE);
        Map<String, Object> onPath = moved.answersOnPath();
        String next = flow.nextAfter(step, onPath, new LazyScores(() -> CALCULATOR.scores(flow, moved.path(), onPath)));
        return Transition.END.equals(next)
                ? new Progress(moved.path(), moved.answers(), null, Status.DONE)
                : new Progress(moved.path(), moved.answers(), next, Status.ACTIVE);
    }
}
