package nl.samenspraak.storage;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationIdsTest {

    @Test
    void anIdIsAVersion7UuidThatBeginsWithItsMillisecond() {
        long at = 1_796_000_000_123L;
        UUID id = ConversationIds.at(at);
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "the RFC's variant");
        assertEquals(at, id.getMostSignificantBits() >>> 16, "the first 48 bits are the time");
        assertTrue(id.toString().matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id.toString());
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsTheDatabaseComparesThem() {
        String earlier = ConversationIds.at(1_796_000_000_123L).toString();
        String later = ConversationIds.at(1_796_000_000_124L).toString();
        String muchLater = ConversationIds.at(1_896_000_000_000L).toString();
        assertTrue(earlier.compareTo(later) < 0 && later.compareTo(muchLater) < 0, earlier + " " + later + " " + muchLater);
    }

    /** Within one millisecond only the 74 random bits tell ids apart: none repeats, and every one of them varies. */
    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<UUID> ids = new HashSet<>();
        long varyingHigh = 0;
        long varyingLow = 0;
        UUID first = ConversationIds.at(1_796_000_000_123L);
        for (int i = 0; i < 10_000; i++) {
            UUID id = ConversationIds.at(1_796_000_000_123L);
            ids.add(id);
            varyingHigh |= id.getMostSignificantBits() ^ first.getMostSignificantBits();
            varyingLow |= id.getLeastSignificantBits() ^ first.getLeastSignificantBits();
        }
        assertEquals(10_000, ids.size());
        assertEquals(0xFFFL, varyingHigh, "12 random bits after the version, nothing else in the first half");
        assertEquals(0x3FFF_FFFF_FFFF_FFFFL, varyingLow, "62 random bits after the variant");
    }
}
