package nl.samenspraak.storage;

import org.flywaydb.core.Flyway;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A build step ({@code process-classes}, see the POM): makes the {@link H2Template} in the compiled classes, by
 * running the migrations there with Flyway on a new H2 file, with the URL settings of application.yml's default
 * data source, then compacting it. Skipped when the template there was made from the same migrations and settings.
 * Also lists the migrations for Flyway ({@link MigrationIndex}), so that no start has to search the jar for them, and
 * writes the history they leave ({@link MigrationHistory}), so that a start on an up-to-date database needs no Flyway.
 * Not used by the running service. Usage: {@code H2TemplateBuilder <classes folder>}.
 */
public final class H2TemplateBuilder {
    private H2TemplateBuilder() {
    }

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]).toAbsolutePath();
        String settings = H2Template.settings(defaultUrl(classes));
        Path migrations = classes.resolve("db/migration");
        writeIndex(classes, migrations);
        String fingerprint = fingerprint(migrations, settings);
        Path description = classes.resolve(H2Template.DESCRIPTION);
        if (Files.isRegularFile(description) && Files.isRegularFile(classes.resolve(H2Template.DATABASE))
                && Files.isRegularFile(classes.resolve(MigrationHistory.FILE))) {
            Properties old = new Properties();
            try (InputStream in = Files.newInputStream(description)) {
                old.load(in);
            }
            if (fingerprint.equals(old.getProperty("fingerprint"))) {
                return;
            }
        }
        Path work = Files.createTempDirectory("samenspraak-h2-template");
        try {
            String url = "jdbc:h2:file:" + work.resolve("samenspraak") + (settings.isEmpty() ? "" : ";" + settings);
            var result = Flyway.configure(H2TemplateBuilder.class.getClassLoader())
                    .dataSource(url, H2Template.USER, H2Template.PASSWORD)
                    .locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(url, H2Template.USER, H2Template.PASSWORD);
                 Statement s = c.createStatement()) {
                // what Flyway wrote is what a database holds once every migration here is applied
                Files.writeString(classes.resolve(MigrationHistory.FILE), MigrationHistory.write(MigrationHistory.of(c)
                        .orElseThrow(() -> new IllegalStateException("no history after migrating"))));
                s.execute("SHUTDOWN COMPACT");
            }
            Files.createDirectories(classes.resolve(H2Template.FOLDER));
            Files.copy(work.resolve("samenspraak.mv.db"), classes.resolve(H2Template.DATABASE), StandardCopyOption.REPLACE_EXISTING);
            Properties p = new Properties();
            p.setProperty("settings", settings);
            p.setProperty("version", String.valueOf(result.targetSchemaVersion));
            p.setProperty("fingerprint", fingerprint);
            try (OutputStream out = Files.newOutputStream(description)) {
                p.store(out, "made by nl.samenspraak.storage.H2TemplateBuilder at build time; README, Start-up");
            }
            System.out.printf("H2 template database (migrations up to %s, %d kB) in %s%n", result.targetSchemaVersion,
                    Files.size(classes.resolve(H2Template.DATABASE)) >> 10, classes.resolve(H2Template.FOLDER));
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    /** {@link MigrationIndex#INDEX}: every file under db/migration, relative to it, one a line. */
    private static void writeIndex(Path classes, Path migrations) throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.walk(migrations)) {
            names = files.filter(Files::isRegularFile).map(f -> migrations.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        String index = String.join("\n", names) + "\n";
        Path file = classes.resolve(MigrationIndex.INDEX);
        if (!Files.isRegularFile(file) || !Files.readString(file).equals(index)) {
            Files.writeString(file, index);
        }
    }

    /** application.yml's {@code datasources.default.url}, whose settings the running service uses. */
    @SuppressWarnings("unchecked")
    private static String defaultUrl(Path classes) throws IOException {
        try (InputStream in = Files.newInputStream(classes.resolve("application.yml"))) {
            Map<String, Object> yml = new Yaml().load(in);
            Map<String, Object> datasources = (Map<String, Object>) yml.get("datasources");
            return (String) ((Map<String, Object>) datasources.get("default")).get("url");
        }
    }

    private static String fingerprint(Path migrations, String settings) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(settings.getBytes(StandardCharsets.UTF_8));
        digest.update(org.h2.engine.Constants.FULL_VERSION.getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> list = Files.walk(migrations)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            digest.update(migrations.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
