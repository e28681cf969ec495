package nl.samenspraak.intermediair;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import nl.samenspraak.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** Intermediair answers and resident links on a real PostgreSQL server, in a database made for this run and dropped afterwards. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntermediairStorePostgresTest extends IntermediairStoreContract implements TestPropertyProvider {
    private final PostgresDatabase database = PostgresDatabase.create();

    @Override
    public Map<String, String> getProperties() {
        return database.properties();
    }

    @AfterAll
    void drop() {
        database.drop();
    }
}
