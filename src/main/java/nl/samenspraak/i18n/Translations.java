package nl.samenspraak.i18n;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks up words by language. A text a language lacks falls back to Dutch, the source language, and the
 * gap is logged once, so a person always sees a sentence and a translator learns what to add.
 */
public final class Translations {
    private static final Logger LOG = LoggerFactory.getLogger(Translations.class);

    /** Where a flow's locale file words a shared message its own way. */
    public static final String FLOW_MESSAGES = "messages.";

    /** Replaced whole when published flows change (see {@link #adopt}); never changed in place. */
    private volatile Map<String, LanguageTexts> languages;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public Translations(Map<String, LanguageTexts> languages) {
        this.languages = Map.copyOf(languages);
    }

    /**
     * Takes over the words of {@code newer} (the same service with a flow published or changed), so that every
     * holder of this object reads the new words at once.
     */
    public void adopt(Translations newer) {
        this.languages = newer.languages;
    }

    /**
     * The code of the language the service has for a code someone wrote ({@code ?lang=}, a form, the API's
     * {@code "language"}): as written, else in lower case, else its primary subtag ({@code AR}, {@code ar-SA} and
     * {@code ar_SA} are {@code ar}), as a browser's Accept-Language is read. Empty for a language the service lacks.
     * The one place a written code is made the stored one, so {@code AR} is never stored or compared as it came.
     */
    public Optional<String> known(String written) {
        if (written == null) {
            return Optional.empty();
        }
        if (languages.containsKey(written)) {
            return Optional.of(written);
        }
        String code = written.strip().toLowerCase(java.util.Locale.ROOT);
        if (!languages.containsKey(code)) {
            code = code.split("[-_]", 2)[0];
        }
        return languages.containsKey(code) ? Optional.of(code) : Optional.empty();
    }

    public Optional<Language> language(String code) {
        LanguageTexts texts = code == null ? null : languages.get(code);
        return texts == null ? Optional.empty() : Optional.of(texts.language());
    }

    /**
     * A value from data (an answer, a team's name) as it goes into a sentence of {@code language}: in right-to-left
     * text a value with Latin letters is isolated (FSI ... PDI) as one piece, so its words, digits and quotes keep
     * their own order ("3 Wijkteam" would read "Wijkteam 3" inside Arabic); anything else goes in as it is, to be
     * escaped by the renderer.
     */
    public Object inSentence(String value, String language) {
        boolean rtl = language(language).map(l -> "rtl".equals(l.direction())).orElse(false);
        if (!rtl || !LATIN.matcher(value).find()) {
            return value;
        }
        return new SafeHtml("\u2068" + TextRenderer.escape(value) + "\u2069");
    }

    private static final java.util.regex.Pattern LATIN = java.util.regex.Pattern.compile("\\p{IsLatin}");

    public Language languageOrSource(String code) {
        return language(code).orElseGet(() -> languages.get(Language.SOURCE).language());
    }

    public List<Language> languages() {
        return languages.values().stream().map(LanguageTexts::language)
                .sorted((a, b) -> a.code().equals(Language.SOURCE) ? -1 : b.code().equals(Language.SOURCE) ? 1
                        : a.code().compareTo(b.code()))
                .toList();
    }

    public Collection<LanguageTexts> all() {
        return languages.values();
    }

    public Optional<LanguageTexts> texts(String code) {
        return Optional.ofNullable(languages.get(code));
    }

    /** A shared message (buttons, errors, readings). */
    public String message(String language, String key) {
        return lookup(language, key, "", t -> t.messages().get(key));
    }

    /** Items as a reader of {@code language} reads a list: "Houding, Vaardigheden"; "الموقف، المهارات" in Arabic. */
    public String list(String language, List<String> items) {
        return String.join(message(language, "answer.list_separator"), items);
    }

    /**
     * The items as a sentence names them together: "Bereik en Inzet", "Bereik, Inzet en Uitval" (the last joined by
     * {@code answer.list_and}: " en ", Arabic's " و" that takes the next word). A plain list when an item holds that word
     * itself: "Houding en Netwerk en randvoorwaarden" named three parts for two.
     */
    public String listAnd(String language, List<String> items) {
        String and = message(language, "answer.list_and");
        if (items.size() < 2 || items.stream().anyMatch(item -> item.contains(and))) {
            return list(language, items);
        }
        return list(language, items.subList(0, items.size() - 1)) + and + items.get(items.size() - 1);
    }

    /**
     * A shared message as one flow words it: the flow may give its own text for a message in a language
     * ({@code messages.<key>} in its locale file, e.g. to address residents with "u"), else the shared one.
     */
    public String flowMessage(String language, String flowId, String key) {
        Text own = Optional.ofNullable(languages.get(language)).map(t -> t.flow(flowId).get(FLOW_MESSAGES + key)).orElse(null);
        return own != null ? own.text() : message(language, key);
    }

    /** Every shared message under {@code prefix} (e.g. "web."), keyed without it, in {@code language} or Dutch. */
    public Map<String, String> messages(String language, String prefix) {
        return messages(language, prefix, null);
    }

    /** As {@link #messages(String, String)}, worded by the flow {@code flowId} where it has its own text. */
    public Map<String, String> messages(String language, String prefix, String flowId) {
        Map<String, String> out = new java.util.TreeMap<>();
        LanguageTexts source = languages.get(Language.SOURCE);
        if (source != null) {
            source.messages().keySet().stream().filter(k -> k.startsWith(prefix))
                    .forEach(k -> out.put(k.substring(prefix.length()),
                            flowId == null ? message(language, k) : flowMessage(language, flowId, k)));
        }
        return out;
    }

    /** A text of one flow. */
    public String flowText(String language, String flowId, String key) {
        return lookup(language, key, flowId + ":", t -> t.flow(flowId).get(key));
    }

    /** A text of one flow, or empty when neither the language nor Dutch has it. */
    public Optional<String> optionalFlowText(String language, String flowId, String key) {
        Text own = Optional.ofNullable(languages.get(language)).map(t -> t.flow(flowId).get(key)).orElse(null);
        if (own != null) {
            return Optional.of(own.text());
        }
        Text source = Optional.ofNullable(languages.get(Language.SOURCE)).map(t -> t.flow(flowId).get(key)).orElse(null);
        return Optional.ofNullable(source).map(Text::text);
    }

    private String lookup(String language, String key, String scope, java.util.function.Function<LanguageTexts, Text> get) {
        LanguageTexts own = languages.get(language);
        Text text = own == null ? null : get.apply(own);
        if (text != null) {
            return text.text();
        }
        if (reported.add(language + "|" + scope + key)) {
            LOG.warn("Language '{}' has no text '{}{}'; showing Dutch", language, scope, key);
        }
        LanguageTexts source = languages.get(Language.SOURCE);
        Text fallback = source == null ? null : get.apply(source);
        return fallback == null ? key : fallback.text();
    }
}
