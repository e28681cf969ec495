package nl.samenspraak.storage;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's list of migrations (README, "Start-up") makes Flyway resolve exactly the migrations it finds by
 * searching the class path (same versions, names, scripts and checksums), and the service's Flyway uses it.
 */
class MigrationIndexTest {
    @Test
    void theListResolvesTheSameMigrationsAsSearchingTheClassPath() {
        String url = "jdbc:h2:mem:index-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        MigrationIndex index = new MigrationIndex();
        List<String> listed = resolved(Flyway.configure().dataSource(url, "sa", "").locations(MigrationIndex.LOCATION)
                .resourceProvider(index.migrationResources()).javaMigrationClassProvider(index.javaMigrations()));
        List<String> searched = resolved(Flyway.configure().dataSource(url, "sa", "").locations(MigrationIndex.LOCATION));
        assertTrue(searched.size() > 20, searched.toString());
        assertEquals(searched, listed);
    }

    @Test
    void theServicesFlywayUsesTheList() {
        try (ApplicationContext context = ApplicationContext.run("test")) {
            assertTrue(context.findBean(ResourceProvider.class, Qualifiers.byName("default")).isPresent());
        }
    }

    private static List<String> resolved(FluentConfiguration config) {
        return Arrays.stream(config.load().info().all()).map(MigrationInfo.class::cast)
                .map(m -> m.getVersion() + "|" + m.getDescription() + "|" + m.getScript() + "|" + m.getChecksum() + "|" + m.getType())
                .toList();
    }
}
