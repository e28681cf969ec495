package nl.samenspraak.storage;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Which database the service is on: PostgreSQL (shared by every instance, a network hop away: statements batched,
 * locks in the database, a leader elected) or the embedded H2 (one instance, in this process). The one answer every
 * class that does either asks. It is read from the data source's configured URL, so it is known before the pool is
 * made (a check at start-up and a limit counted on the first request may ask before any connection was opened),
 * costs no connection, and cannot differ between two classes. Before, it was asked three ways: by the pool's URL
 * once the pool was made (and "H2" until then), by a first connection's product name (twice, each cached), and "is
 * it H2" by product name.
 */
@Singleton
public final class DatabaseKind {
    private final boolean postgres;

    @Inject
    DatabaseKind(@Nullable @Property(name = "datasources.default.url") String url) {
        this.postgres = url != null && url.startsWith("jdbc:postgresql:");
    }

    /** The kind of the database at this JDBC URL (for classes made without the framework, and their tests). */
    public static DatabaseKind of(String url) {
        return new DatabaseKind(url);
    }

    /** Whether the database is PostgreSQL; else it is the embedded H2, serving this one instance. */
    public boolean postgres() {
        return postgres;
    }
}
