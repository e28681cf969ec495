package nl.samenspraak.web;

import nl.samenspraak.storage.ConversationRepository;

/** Breaks the rule "channels use storage only through use cases" on purpose, for ArchitectureTest to show it fails. */
public final class StorageReadingFixture {
    ConversationRepository stored;
}
