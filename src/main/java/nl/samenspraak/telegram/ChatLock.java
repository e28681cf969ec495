package nl.samenspraak.telegram;

import jakarta.inject.Singleton;
import nl.samenspraak.storage.DatabaseKind;

/**
 * Lets one update of a chat be handled at a time across every instance on one database: a webhook update and the
 * next one of the same chat (or its retry) may reach two instances at once, and each must see what the other did.
 * Taken at the start of the update's commit and held until it ends: on PostgreSQL a transaction-level advisory lock
 * on the chat's keyed hash (so the lock names no chat). The embedded H2 database serves one instance, whose
 * {@link ChatQueue} already runs a chat's updates one after another, so there it takes nothing.
 */
@Singleton
class ChatLock {
    /** The first half of the two-part advisory key: chats, apart from every other lock of this service. */
    static final int CHATS = 0x54474368; // "TGCh"

    private final TelegramUpdateRepository updates;
    private final DatabaseKind database;

    ChatLock(TelegramUpdateRepository updates, DatabaseKind database) {
        this.updates = updates;
        this.database = database;
    }

    /** Waits until no other commit holds the chat, and holds it until this commit ends (inside a transaction only). */
    void hold(String chatHash) {
        if (database.postgres()) {
            updates.lockChat(CHATS, chatHash.hashCode());
        }
    }
}
