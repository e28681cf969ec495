package nl.samenspraak.storage;

import nl.samenspraak.engine.Progress;

/** A conversation as read from the database: its row, and the engine's view of how far it got. */
public record StoredConversation(ConversationRecord record, Progress progress) {

    public String id() {
        return record.id();
    }

    public String language() {
        return record.language();
    }
}
