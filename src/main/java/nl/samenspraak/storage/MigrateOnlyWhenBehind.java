package nl.samenspraak.storage;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.flyway.DataSourceMigrationRunner;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * micronaut-flyway's migration at start-up, asked only when the database is not already where the jar's migrations
 * leave it ({@link MigrationHistory}). Flyway's set-up (its configuration, its database support, every migration
 * read and its checksum compared) took about a sixth of the main thread's time before the first request (0.46 of
 * 2.4 s in a wall-clock profile), to conclude that there was nothing to do: that is every restart, and every first
 * start, which begins from the build's template. Without it a start answers 3 to 11% sooner (README, "Start-up").
 * One read of the history table now decides; on any difference, and for anything but the default data source with
 * application.yml's two Flyway settings, Flyway runs exactly as it did (and migrates, or refuses a changed
 * migration).
 */
@Singleton
@Replaces(DataSourceMigrationRunner.class)
public class MigrateOnlyWhenBehind extends DataSourceMigrationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MigrateOnlyWhenBehind.class);
    private static final String PREFIX = "flyway.datasources.default";
    /** The settings with which Flyway, given the expected history, would do nothing; any other one might. */
    private static final Set<String> SETTINGS = Set.of(PREFIX + ".enabled", PREFIX + ".locations");

    private final ApplicationContext context;
    private final DataSourceResolver resolver;

    public MigrateOnlyWhenBehind(ApplicationContext context, ApplicationEventPublisher<?> publisher,
                                 @Nullable DataSourceResolver resolver) {
        super(context, publisher, resolver);
        this.context = context;
        this.resolver = resolver == null ? DataSourceResolver.DEFAULT : resolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        if (upToDate(event)) {
            return event.getBean();
        }
        return super.onCreated(event);
    }

    private boolean upToDate(BeanCreatedEvent<DataSource> event) {
        String name = event.getBeanDefinition() instanceof NameResolver named ? named.resolveName().orElse(null) : null;
        if (!"default".equals(name) || !onlyTheUsualSettings()) {
            return false;
        }
        Optional<List<MigrationHistory.Row>> expected = MigrationHistory.expected(MigrateOnlyWhenBehind.class.getClassLoader());
        if (expected.isEmpty()) {
            return false;
        }
        // the pool itself, as Flyway is given it: Micronaut Data's wrapper around it needs beans still being made
        try (Connection connection = resolver.resolve(event.getBean()).getConnection()) {
            if (MigrationHistory.holds(connection, expected.get())) {
                List<MigrationHistory.Row> rows = expected.get();
                LOG.info("Database schema up to date ({} migrations, the last {}): Flyway has nothing to do",
                        rows.size(), rows.isEmpty() ? "none" : rows.get(rows.size() - 1).version());
                return true;
            }
            return false;
        } catch (SQLException e) {
            // Flyway meets the same database next and says what is wrong with it
            return false;
        }
    }

    /** Flyway on, at application.yml's place for the migrations, and nothing else set for it. */
    private boolean onlyTheUsualSettings() {
        var environment = context.getEnvironment();
        return environment.getProperty(PREFIX + ".enabled", Boolean.class, false)
                && MigrationIndex.LOCATION.equals(environment.getProperty(PREFIX + ".locations", String.class).orElse(null))
                && Set.copyOf(environment.getPropertyEntries("flyway")).equals(Set.of("datasources"))
                && Set.copyOf(environment.getPropertyEntries("flyway.datasources")).equals(Set.of("default"))
                && SETTINGS.containsAll(environment.getPropertyEntries(PREFIX).stream().map(k -> PREFIX + "." + k).toList());
    }
}
