package nl.samenspraak.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conversations this process wrote most recently, so that the next answer in a conversation needs only a
 * look-up of its version instead of reading it and its answers again. Never trusted blindly: another instance
 * may have changed a conversation since (see {@link ConversationStore#latest(String)}). Bounded: the least
 * recently used fall out.
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

    synchronized void put(StoredConversation conversation) {
        byId.put(conversation.id(), conversation);
    }

    synchronized void remove(String id) {
        byId.remove(id);
    }
}
