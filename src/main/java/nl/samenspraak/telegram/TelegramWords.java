package nl.samenspraak.telegram;

import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;

import java.util.List;
import java.util.Map;

/**
 * The bot's words, from {@code telegram.*} in locales/&lt;lang&gt;/messages.yaml (and a few shared ones),
 * rendered HTML-safe: a parameter is escaped unless it is {@link SafeHtml} already.
 */
final class TelegramWords {
    /** The commands, in the order the menu shows them; each has {@code telegram.commands.<name>}. */
    static final List<String> COMMANDS = List.of("start", "terug", "opnieuw", "stop", "hervat", "resultaat", "taal", "vergeet", "help");
    /** The English name each Dutch command also answers to, shown beside it in every language. */
    static final Map<String, String> ALIASES = Map.of("terug", "back", "opnieuw", "restart", "stop", "pause",
            "hervat", "resume", "resultaat", "result", "taal", "language", "vergeet", "forget");

    private final Translations translations;
    private final TextRenderer renderer;

    TelegramWords(FlowLibrary library, TextRenderer renderer) {
        this.translations = library.translations();
        this.renderer = renderer;
    }

    /** {@code telegram.<key>} in {@code language}. */
    String say(String language, String key) {
        return say(language, key, Map.of());
    }

    String say(String language, String key, Map<String, ?> parameters) {
        return shared(language, "telegram." + key, parameters);
    }

    /** Any shared message, e.g. {@code error.internal} or {@code result.heading_tips}. */
    String shared(String language, String key, Map<String, ?> parameters) {
        return renderer.render(translations.message(language, key), parameters);
    }

    /** A button's or notice's plain text. */
    String plain(String language, String key) {
        return TelegramHtml.toPlain(say(language, key));
    }

    Language language(String code) {
        return translations.languageOrSource(code);
    }

    List<Language> languages() {
        return translations.languages();
    }

    String flowText(String language, String flowId, String key) {
        return translations.flowText(language, flowId, key);
    }

    static SafeHtml html(String safe) {
        return new SafeHtml(safe);
    }
}
