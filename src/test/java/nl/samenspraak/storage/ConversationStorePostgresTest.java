package nl.samenspraak.storage;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.samenspraak.support.OnPostgres;
import org.junit.jupiter.api.TestInstance;

/**
 * Storage on a real PostgreSQL server (127.0.0.1:5432 unless SAMENSPRAAK_TEST_POSTGRES_URL says otherwise),
 * in a database made for this run and dropped afterwards.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationStorePostgresTest extends ConversationStoreContract implements OnPostgres {
    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }
}
