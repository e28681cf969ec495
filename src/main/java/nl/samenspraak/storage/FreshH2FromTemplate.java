package nl.samenspraak.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * A first start on the embedded database begins from the build's {@link H2Template} instead of an empty file: once
 * a data source's settings are read and before its pool opens the database, if the H2 file it names does not exist
 * yet, the template is copied there (whole or not at all). Only when everything the template was made with holds:
 * Flyway migrates this data source, the URL's settings and the account are the template's. Otherwise, and when the
 * jar has no template (a build without one), nothing happens and Flyway creates the tables as before. Either way
 * the database's history is then held against the jar's migrations ({@link MigrateOnlyWhenBehind}: Flyway applies
 * newer ones or refuses a changed one), so the template can only save time, never change what a start ends with.
 * PostgreSQL is never touched. Then the database is held open for as long as the service runs
 * ({@link EmbeddedH2StaysOpen}).
 */
@Singleton
class FreshH2FromTemplate implements BeanCreatedEventListener<DatasourceConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(FreshH2FromTemplate.class);
    private final Environment environment;
    private final EmbeddedH2StaysOpen stayOpen;

    FreshH2FromTemplate(Environment environment, EmbeddedH2StaysOpen stayOpen) {
        this.environment = environment;
        this.stayOpen = stayOpen;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        if (environment.getProperty("flyway.datasources." + config.getName() + ".enabled", Boolean.class, false)) {
            H2Template.databaseFile(config.getUrl()).filter(file -> !Files.exists(file))
                    .ifPresent(file -> copyInto(file, config));
        }
        // after the copy: opening the database first would make an empty one where the template belongs
        stayOpen.hold(config);
        return config;
    }

    private void copyInto(Path file, DatasourceConfiguration config) {
        ClassLoader loader = FreshH2FromTemplate.class.getClassLoader();
        try {
            Optional<Properties> template = H2Template.description(loader);
            if (template.isEmpty()
                    || !H2Template.settings(config.getUrl()).equals(template.get().getProperty("settings"))
                    || !H2Template.USER.equalsIgnoreCase(config.getUsername())
                    || !H2Template.PASSWORD.equals(config.getPassword() == null ? "" : config.getPassword())) {
                return;
            }
            Files.createDirectories(file.getParent());
            Path part = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            try (InputStream in = loader.getResourceAsStream(H2Template.DATABASE)) {
                if (in == null) {
                    return;
                }
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                // a rename within the folder, refused if the file appeared meanwhile
                Files.move(part, file);
                LOG.info("New embedded database {}: begun from the jar's template (migrations up to {}), checked against the jar's migrations next",
                        file, template.get().getProperty("version"));
            } catch (FileAlreadyExistsException e) {
                // made by someone else meanwhile: theirs stands
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not begin the new embedded database from the jar's template ({}); Flyway creates it", e.toString());
        }
    }
}
