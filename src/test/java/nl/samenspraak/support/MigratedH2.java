package nl.samenspraak.support;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import java.util.Arrays;
import java.util.UUID;

/**
 * An in-memory H2 database as it stood just before one migration, for a test of what that migration does to data
 * written before it: every migration before it, whichever versions others add meanwhile, then {@link #migrateAll}.
 */
public final class MigratedH2 {
    private final String url;

    private MigratedH2(String url) {
        this.url = url;
    }

    /** A new database with every migration older than {@code version} applied. */
    public static MigratedH2 before(String version) {
        String url = "jdbc:h2:mem:before-" + version + "-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        MigrationVersion target = MigrationVersion.fromVersion(version);
        MigrationVersion last = Arrays.stream(flyway(url).load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(target) < 0).max(MigrationVersion::compareTo).orElseThrow();
        flyway(url).target(last).load().migrate();
        return new MigratedH2(url);
    }

    /**
     * A new database in a file in {@code dir}, written to disk at every commit as the service's is ({@code
     * WRITE_DELAY=0}), with every migration applied.
     */
    public static MigratedH2 inFile(java.nio.file.Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("samenspraak") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
        flyway(url).load().migrate();
        return new MigratedH2(url);
    }

    /** The JDBC URL (user {@code sa}, no password). */
    public String url() {
        return url;
    }

    /** Applies the migration and every later one. */
    public void migrateAll() {
        flyway(url).load().migrate();
    }

    /** Applies the migrations up to and including {@code version}: one migration's work, before a later one changes it. */
    public void migrateTo(String version) {
        flyway(url).target(MigrationVersion.fromVersion(version)).load().migrate();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration");
    }
}
