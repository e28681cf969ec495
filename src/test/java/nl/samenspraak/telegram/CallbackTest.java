package nl.samenspraak.telegram;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackTest {

    @Test
    void buttonDataRoundTrips() {
        assertEquals(Callback.of(Callback.ANSWER, 3), Callback.parse("a:3").orElseThrow());
        assertEquals(3, Callback.parse(Callback.of(Callback.ANSWER, 3).data()).orElseThrow().index());
        assertEquals(Callback.of(Callback.DONE), Callback.parse("k").orElseThrow());
        assertEquals("cultureel-interview", Callback.parse(Callback.flow("cultureel-interview", 0).data()).orElseThrow().argument());
        assertTrue(Callback.parse("").isEmpty());
        assertTrue(Callback.parse("xyz").isEmpty());
        assertEquals(-1, Callback.parse("a:x").orElseThrow().index());
    }

    @Test
    void aFlowIdTooLongForAButtonGoesByItsPlace() {
        String id = "een-heel-lang-gesprek-over-" + "wijkteams-en-jeugdhulp-".repeat(3);
        Callback c = Callback.flow(id, 7);
        assertTrue(c.data().getBytes(StandardCharsets.UTF_8).length <= 64, c.data());
        assertEquals(7, c.index());
        assertThrows(IllegalArgumentException.class, () -> Callback.of(Callback.LANGUAGE, "\u0627".repeat(40)).data());
    }
}
