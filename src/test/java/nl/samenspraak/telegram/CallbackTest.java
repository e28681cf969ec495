package nl.samenspraak.telegram;

import nl.samenspraak.conversation.ConversationState.OptionView;
import nl.samenspraak.conversation.ConversationState.StepView;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackTest {

    @Test
    void buttonDataRoundTrips() {
        assertEquals(Callback.of(Callback.ANSWER, 3), Callback.parse("a:3").orElseThrow());
        assertEquals(3, Callback.parse(Callback.of(Callback.ANSWER, 3).data()).orElseThrow().index());
        assertEquals(Callback.of(Callback.DONE), Callback.parse("k").orElseThrow());
        assertEquals("cultureel-interview", Callback.parse(Callback.flow("cultureel-interview").data()).orElseThrow().argument());
        assertTrue(Callback.parse("").isEmpty());
        assertTrue(Callback.parse("xyz").isEmpty());
        assertEquals(-1, Callback.parse("a:x").orElseThrow().index());
    }

    /**
     * A button that names an option by its place names the list it counts in: the same options in another order (a
     * version published since) are another list, and a button without one (sent before) counts in any.
     */
    @Test
    void aPlaceCountsInTheListItWasMadeFor() {
        StepView shown = step("choice", "professional", "intermediair", "vrijwilliger");
        StepView reordered = step("choice", "vrijwilliger", "intermediair", "professional");
        Callback tapped = Callback.parse(Callback.of(Callback.ANSWER, 0).shownWith(shown).data()).orElseThrow();
        assertEquals(0, tapped.index());
        assertTrue(tapped.countsIn(shown));
        assertFalse(tapped.countsIn(reordered), "the first place is another option now");
        assertFalse(tapped.countsIn(step("multi", "professional", "intermediair", "vrijwilliger")), "another kind of question");
        assertTrue(tapped.countsIn(new StepView("rol", "choice", "Anders verwoord", shown.options().stream()
                .map(o -> new OptionView(o.value(), o.label().toUpperCase())).toList(), null, null, false, null)),
                "the same options reworded are the same list");
        assertTrue(Callback.parse("a:0").orElseThrow().countsIn(reordered), "a button sent before counts in the list asked now");
        Callback done = Callback.parse(Callback.of(Callback.DONE).shownWith(shown).data()).orElseThrow();
        assertEquals(Callback.DONE, done.kind());
        assertTrue(done.countsIn(shown));
        assertTrue(Callback.of(Callback.TOGGLE, 49).shownWith(shown).fits());
    }

    private static StepView step(String type, String... values) {
        return new StepView("rol", type, "In welke rol werk je?",
                java.util.Arrays.stream(values).map(v -> new OptionView(v, v)).toList(), null, null, false, null);
    }

    @Test
    void aFlowIdTooLongForAButtonGoesByItsHash() {
        String id = "een-heel-lang-gesprek-over-" + "wijkteams-en-jeugdhulp-".repeat(3);
        Callback c = Callback.flow(id);
        assertTrue(c.data().getBytes(StandardCharsets.UTF_8).length <= 64, c.data());
        Callback tapped = Callback.parse(c.data()).orElseThrow();
        assertEquals(Callback.FLOW_HASH + Callback.flowHash(id), tapped.argument());
        assertEquals(3, Callback.parse("f:#3").orElseThrow().index(), "a button of an older menu, by its place");
        assertThrows(IllegalArgumentException.class, () -> Callback.of(Callback.LANGUAGE, "\u0627".repeat(40)).data());
    }
}
