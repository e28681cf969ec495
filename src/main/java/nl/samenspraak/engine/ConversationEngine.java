package nl.samenspraak.engine;

import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Condition;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.Transition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Walks a person through a flow. Pure and deterministic: given a flow, the progress so far and an input,
 * it decides what comes next. It stores nothing and knows no channel. Its clock says which day "today" is
 * for a date question's bounds.
 */
public final class ConversationEngine {
    private final AnswerValidator validator = new AnswerValidator();
    private final ScoreCalculator calculator = new ScoreCalculator();
    /** Per flow (flows are immutable, compared by identity): what lies ahead of each step. */
    private final Map<Flow, RouteAhead> routes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock;

    /** An engine whose "today" is the day in the system's time zone. */
    public ConversationEngine() {
        this(Clock.systemDefaultZone());
    }

    /** An engine whose "today" is the day {@code clock} says, in its time zone. */
    public ConversationEngine(Clock clock) {
        this.clock = clock;
    }

    public Progress start(Flow flow) {
        return new Progress(List.of(), Map.of(), flow.first().id(), Status.ACTIVE);
    }

    /**
     * Whether {@code stepId} is the question the conversation asks now: the only one an answer may be for (any other is
     * {@link Outcome.NotCurrent}), and the one a channel may gather an answer for before handing it over.
     */
    public static boolean asks(Progress progress, String stepId) {
        return !progress.ended() && Objects.equals(stepId, progress.current());
    }

    /** Checks {@code raw} as the answer to {@code stepId}, then follows the flow's ways out; reads no typed words. */
    public Outcome answer(Flow flow, Progress progress, String stepId, Object raw) {
        return answer(flow, progress, stepId, raw, AnswerWords.none());
    }

    /**
     * Checks {@code raw} as the answer to {@code stepId}, reading what a person typed with {@code words} (the
     * conversation's language), then follows the flow's ways out.
     */
    public Outcome answer(Flow flow, Progress progress, String stepId, Object raw, AnswerWords words) {
        return answer(flow, progress, stepId, raw, words, false);
    }

    /**
     * As above; {@code assisted}: a professional is in the conversation as this answer comes in (an intermediair
     * enters it), which the flow's ways out may read as {@code conversation.assisted} (a question about flight
     * history only with a professional present, say). The way chosen is stored with the progress, so nothing
     * later needs to know it again.
     */
    public Outcome answer(Flow flow, Progress progress, String stepId, Object raw, AnswerWords words, boolean assisted) {
        if (!asks(progress, stepId)) {
            return isRepeat(flow, progress, stepId, raw, words) ? new Outcome.Repeated(progress) : new Outcome.NotCurrent(progress);
        }
        Step step = flow.requireStep(stepId);
        AnswerCheck check = validator.check(step, raw, words, LocalDate.now(clock));
        if (!check.valid()) {
            return new Outcome.Invalid(progress, check.error(), check.parameters());
        }
        return accept(flow, progress, step, check.value(), assisted);
    }

    /**
     * An answer to a conversation stored under another version of its flow than {@code flow}, read under it
     * ({@link VersionCarryOver#read}). An answer to a step that {@code flow} asks as another kind of question than the
     * conversation's own version did is {@link Outcome.AskedOtherwise}, whatever it is: the person answered the
     * question they were shown, which is not the one asked now (the count's 7 is no point of the new 1-5 scale, and
     * its 3 would be taken as one). The very answer stored for the step passed last (a double tap, a retry) is a
     * repeat as long as that question is asked the same way now, wherever the new version leads the conversation.
     * Anything else is judged as an answer to the conversation as it stands under {@code flow}.
     */
    public Outcome answer(Flow flow, CarriedOver read, String stepId, Object raw, AnswerWords words, boolean assisted) {
        if (read.askedOtherwise(stepId)) {
            return new Outcome.AskedOtherwise(read.now());
        }
        if (read.stored() != read.now() && !asks(read.now(), stepId) && isRepeat(flow, read.stored(), stepId, raw, words)) {
            return new Outcome.Repeated(read.now());
        }
        return answer(flow, read.now(), stepId, raw, words, assisted);
    }

    /** As {@link #answerAgain(Flow, Progress, String, Object, AnswerWords, boolean)}, read under {@code flow} as above. */
    public Outcome answerAgain(Flow flow, CarriedOver read, String stepId, Object raw, AnswerWords words, boolean assisted) {
        return read.askedOtherwise(stepId) ? new Outcome.AskedOtherwise(read.now())
                : answerAgain(flow, read.now(), stepId, raw, words, assisted);
    }

    /** As {@link #answerVoice(Flow, Progress, String, boolean)}, read under {@code flow} as above. */
    public Outcome answerVoice(Flow flow, CarriedOver read, String stepId, boolean held) {
        return read.askedOtherwise(stepId) ? new Outcome.AskedOtherwise(read.now()) : answerVoice(flow, read.now(), stepId, held);
    }

    /**
     * {@code raw} as a new answer to {@code stepId}, the step just passed, from where the conversation stands (a
     * person changing the message that answered it): judged as one step back and that answer together, so that an
     * answer the step refuses ({@link Outcome.Invalid}, its progress the one given) changes nothing and the person
     * stays where they were. Taken, the conversation goes on from it as from any answer. {@link Outcome.NotCurrent}
     * when {@code stepId} is not the step just passed, or the conversation ended.
     */
    public Outcome answerAgain(Flow flow, Progress progress, String stepId, Object raw, AnswerWords words, boolean assisted) {
        List<String> path = progress.path();
        if (progress.ended() || path.isEmpty() || !path.get(path.size() - 1).equals(stepId)) {
            return new Outcome.NotCurrent(progress);
        }
        Outcome again = answer(flow, back(progress), stepId, raw, words, assisted);
        return again instanceof Outcome.Invalid invalid
                ? new Outcome.Invalid(progress, invalid.message(), invalid.parameters())
                : again instanceof Outcome.Accepted ? again : new Outcome.NotCurrent(progress);
    }

    /**
     * A voice message as the answer to {@code stepId} of a conversation a professional holds or not ({@code held}):
     * taken only where {@link #takesVoice} says so, where it counts as an answer ({@link Step#VOICE_ANSWER}; the
     * audio is kept beside it); anywhere else it is refused with {@code error.voice_not_here}, so the person hears to
     * type or tap instead.
     */
    public Outcome answerVoice(Flow flow, Progress progress, String stepId, boolean held) {
        if (!asks(progress, stepId)) {
            return new Outcome.NotCurrent(progress);
        }
        Step step = flow.requireStep(stepId);
        if (!takesVoice(flow, step, held)) {
            return new Outcome.Invalid(progress, "error.voice_not_here", Map.of());
        }
        return accept(flow, progress, step, Step.VOICE_ANSWER, held);
    }

    /**
     * Whether a voice message is an answer to {@code step}: a text step that allows it ({@code voice: true}), in a
     * conversation a professional holds, of a flow whose answers are recorded for them ({@link
     * Flow#answersForProfessional}). Only that professional may ever play the audio; audio that nobody could play
     * (a conversation nobody holds) is not kept at all, rather than kept for weeks unheard.
     */
    public static boolean takesVoice(Flow flow, Step step, boolean held) {
        return step.type() == nl.samenspraak.flow.StepType.TEXT && step.voice() && held && flow.answersForProfessional();
    }

    /**
     * A dry run of {@link #answer(Flow, Progress, String, Object, AnswerWords, boolean)}: whether {@code raw} would be
     * taken as the answer to {@code stepId} and end the conversation with a result. Nothing changes (nothing here
     * ever stores); a channel asks it to let the person check their answers before the one that finishes.
     */
    public boolean wouldFinish(Flow flow, Progress progress, String stepId, Object raw, AnswerWords words, boolean assisted) {
        return finishes(answer(flow, progress, stepId, raw, words, assisted));
    }

    /** As {@link #wouldFinish}, for a voice message as the answer (see {@link #answerVoice}). */
    public boolean voiceWouldFinish(Flow flow, Progress progress, String stepId, boolean assisted) {
        return finishes(answerVoice(flow, progress, stepId, assisted));
    }

    /** As {@link #wouldFinish}, read under {@code flow} ({@link #answer(Flow, CarriedOver, String, Object, AnswerWords, boolean)}). */
    public boolean wouldFinish(Flow flow, CarriedOver read, String stepId, Object raw, AnswerWords words, boolean assisted) {
        return finishes(answer(flow, read, stepId, raw, words, assisted));
    }

    /** As {@link #voiceWouldFinish}, read under {@code flow}. */
    public boolean voiceWouldFinish(Flow flow, CarriedOver read, String stepId, boolean assisted) {
        return finishes(answerVoice(flow, read, stepId, assisted));
    }

    /** Accepted and done: not a repeat, not a "no" to consent (that ends without a result, and keeps nothing). */
    private static boolean finishes(Outcome outcome) {
        return outcome instanceof Outcome.Accepted accepted && accepted.progress().status() == Status.DONE;
    }

    private Outcome accept(Flow flow, Progress progress, Step step, Object value, boolean assisted) {
        String stepId = step.id();
        if (step.consent() && Step.NO.equals(value)) {
            return new Outcome.Accepted(progress.passing(stepId, value, true, null, Status.DECLINED), stepId, value);
        }
        boolean record = step.asksSomething();
        Progress moved = progress.passing(stepId, value, record, null, Status.ACTIVE);
        Map<String, Object> answers = moved.answersOnPath();
        Map<String, Object> facts = answers;
        if (assisted) {
            facts = new java.util.HashMap<>(answers);
            facts.put(Condition.ASSISTED, Boolean.TRUE);
        }
        String next = flow.nextAfter(step, facts, new LazyScores(() -> calculator.scores(flow, moved.path(), answers)));
        Progress result = Transition.END.equals(next)
                ? new Progress(moved.path(), moved.answers(), null, Status.DONE)
                : new Progress(moved.path(), moved.answers(), next, Status.ACTIVE);
        return new Outcome.Accepted(result, stepId, value);
    }

    /**
     * A double tap: the step just passed, with the answer it got; or the answer kept for a question a version published
     * since dropped, sent again as it was kept. The second tap of an answer stored under the earlier version got 409 "no
     * longer at its turn", as if it had not been stored. The dropped step can't read the answer again (typed words, a
     * number written another way), so only the very value kept counts: anything else is not said to be stored.
     */
    private boolean isRepeat(Flow flow, Progress progress, String stepId, Object raw, AnswerWords words) {
        Step step = flow.step(stepId).orElse(null);
        if (step == null) {
            return stepId != null && progress.answers().containsKey(stepId) && sameAsKept(raw, progress.answers().get(stepId));
        }
        List<String> path = progress.path();
        if (path.isEmpty() || !path.get(path.size() - 1).equals(stepId)) {
            return false;
        }
        AnswerCheck check = validator.check(step, raw, words, LocalDate.now(clock));
        return check.valid() && Objects.equals(check.value(), progress.answers().get(stepId));
    }

    /** {@code raw} as sent is {@code kept}: the same value, written the same way (options in any order). */
    private static boolean sameAsKept(Object raw, Object kept) {
        if (raw == null || kept == null) {
            return false;
        }
        if (raw instanceof java.util.Collection<?> sent && kept instanceof java.util.Collection<?> stored) {
            return sent.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet())
                    .equals(stored.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()))
                    && sent.size() == stored.size();
        }
        return !(raw instanceof java.util.Collection<?>) && !(kept instanceof java.util.Collection<?>)
                && String.valueOf(raw).equals(String.valueOf(kept));
    }

    /**
     * Whether what the person says may be kept: the flow asks no consent, or they said yes to it. Before that
     * (and after a no) nothing is stored.
     */
    public boolean mayKeepAnswers(Flow flow, Progress progress) {
        Map<String, Object> answers = progress.answersOnPath();
        return !flow.asksConsent() || flow.steps().stream().filter(Step::consent)
                .anyMatch(s -> Step.YES.equals(answers.get(s.id())));
    }

    /** One step back; the earlier answer stays, to be shown as "previous". At the first step or the end nothing changes. */
    public Progress back(Progress progress) {
        // a finished conversation is final (the conversation use cases answer 409 before it gets here)
        return progress.path().isEmpty() || progress.ended() ? progress : progress.steppingBack();
    }

    /**
     * One step back under {@code flow}: past a question answered under an earlier version that this one dropped, to
     * the one before it. Standing on the dropped question, the conversation was read where its way leads in this
     * version ({@link VersionCarryOver}), which is the question the person had just left: "back" did nothing.
     */
    public Progress back(Flow flow, Progress progress) {
        Progress back = back(progress);
        while (back != progress && !back.path().isEmpty() && flow.step(back.current()).isEmpty()) {
            back = back.steppingBack();
        }
        return back;
    }

    public Map<String, Integer> scores(Flow flow, Progress progress) {
        return calculator.scores(flow, progress.path(), progress.answersOnPath());
    }

    /**
     * The same scores, worked out only when first read and then once: the dashboard's team page counts a team's
     * conversations without reading any score. Not for sharing between threads.
     *
     * @param answersOnPath {@code progress.answersOnPath()}, which the caller has worked out already
     */
    public Map<String, Integer> scoresWhenRead(Flow flow, Progress progress, Map<String, Object> answersOnPath) {
        return new LazyScores(() -> calculator.scores(flow, progress.path(), answersOnPath));
    }

    /** The answers so far that count on {@code dimension}, with how strong each was. */
    public List<ScoreCalculator.Contribution> contributions(Flow flow, Progress progress, String dimension) {
        return calculator.contributions(flow, progress.path(), progress.answersOnPath(), dimension);
    }

    /**
     * The advice rules whose condition holds and that no other holding rule suppresses (a red flag keeps praise
     * away), most important first.
     */
    public List<AdviceRule> advice(Flow flow, Progress progress) {
        Map<String, Object> answers = progress.answersOnPath();
        Map<String, Integer> scores = scores(flow, progress);
        List<AdviceRule> holding = flow.advice().stream()
                .filter(rule -> rule.when().test(answers, scores))
                .toList();
        Set<String> suppressed = new HashSet<>();
        holding.forEach(rule -> suppressed.addAll(rule.suppresses()));
        return holding.stream()
                .filter(rule -> !suppressed.contains(rule.id()))
                .sorted(Comparator.comparingInt(AdviceRule::priority))
                .toList();
    }

    /**
     * Questions answered so far and the number there will be in all if the person goes on along the way
     * their answers point now (info steps do not count).
     */
    public Count count(Flow flow, Progress progress) {
        int answered = (int) progress.path().stream().distinct()
                .filter(id -> flow.step(id).map(Step::asksSomething).orElse(false)).count();
        int ahead = 0;
        if (!progress.ended()) {
            RouteAhead route = routes.computeIfAbsent(flow, RouteAhead::new);
            Map<String, Object> answers = null;
            Map<String, Integer> scores = null;
            Set<String> seen = new HashSet<>(progress.path());
            String id = progress.current();
            while (id != null && !Transition.END.equals(id) && !seen.contains(id)) {
                RouteAhead.Tail tail = route.tail(id);
                if (tail != null && RouteAhead.clear(tail, seen)) {
                    ahead += tail.asking();
                    break;
                }
                seen.add(id);
                Step step = flow.requireStep(id);
                if (step.asksSomething()) {
                    ahead++;
                }
                String fixed = route.fixedNext(step);
                if (fixed == null && answers == null) {
                    answers = progress.answersOnPath();
                    Map<String, Object> onPath = answers;
                    scores = new LazyScores(() -> calculator.scores(flow, progress.path(), onPath));
                }
                id = fixed != null ? fixed : flow.nextAfter(step, answers, scores);
            }
        }
        return new Count(answered, answered + ahead);
    }

    public record Count(int answered, int total) {
    }
}
