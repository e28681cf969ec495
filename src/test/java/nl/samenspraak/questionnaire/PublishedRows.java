package nl.samenspraak.questionnaire;

import nl.samenspraak.support.PostgresDatabase;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Questionnaires published as the admin page keeps them, written straight into a test's database. */
public final class PublishedRows {
    private PublishedRows() {
    }

    /** The example flow under {@code id}, changed by {@code edit}, published as version {@code version}. */
    public static void publish(PostgresDatabase database, String id, String version, UnaryOperator<String> edit)
            throws IOException, SQLException {
        try (Connection c = connection(database)) {
            publish(c, id, version, Instant.now(), edit);
        }
    }

    /** As above, through {@code connection} to the test's database, published {@code at}. */
    public static void publish(Connection connection, String id, String version, Instant at, UnaryOperator<String> edit)
            throws IOException, SQLException {
        publish(connection, id, version, at, edit, UnaryOperator.identity());
    }

    /** As above, its words in each language changed by {@code words}. */
    public static void publish(Connection connection, String id, String version, Instant at, UnaryOperator<String> edit,
                               UnaryOperator<String> words) throws IOException, SQLException {
        String flow = edit.apply(Files.readString(Path.of("flows/voorbeeld.yaml")).replace("id: voorbeeld", "id: " + id)
                .replace("demo: true", "demo: false"));
        Map<String, String> locales = new TreeMap<>();
        for (String language : new String[]{"nl", "en"}) {
            locales.put(language, words.apply(Files.readString(Path.of("locales/" + language + "/flows/voorbeeld.yaml"))));
        }
        insert(connection, id, version, flow, locales, at);
    }

    private static void insert(PostgresDatabase database, String id, String version, String flow, Map<String, String> locales)
            throws SQLException {
        try (Connection c = connection(database)) {
            insert(c, id, version, flow, locales, Instant.now());
        }
    }

    private static void insert(Connection c, String id, String version, String flow, Map<String, String> locales, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO questionnaire "
                + "(version, flow_id, file_name, xlsx, flow_yaml, locales_yaml, uploaded_at, uploaded_by, published_at, "
                + "published_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'beheer', ?, 'beheer')")) {
            s.setString(1, version);
            s.setString(2, id);
            s.setString(3, id + ".xlsx");
            s.setBytes(4, new byte[]{1});
            s.setString(5, flow);
            s.setString(6, new Yaml().dump(locales));
            s.setTimestamp(7, Timestamp.from(at));
            s.setTimestamp(8, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    /**
     * The bundled flow {@code base} under {@code id}, changed by {@code edit}, with its words in every language it
     * has, published as version {@code version}.
     */
    public static void publishFrom(PostgresDatabase database, String base, String id, String version, UnaryOperator<String> edit)
            throws IOException, SQLException {
        String flow = edit.apply(Files.readString(Path.of("flows/" + base + ".yaml")).replace("\nid: " + base + "\n", "\nid: " + id + "\n"));
        Map<String, String> locales = new TreeMap<>();
        try (var languages = Files.list(Path.of("locales"))) {
            for (Path language : languages.toList()) {
                Path words = language.resolve("flows/" + base + ".yaml");
                if (Files.exists(words)) {
                    locales.put(language.getFileName().toString(), Files.readString(words));
                }
            }
        }
        insert(database, id, version, flow, locales);
    }

    /**
     * The bundled flow {@code base} under {@code id}, changed by {@code edit}, with its words in {@code languages}
     * only, published {@code at} as version {@code version} through {@code connection} to the test's database.
     */
    public static void publishFrom(Connection connection, String base, String id, String version, Instant at,
                                   UnaryOperator<String> edit, java.util.List<String> languages)
            throws IOException, SQLException {
        String flow = edit.apply(Files.readString(Path.of("flows/" + base + ".yaml")).replace("\nid: " + base + "\n", "\nid: " + id + "\n"));
        Map<String, String> locales = new TreeMap<>();
        for (String language : languages) {
            locales.put(language, Files.readString(Path.of("locales/" + language + "/flows/" + base + ".yaml")));
        }
        insert(connection, id, version, flow, locales, at);
    }

    public static Connection connection(PostgresDatabase database) throws SQLException {
        Map<String, String> p = database.properties();
        return DriverManager.getConnection(p.get("datasources.default.url"), p.get("datasources.default.username"),
                p.get("datasources.default.password"));
    }
}
