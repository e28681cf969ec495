package nl.samenspraak.storage;

import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The copies an instance keeps of the conversations it wrote, so the next answer needs no full read. */
class RecentConversationsTest {

    @Test
    void aConversationStillGoingIsKeptUntilItFinishes() {
        RecentConversations recent = new RecentConversations(10);
        StoredConversation going = conversation("a", 1, "rol", Status.ACTIVE);
        recent.put(going);
        assertSame(going, recent.get("a"));

        recent.put(conversation("a", 2, null, Status.DONE));
        assertNull(recent.get("a"), "a finished conversation gets no next answer: its copy is not kept");
        recent.put(conversation("b", 1, null, Status.DECLINED));
        assertNull(recent.get("b"));
    }

    @Test
    void theLeastRecentlyUsedFallOutBeyondTheCapacity() {
        RecentConversations recent = new RecentConversations(2);
        recent.put(conversation("a", 1, "x", Status.ACTIVE));
        recent.put(conversation("b", 1, "x", Status.ACTIVE));
        recent.get("a");
        recent.put(conversation("c", 1, "x", Status.ACTIVE));
        assertNull(recent.get("b"));
        assertEquals("a", recent.get("a").id());
        assertEquals("c", recent.get("c").id());
    }

    private static StoredConversation conversation(String id, long version, String current, Status status) {
        Instant now = Instant.parse("2026-12-04T00:00:00Z");
        ConversationRecord record = new ConversationRecord(id, "voorbeeld", "1", "nl", "api", status.key(), current,
                "welkom", "ABCDEFGH", now, now, version, null, null, null);
        return new StoredConversation(record, new Progress(List.of("welkom"), Map.of(), current, status));
    }
}
