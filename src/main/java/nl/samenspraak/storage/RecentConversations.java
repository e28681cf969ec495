package nl.samenspraak.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conversations this process wrote most recently, so that the next answer in a conversation needs only a
 * look-up of its version instead of reading it and its answers again. Never trusted blindly: another instance
 * may have changed a conversation since (see {@link ConversationStore#latest(String)}). Bounded: the least
 * recently used fall out.
 *
 * <p>Only conversations still going are kept: a finished one gets no next answer, and its copy would stay in memory
 * until 10,000 others pushed it out (tens of seconds under load), long enough for the garbage collector to copy it
 * from one young space to the next at every collection. Those copies were most of what a young collection copied,
 * and so most of its pause (docs/performance-log.md, fifteenth session). A finished conversation's result is read from the database.
 */
final class RecentConversations {
    private final Map<String, StoredConversation> byId;

    RecentConversations(int capacity) {
        this.byId = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoredConversation> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized StoredConversation get(String id) {
        return byId.get(id);
    }

    /** Keeps this copy of a conversation still going; a finished conversation's copy is dropped. */
    synchronized void put(StoredConversation conversation) {
        if (conversation.progress().ended()) {
            byId.remove(conversation.id());
        } else {
            byId.put(conversation.id(), conversation);
        }
    }

    synchronized void remove(String id) {
        byId.remove(id);
    }
}
