package nl.samenspraak.web;

import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
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

    /** A resident of middling answers, who fears nothing and whom nothing holds back: no tip is due. */
    private static FlowWalk middling(String language) {
        return middling(language, Map.of());
    }

    /** As {@link #middling(String)}, with some answers other. */
    private static FlowWalk middling(String language, Map<String, Object> other) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("welkom", null);
        answers.put("toestemming", "ja");
        answers.put("kinderen_thuis", null);
        answers.put("weet_waar_hulp", 3);
        answers.put("informatie_krijgen", "soms");
        answers.put("netwerk_helpt", "ja");
        answers.put("vertrouwen_hulp", 3);
        answers.put("bang_niet_begrepen", "nee");
        answers.put("bang_gevolgen", "nee");
        answers.put("schaamte", "nee");
        answers.put("hulp_dichtbij", "ja");
        answers.put("medewerkers_begrijpen", "ja");
        answers.put("aanmelden_makkelijk", 3);
        answers.put("eigen_taal", "ja");
        answers.put("goed_in_wijk", null);
        answers.put("beter_in_wijk", null);
        answers.put("wensen", null);
        answers.putAll(other);
        FlowWalk walk = FlowWalk.start("wijkanalyse", language);
        answers.forEach(walk::answer);
        return walk;
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
