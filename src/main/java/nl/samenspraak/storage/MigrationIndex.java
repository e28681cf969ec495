package nl.samenspraak.storage;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Flyway's migrations of the default data source, listed at build time ({@link H2TemplateBuilder} writes
 * {@value #INDEX}): without the list, Flyway finds them at every start by walking all 33,000 entries of the jar
 * (README, "Start-up"). The beans are the ones micronaut-flyway asks for by the data source's name. Only when the
 * list is there and the default data source's migrations are where application.yml says ({@code
 * classpath:db/migration}); otherwise Flyway scans as it always did. The list is made from the same folder that goes
 * into the jar, in the same build, so it names every migration there (the SQL files and any Java migration classes).
 */
@Factory
@Requires(condition = MigrationIndex.Present.class)
@Requires(property = "flyway.datasources.default.locations", value = MigrationIndex.LOCATION)
class MigrationIndex {
    static final String LOCATION = "classpath:db/migration";
    static final String INDEX = "db/migration.index";

    @Singleton
    @Bean
    @Named("default")
    ResourceProvider migrationResources() {
        Location location = new Location(LOCATION);
        ClassLoader loader = MigrationIndex.class.getClassLoader();
        List<LoadableResource> resources = new ArrayList<>();
        for (String name : names(loader)) {
            if (!name.endsWith(".class")) {
                resources.add(new ClassPathResource(location, location.getPath() + "/" + name, loader, StandardCharsets.UTF_8));
            }
        }
        return new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                return resources.stream().filter(r -> r.getRelativePath().equals(name)).findFirst().orElse(null);
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                return resources.stream().filter(r -> r.getFilename().startsWith(prefix)
                        && Arrays.stream(suffixes).anyMatch(s -> r.getFilename().endsWith(s))).toList();
            }
        };
    }

    @Singleton
    @Bean
    @Named("default")
    ClassProvider<JavaMigration> javaMigrations() {
        ClassLoader loader = MigrationIndex.class.getClassLoader();
        List<Class<? extends JavaMigration>> classes = new ArrayList<>();
        for (String name : names(loader)) {
            if (name.endsWith(".class") && !name.contains("$")) {
                String className = (new Location(LOCATION).getPath() + "/" + name.substring(0, name.length() - 6)).replace('/', '.');
                try {
                    Class<?> c = Class.forName(className, false, loader);
                    if (JavaMigration.class.isAssignableFrom(c)) {
                        classes.add(c.asSubclass(JavaMigration.class));
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("the migration index names a class that is not there: " + className, e);
                }
            }
        }
        return () -> classes;
    }

    /** The file names in the index, one a line. */
    static List<String> names(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("no " + INDEX);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the build wrote the index (a build that skipped {@code process-classes} did not). */
    public static final class Present implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return MigrationIndex.class.getClassLoader().getResource(INDEX) != null;
        }
    }
}
