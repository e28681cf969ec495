package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.flow.Transition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A conversation begun under an earlier version of its flow, read under the version published since. It went back to
 * the first question with its way so far emptied when the question it stood on was gone; and an answer was carried to
 * a question of the same name as long as its value fitted there, so a text "ja" became the choice "ja" of a question
 * that was a text before, a date the answer to a text question, a 1-5 scale's 3 the number of children, and the
 * dashboard counted answers the person never gave to those questions.
 *
 * <p>Now an answer carries only to the same question: the same type and, for a scale, the same points, as the
 * conversation's own version asked it ({@code before}, by step id: a step it does not name is another question),
 * and the new step takes the value exactly as it was kept (an option still there, a number within the new bounds, a
 * date within the new dates, a text within the new length). An answer to a question that changed kind is no longer
 * one: it is not kept as the person's answer there, nor shown as their earlier answer when it is asked.
 *
 * <p>When the step it stood on is gone, or a step on its way so far no longer carries its answer, the way is walked
 * again through the new version: from its first step, each step the person passed before is passed again with the
 * answer they gave while it carries, and the conversation stands at the first step it did not pass: the step after the
 * one that was dropped, a new one, or one whose answer does not carry (asked again; an answer of the same kind that no
 * longer fits, such as an option taken out, is shown as before). So it is, too, when the new version asks consent
 * under a name the conversation never said "ja" to (added since, or renamed) and it had passed where that is asked: it
 * stands at the consent question. Otherwise it stands where it stood. A conversation that ended is left as it is.
 * Plain Java.
 */
public final class VersionCarryOver {
    private static final AnswerValidator VALIDATOR = new AnswerValidator();
    private static final ScoreCalculator CALCULATOR = new ScoreCalculator();

    private VersionCarryOver() {
    }

    /**
     * {@code progress}, made under a version that asked its questions as {@code before} says, as it stands under
     * {@code flow}: the same instance when every answer carries and its step is there (or it ended).
     */
    public static Progress under(Flow flow, Map<String, QuestionKind> before, Progress progress) {
        return read(flow, before, progress).now();
    }

    /**
     * {@code progress} as stored and as it stands under {@code flow} ({@link #under}), with the steps it was asked,
     * stood at or answered that {@code flow} asks as another question: the one comparison both the carrying of its
     * answers and the judging of an answer sent to it go by. A conversation that ended is read as it is.
     */
    public static CarriedOver read(Flow flow, Map<String, QuestionKind> before, Progress progress) {
        if (progress.ended()) {
            return CarriedOver.same(progress);
        }
        Set<String> changed = askedOtherwise(flow, before, progress);
        return new CarriedOver(progress, under(flow, progress, changed), changed);
    }

    /**
     * {@code read} as an answer sent to it is judged when the screen that sent it said which version of the flow showed
     * the question: one that asked its questions as {@code shown} says (by step id). An answer is then one to a
     * question {@code flow} asks as another kind exactly when that version asked it otherwise, whatever version the
     * conversation was stored under: shown under the version run now ({@code shown} is {@link QuestionKind#of(Flow)}),
     * it answers the question asked now, also while the conversation is still stored under an earlier version (a page
     * read again after a publish got 409 "veranderd" once for the new question it showed); shown under an earlier one
     * that asked it as another kind, it is none, also once the conversation was stored under the new version (a retry
     * of the answer refused as given to the earlier question was then taken as an answer to the new one). What
     * carries of the conversation's own answers ({@link CarriedOver#now}) does not depend on it.
     */
    public static CarriedOver shownAs(Flow flow, Map<String, QuestionKind> shown, CarriedOver read) {
        if (read.stored().ended()) {
            return read;
        }
        Set<String> changed = new HashSet<>();
        flow.steps().stream().filter(step -> !sameQuestion(shown.get(step.id()), step)).forEach(step -> changed.add(step.id()));
        return new CarriedOver(read.stored(), read.now(), changed);
    }

    /** The steps {@code progress} was asked, stood at or answered that {@code flow} asks as another question. */
    private static Set<String> askedOtherwise(Flow flow, Map<String, QuestionKind> before, Progress progress) {
        Set<String> asked = new HashSet<>(progress.answers().keySet());
        asked.addAll(progress.path());
        asked.add(progress.current());
        Set<String> changed = new HashSet<>();
        for (String id : asked) {
            flow.step(id).filter(step -> !sameQuestion(before.get(id), step)).ifPresent(step -> changed.add(id));
        }
        return changed;
    }

    private static Progress under(Flow flow, Progress progress, Set<String> changed) {
        Map<String, Object> answers = new HashMap<>(progress.answers());
        answers.keySet().removeAll(changed); // given to another question: not the person's answer to this one
        // a step dropped from the way so far, or one never answered on it (an info step), asks nothing again
        boolean carries = flow.step(progress.current()).isPresent() && consentHolds(flow, progress, answers)
                && progress.path().stream().allMatch(id ->
                flow.step(id).map(step -> !changed.contains(id) && (!answers.containsKey(id)
                        || stillTaken(step, answers.get(id)).isPresent())).orElse(true));
        if (carries) {
            return changed.isEmpty() || answers.equals(progress.answers()) ? progress
                    : new Progress(progress.path(), answers, progress.current(), progress.status());
        }
        return walkedAgain(flow, progress, answers, changed);
    }

    /**
     * Whether the way so far may stand as far as {@code flow}'s consent goes: it asks none, the answers hold its "ja"
     * on the way, or nothing was passed but what may come before consent (info steps, the validator's rule). A
     * version that asks consent under a name the conversation never answered (added since, or renamed) left it past
     * that question where its own question was still asked, and as nothing is stored before "ja", every answer from
     * then on was taken (200) and never stored; walked again, it stands at the consent question.
     */
    private static boolean consentHolds(Flow flow, Progress progress, Map<String, Object> answers) {
        if (!flow.asksConsent()) {
            return true;
        }
        boolean given = flow.steps().stream().filter(Step::consent)
                .anyMatch(step -> progress.path().contains(step.id()) && Step.YES.equals(answers.get(step.id())));
        return given || progress.path().stream().allMatch(id -> flow.step(id).filter(step -> !step.asksSomething()).isPresent());
    }

    /**
     * Whether a version that asked {@code before} at a step's name asks the same question with {@code now}: the same
     * type and, for a scale, the same points (3 on a 1-5 scale is not 3 on a 1-10 one). A step that asks nothing now
     * has no answer to carry; one the earlier version is not known to have asked (null) is another question.
     */
    static boolean sameQuestion(QuestionKind before, Step now) {
        if (!now.asksSomething()) {
            return true;
        }
        if (before == null || before.type() != now.type()) {
            return false;
        }
        return now.type() != StepType.SCALE
                || Objects.equals(before.min(), now.min()) && Objects.equals(before.max(), now.max());
    }

    private static Progress walkedAgain(Flow flow, Progress progress, Map<String, Object> answers, Set<String> changed) {
        Set<String> passedBefore = new HashSet<>(progress.path());
        Progress walked = new Progress(List.of(), answers, flow.first().id(), Status.ACTIVE);
        Set<String> passedAgain = new HashSet<>();
        while (walked.current() != null && passedBefore.contains(walked.current()) && passedAgain.add(walked.current())) {
            Step step = flow.requireStep(walked.current());
            Optional<Object> value = changed.contains(step.id()) ? Optional.empty() : stillTaken(step, answers.get(step.id()));
            if (value.isEmpty()) {
                break; // its earlier answer does not carry: asked again
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
     * The answer as the new step takes it (an info step's null), or empty when it no longer takes it. Taken means
     * kept exactly as the new step would keep it (a text "3" read as the number 3 is not); together with
     * {@link #sameQuestion} this is all the new version's bounds: an option taken out, a number or date beyond them,
     * a text too long, a skip where an answer is now required.
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
