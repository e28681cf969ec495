package nl.samenspraak.storage;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import nl.samenspraak.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Storage on a real PostgreSQL server (127.0.0.1:5432 unless SAMENSPRAAK_TEST_POSTGRES_URL says otherwise),
 * in a database made for this run and dropped afterwards.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationStorePostgresTest extends ConversationStoreContract implements TestPropertyProvider {
    private final PostgresDatabase database = PostgresDatabase.create();

    @Override
    public Map<String, String> getProperties() {
        return database.properties();
    }

    @AfterAll
    void drop() {
        database.drop();
    }

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }
}
