package nl.samenspraak.engine;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.Transition;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The progress count ("question 3 of 12") takes a short cut through the parts of a flow no answer can change. It
 * must give what walking the route step by step gives, at every point of every bundled flow, going back too.
 */
class CountAheadTest {
    private final ConversationEngine engine = new ConversationEngine();

    @Test
    void theShortCutCountsAsTheFullWalkDoesInEveryFlow() {
        Random random = new Random(11);
        for (Flow flow : FlowWalk.library().flows()) {
            for (int run = 0; run < 8; run++) {
                FlowWalk walk = FlowWalk.start(flow.id(), "nl");
                int guard = 0;
                while (!walk.progress().ended() && guard++ < 300) {
                    assertEquals(fullWalk(flow, walk.progress()), engine.count(flow, walk.progress()),
                            flow.id() + " at " + walk.current() + " after " + walk.progress().path());
                    if (random.nextInt(6) == 0 && !walk.progress().path().isEmpty()) {
                        walk.back();
                    } else {
                        ConversationState.StepView step = walk.state().step();
                        walk.answer(step.id(), pick(step, random));
                    }
                }
                assertEquals(fullWalk(flow, walk.progress()), engine.count(flow, walk.progress()));
            }
        }
    }

    private static Object pick(ConversationState.StepView step, Random random) {
        return switch (step.type()) {
            case "info" -> null;
            case "yesno" -> step.text().toLowerCase().contains("toestemming") || random.nextInt(4) > 0 ? "ja" : "nee";
            case "choice", "scale" -> step.options().get(random.nextInt(step.options().size())).value();
            case "multi" -> java.util.List.of(step.options().get(random.nextInt(step.options().size())).value());
            case "number" -> step.min() == null ? 1 : step.min();
            case "date" -> "2024-03-01";
            default -> step.optional() && random.nextBoolean() ? null : "tekst";
        };
    }

    /** The count by walking every step ahead and evaluating its ways out, as it was done before the short cut. */
    private ConversationEngine.Count fullWalk(Flow flow, Progress progress) {
        int answered = (int) progress.path().stream().distinct()
                .filter(id -> flow.step(id).map(Step::asksSomething).orElse(false)).count();
        int ahead = 0;
        if (!progress.ended()) {
            Map<String, Object> answers = progress.answersOnPath();
            Map<String, Integer> scores = engine.scores(flow, progress);
            Set<String> seen = new HashSet<>(progress.path());
            String id = progress.current();
            while (id != null && !Transition.END.equals(id) && seen.add(id)) {
                Step step = flow.requireStep(id);
                if (step.asksSomething()) {
                    ahead++;
                }
                id = flow.nextAfter(step, answers, scores);
            }
        }
        return new ConversationEngine.Count(answered, answered + ahead);
    }
}
