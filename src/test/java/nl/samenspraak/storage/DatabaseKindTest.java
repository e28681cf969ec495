package nl.samenspraak.storage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which database it is, from the configured URL alone: PostgreSQL (statements batched, locks in the database, a leader
 * elected among the instances) or the embedded H2. Read before any connection, so a class that asks at start-up gets
 * the same answer as one that asks under load.
 */
class DatabaseKindTest {
    @Test
    void aPostgresUrlIsPostgresWhateverItsParameters() {
        assertTrue(DatabaseKind.of("jdbc:postgresql://127.0.0.1:5432/test").postgres());
        assertTrue(DatabaseKind.of("jdbc:postgresql://db.example:5433/samenspraak?sslmode=require&loginTimeout=3").postgres());
        assertTrue(DatabaseKind.of("jdbc:postgresql:samenspraak").postgres(), "host and port left to the driver's defaults");
    }

    @Test
    void theEmbeddedDatabaseIsNot() {
        assertFalse(DatabaseKind.of("jdbc:h2:file:./data/samenspraak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE").postgres(),
                "H2 in PostgreSQL mode is still the embedded database, one instance");
        assertFalse(DatabaseKind.of("jdbc:h2:mem:test").postgres());
        assertFalse(DatabaseKind.of(null).postgres(), "no data source configured");
    }
}
