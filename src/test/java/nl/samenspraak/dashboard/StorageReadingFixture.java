package nl.samenspraak.dashboard;

import nl.samenspraak.storage.ConversationStore;

/** Breaks the rule "features use storage only through use cases" on purpose, for ArchitectureTest to show it fails. */
public final class StorageReadingFixture {
    ConversationStore store;
}
