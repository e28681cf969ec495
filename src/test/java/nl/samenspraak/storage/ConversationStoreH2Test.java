package nl.samenspraak.storage;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Storage on embedded H2, the default database. */
@MicronautTest
class ConversationStoreH2Test extends ConversationStoreContract {
    @Override
    String expectedDatabase() {
        return "H2";
    }
}
