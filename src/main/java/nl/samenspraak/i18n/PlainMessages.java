package nl.samenspraak.i18n;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shared messages with their parameters filled in as plain text, for words said where no page is: a terminal, a
 * log, an exception's message, a plain-text reply. The same keys and templates a page renders (escaped) through
 * {@link Translations}; here nothing is escaped. The service's own bundled messages, for where no library is loaded,
 * are {@code flow.load.BundledMessages}.
 */
public final class PlainMessages {
    /** A message's template by language and key; the key itself when there is none. */
    public interface Templates {
        String template(String language, String key);
    }

    private final Templates templates;
    private final TextRenderer renderer;

    public PlainMessages(Templates templates, TextRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
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
        return renderer.renderPlain(template, asIs);
    }
}
