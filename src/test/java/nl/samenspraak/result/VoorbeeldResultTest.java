package nl.samenspraak.result;

import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The example flow's result, walked without a server: scores, tips and their reasons. */
class VoorbeeldResultTest {

    @Test
    void weakAnswersGiveTheKnowledgeAndAttitudeTips() {
        FlowWalk walk = FlowWalk.start("voorbeeld", "nl")
                .answer("welkom", null).answer("rol", "professional").answer("ervaring_jaren", 3)
                .answer("talen", List.of("turks")).answer("tolk", "nee").answer("houding", 1)
                .answer("kennis", "weinig").answer("laatste_gesprek", null).answer("opmerking", null);
        assertEquals(List.of("kennis_opbouwen", "doorvragen"), walk.tipIds());
        assertEquals(0, walk.result().scores().get("kennis").value());
        assertEquals(0, walk.result().scores().get("houding").value());
    }

    @Test
    void dontKnowEverywhereGivesNoScoreAndNoScoreTips() {
        FlowWalk walk = FlowWalk.start("voorbeeld", "en")
                .answer("welkom", null).answer("rol", "vrijwilliger").answer("ervaring_jaren", 0)
                .answer("talen", List.of("engels")).answer("tolk", "nee").answer("houding", "weet-niet")
                .answer("kennis", "weet-niet").answer("laatste_gesprek", null).answer("opmerking", null);
        assertNull(walk.result().scores().get("kennis").value());
        assertEquals("Too few answers to say anything about this yet.", walk.result().scores().get("kennis").label());
        assertEquals(List.of(), walk.tipIds());
    }
}
