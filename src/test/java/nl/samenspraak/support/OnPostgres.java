package nl.samenspraak.support;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a storage test class on a real PostgreSQL server (the one CI starts), in a database made for that class
 * and dropped after it. Implement it beside {@code @MicronautTest} and {@code @TestInstance(PER_CLASS)}.
 */
public interface OnPostgres extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return Databases.BY_CLASS.computeIfAbsent(getClass(), c -> PostgresDatabase.create()).properties();
    }

    @AfterAll
    default void dropPostgresDatabase() {
        PostgresDatabase database = Databases.BY_CLASS.remove(getClass());
        if (database != null) {
            database.drop();
        }
    }

    /** The database of each test class while it runs. */
    final class Databases {
        private static final Map<Class<?>, PostgresDatabase> BY_CLASS = new ConcurrentHashMap<>();

        private Databases() {
        }
    }
}
