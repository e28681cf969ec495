package nl.samenspraak.flow.load;

import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.PlainMessages;
import nl.samenspraak.i18n.Text;
import nl.samenspraak.i18n.TextRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's own shared messages as bundled with it, for words said where no loaded library is at hand: a
 * problem's English in a log or at a terminal, an exception's message. Each language's {@code messages.yaml} is read
 * when first asked for, the way the loader reads it (from what the build prepared, else parsed by {@link YamlNodes}),
 * so there is one rule for reading a locale file; a key the language lacks comes from Dutch, the source language.
 */
public final class BundledMessages {
    private static final Map<String, Map<String, Text>> READ = new ConcurrentHashMap<>();
    private static final PlainMessages WORDS = new PlainMessages(BundledMessages::template, new TextRenderer());

    private BundledMessages() {
    }

    /** The bundled messages, their values filled in as plain text. */
    public static PlainMessages words() {
        return WORDS;
    }

    private static String template(String language, String key) {
        Text own = READ.computeIfAbsent(language, BundledMessages::read).get(key);
        if (own != null) {
            return own.text();
        }
        Text source = READ.computeIfAbsent(Language.SOURCE, BundledMessages::read).get(key);
        return source != null ? source.text() : key;
    }

    private static Map<String, Text> read(String language) {
        String file = "locales/" + language + "/messages.yaml";
        String content;
        try (InputStream in = BundledMessages.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                return Map.of();
            }
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + file, e);
        }
        return PreparsedLocales.bundled().texts(file, content).orElseGet(() -> {
            List<Problem> problems = new ArrayList<>();
            Map<String, Text> texts = new LinkedHashMap<>();
            YamlNodes.parse(file, content, problems).ifPresent(root -> YamlNodes.flatten(file, "", root, texts, problems));
            return texts;
        });
    }
}
