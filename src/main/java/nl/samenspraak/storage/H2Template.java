package nl.samenspraak.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedded database as the migrations leave it on a fresh start, made once at build time
 * ({@link H2TemplateBuilder}) and shipped in the jar: {@link FreshH2FromTemplate} copies it into place when the
 * configured H2 file does not exist yet, so that a first start does not spend much of its time creating the
 * migrations' tables one by one (README, "Start-up"). Its history is still held against the migrations in the jar at
 * every start, and Flyway applies any that are newer ({@link MigrateOnlyWhenBehind}). What both sides agree on: where the file lies on the class path,
 * which URL settings it was made with (they decide, e.g., how names are stored), and with which account.
 */
final class H2Template {
    static final String FOLDER = "db/h2-template";
    static final String DATABASE = FOLDER + "/samenspraak.mv.db";
    static final String DESCRIPTION = FOLDER + "/template.properties";
    /** The account the template was made with: H2's default, the one application.yml configures. */
    static final String USER = "sa";
    static final String PASSWORD = "";

    private H2Template() {
    }

    /** The settings after the file name in a {@code jdbc:h2:file:} URL, e.g. {@code MODE=PostgreSQL;...}, or "". */
    static String settings(String url) {
        int semicolon = url.indexOf(';');
        return semicolon < 0 ? "" : url.substring(semicolon + 1);
    }

    /** The database file an H2 URL names, if it is a plain file database at a path given outright. */
    static Optional<Path> databaseFile(String url) {
        String prefix = "jdbc:h2:file:";
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return Optional.empty();
        }
        int semicolon = url.indexOf(';');
        String name = semicolon < 0 ? url.substring(prefix.length()) : url.substring(prefix.length(), semicolon);
        if (name.isEmpty() || name.contains(":")) {
            return Optional.empty();
        }
        Path path;
        if (name.startsWith("~/")) {
            path = Path.of(System.getProperty("user.home"), name.substring(2));
        } else if (name.startsWith("/") || name.startsWith("./") || name.startsWith("../")) {
            path = Path.of(name);
        } else {
            return Optional.empty();
        }
        return Optional.of(path.resolveSibling(path.getFileName() + ".mv.db").toAbsolutePath().normalize());
    }

    /** What the template was made with, if the class path holds one. */
    static Optional<Properties> description(ClassLoader loader) throws IOException {
        URL url = loader.getResource(DESCRIPTION);
        if (url == null) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        }
        return Optional.of(p);
    }
}
