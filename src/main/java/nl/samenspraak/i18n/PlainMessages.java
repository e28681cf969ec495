package nl.samenspraak.i18n;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared messages with their parameters filled in as plain text, for words said where no page is: a terminal, a
 * log, an exception's message, a plain-text reply. The same keys and templates a page renders (escaped) through
 * {@link Translations}; here nothing is escaped. {@link #bundled()} reads the service's own
 * {@code locales/<lang>/messages.yaml} from the class path, one language when it is first asked for.
 */
public final class PlainMessages {
    /** A message's template by language and key; the key itself when there is none. */
    public interface Templates {
        String template(String language, String key);
    }

    private static final class Bundled {
        private static final Map<String, Map<String, String>> MESSAGES = new ConcurrentHashMap<>();
        private static final PlainMessages INSTANCE = new PlainMessages(Bundled::template, new TextRenderer());

        private static String template(String language, String key) {
            String own = MESSAGES.computeIfAbsent(language, Bundled::read).get(key);
            return own != null ? own : MESSAGES.computeIfAbsent(Language.SOURCE, Bundled::read).getOrDefault(key, key);
        }

        private static Map<String, String> read(String language) {
            String file = "locales/" + language + "/messages.yaml";
            try (InputStream in = PlainMessages.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    return Map.of();
                }
                Object parsed = new Yaml(new SafeConstructor(new LoaderOptions()))
                        .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                Map<String, String> flat = new HashMap<>();
                flatten("", parsed, flat);
                return flat;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled " + file, e);
            }
        }

        private static void flatten(String prefix, Object node, Map<String, String> into) {
            if (node instanceof Map<?, ?> m) {
                m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
            } else if (node != null) {
                into.put(prefix, node.toString());
            }
        }
    }

    private final Templates templates;
    private final TextRenderer renderer;

    public PlainMessages(Templates templates, TextRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    /** The service's own messages as bundled with it, in a language or else in Dutch. */
    public static PlainMessages bundled() {
        return Bundled.INSTANCE;
    }

    /** The message {@code key} in {@code language}, its parameters filled in as they are. */
    public String render(String language, String key, Map<String, ?> parameters) {
        return plain(renderer, templates.template(language, key), parameters);
    }

    /**
     * {@code template} with {@code parameters} filled in unescaped: each value is handed to the renderer as text it
     * leaves as it is ({@link SafeHtml}), so a quote or {@code <} in a cell stays a quote or {@code <}.
     */
    public static String plain(TextRenderer renderer, String template, Map<String, ?> parameters) {
        Map<String, Object> asIs = new LinkedHashMap<>();
        parameters.forEach((name, value) -> asIs.put(name, value instanceof String s ? new SafeHtml(s) : value));
        return renderer.render(template, asIs);
    }
}
