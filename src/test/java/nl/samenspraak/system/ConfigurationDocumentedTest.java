package nl.samenspraak.system;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's configuration table is the one list of what an operator can set: every {@code samenspraak.*} and
 * {@code telegram.*} property in application.yml has a row there, by its environment variable, and the row names
 * the default that application.yml (the one place defaults are written) gives. Shown to fail: with the row of
 * {@code SAMENSPRAAK_DASHBOARD_TIME_ZONE} removed, and with its default written as {@code Europe/Brussels}.
 */
class ConfigurationDocumentedTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z_]+:`?([^`}]*)`?}");

    record Property(String name, Object value) {
        String variable() {
            return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }

        /** The default as the table writes it, or empty when application.yml leaves it unset (no default). */
        Optional<String> shownDefault() {
            String text = value instanceof List<?> l ? (l.isEmpty() ? "" : l.toString()) : String.valueOf(value);
            Matcher m = PLACEHOLDER.matcher(text);
            if (m.matches()) {
                text = m.group(1);
            }
            return text.isEmpty() || value == null ? Optional.empty() : Optional.of("`" + text + "`");
        }
    }

    @Test
    void everyPropertyHasARowWithItsDefault() throws IOException {
        List<Property> properties = properties();
        assertTrue(properties.size() > 25, "the properties were read: " + properties);
        List<String> rows = configurationTable();
        List<String> problems = new ArrayList<>();
        for (Property p : properties) {
            Optional<String> row = rows.stream().filter(r -> r.contains("`" + p.variable() + "`")).findFirst();
            if (row.isEmpty()) {
                problems.add(p.name() + ": no row with `" + p.variable() + "`");
            } else if (p.shownDefault().isPresent() && !row.get().contains(p.shownDefault().get())) {
                problems.add(p.name() + ": the row does not give the default " + p.shownDefault().get() + ": " + row.get());
            }
        }
        assertEquals(List.of(), problems);
    }

    static List<Property> properties() throws IOException {
        try (InputStream in = ConfigurationDocumentedTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            List<Property> out = new ArrayList<>();
            yaml.forEach((key, value) -> {
                String top = key.split("\\.")[0];
                if (top.equals("samenspraak") || top.equals("telegram")) {
                    flatten(key, value, out);
                }
            });
            return out;
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String name, Object value, List<Property> out) {
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> flatten(name + "." + k, v, out));
        } else {
            out.add(new Property(name, value));
        }
    }

    /** The table rows of the README's "Configuration" section. */
    private static List<String> configurationTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        assertTrue(start >= 0, "README has a Configuration section");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end).lines().filter(l -> l.startsWith("| ")).toList();
    }
}
