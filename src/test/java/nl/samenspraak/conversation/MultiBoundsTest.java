package nl.samenspraak.conversation;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A multi step is said to take at most the options that can be ticked together: "Geen van deze" unticks the
 * others, so "Kies er 1 tot en met 6" stood over five things and "Geen van deze", and ticking all six left one (the
 * resident probe of December 2026). The flow's own most stays as it was: the dashboard compares it between versions.
 */
class MultiBoundsTest {

    @Test
    void aMultisDefaultMostCountsTheOptionsThatCanBeTickedTogether() {
        FlowWalk walk = FlowWalk.start("werk-jij-diversiteitsproof", "nl");
        Step step = walk.flow().requireStep("werkwijze_achtergrond");
        long together = step.options().stream().filter(o -> !o.exclusive() && !o.dontKnow()).count();
        long excluding = step.options().stream().filter(Option::exclusive).count();
        assertEquals(1, excluding, "the question has an option that excludes the others");
        while (!step.id().equals(walk.current())) {
            ConversationState.StepView asked = walk.state().step();
            Object first = asked.options().isEmpty() ? null : asked.options().get(0).value();
            walk.answer(asked.id(), "multi".equals(asked.type()) ? java.util.List.of(first) : first);
        }
        assertEquals(together, walk.state().step().max().longValue(), "what the person is told they may tick");
    }
}
