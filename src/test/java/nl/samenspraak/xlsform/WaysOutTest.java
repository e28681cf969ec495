package nl.samenspraak.xlsform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A survey's relevance as a flow's ways out: after a step, the conversation asks the next step whose relevance holds,
 * skipping the others, and ends when none after it is asked.
 */
class WaysOutTest {
    private static SurveyStep step(String id, String relevance) {
        return new SurveyStep(id, Map.of("id", id), relevance, Map.of(), null);
    }

    @Test
    void aStepFollowedByOneAlwaysAskedNeedsNoWayOut() {
        List<SurveyStep> steps = List.of(step("a", null), step("b", null));
        assertEquals(List.of(), WaysOut.of(steps, 0));
    }

    @Test
    void conditionalStepsAreTriedInOrderUpToTheFirstAlwaysAsked() {
        List<SurveyStep> steps = List.of(step("a", null), step("b", "x"), step("c", "y"), step("d", null), step("e", "z"));
        assertEquals(List.of(Map.of("if", "x", "goto", "b"), Map.of("if", "y", "goto", "c"), Map.of("goto", "d")),
                WaysOut.of(steps, 0));
    }

    @Test
    void whenNoLaterStepIsAskedTheConversationEnds() {
        List<SurveyStep> steps = List.of(step("a", null), step("b", "x"));
        assertEquals(List.of(Map.of("if", "x", "goto", "b"), Map.of("goto", "end")), WaysOut.of(steps, 0));
        assertEquals(List.of(), WaysOut.of(steps, 1));
    }
}
