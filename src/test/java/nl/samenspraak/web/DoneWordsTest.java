package nl.samenspraak.web;

import nl.samenspraak.support.FlowWalk;
import nl.samenspraak.support.MiddlingResident;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * "Klaar" above a finished conversation promises only what is below it. A resident whose answers call for no tip read
 * "Klaar! Hartelijk dank. Hieronder staan tips die bij uw antwoorden passen." above none (the resident probe of
 * December 2026); they read that it was the last question.
 */
class DoneWordsTest {

    private static FlowWalk middling(String language) {
        return MiddlingResident.walk(language, Map.of());
    }

    private static FlowWalk middling(String language, Map<String, Object> other) {
        return MiddlingResident.walk(language, other);
    }

    @Test
    void aResultWithoutTipsPromisesNone() {
        for (String language : List.of("nl", "ar")) {
            FlowWalk walk = middling(language);
            assertEquals(List.of(), walk.tipIds(), language + ": no tip is due");
            assertEquals("done_alone", ReadAlong.doneKey(walk.state()), language);
            String said = FlowWalk.library().translations().flowMessage(language, "wijkanalyse", "web.done_alone");
            assertFalse(said.contains(FlowWalk.library().translations().flowMessage(language, "wijkanalyse", "result.heading_tips")),
                    language + ": " + said);
        }
    }

    @Test
    void aResultWithTipsSaysTheyFollow() {
        FlowWalk afraid = middling("nl", Map.of("bang_gevolgen", "ja"));
        assertEquals(List.of("wat_hulp_is"), afraid.tipIds());
        assertEquals("done", ReadAlong.doneKey(afraid.state()));
    }
}
