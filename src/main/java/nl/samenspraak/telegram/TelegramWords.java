package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import nl.samenspraak.conversation.ConversationState;
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
 *
 * <p>Inside a conversation the words follow its flow's register: a resident flow words a shared message its own
 * way ({@code messages.telegram.<key>} in its locale file: Dutch "u", Polish Pan/Pani or impersonal forms, Arabic
 * the plural of respect, Turkish siz), and the bot says that wording to a resident. Outside any conversation
 * (the menu, a group chat) the shared words are said. The {@code flowId} parameters below are that flow, or null.
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

    /** {@code telegram.<key>} in {@code language}, as said outside any conversation. */
    String say(String language, String key) {
        return say(language, null, key, Map.of());
    }

    String say(String language, String key, Map<String, ?> parameters) {
        return say(language, null, key, parameters);
    }

    /** {@code telegram.<key>} in the conversation's language, as its flow words it. */
    String say(ConversationState state, String key) {
        return say(state.language(), state.flow(), key, Map.of());
    }

    String say(ConversationState state, String key, Map<String, ?> parameters) {
        return say(state.language(), state.flow(), key, parameters);
    }

    /** {@code telegram.<key>} in {@code language}, as the flow {@code flowId} words it (null: the shared words). */
    String say(String language, @Nullable String flowId, String key, Map<String, ?> parameters) {
        return shared(language, flowId, "telegram." + key, parameters);
    }

    /** Any shared message, e.g. {@code error.internal} or {@code result.heading_tips}, as said outside a conversation. */
    String shared(String language, String key, Map<String, ?> parameters) {
        return shared(language, null, key, parameters);
    }

    /** Any shared message as the flow {@code flowId} words it (null: the shared words). */
    String shared(String language, @Nullable String flowId, String key, Map<String, ?> parameters) {
        String text = flowId == null ? translations.message(language, key) : translations.flowMessage(language, flowId, key);
        return renderer.render(text, parameters);
    }

    /** Items as a reader of {@code language} reads a list ({@link Translations#list}). */
    String list(String language, List<String> items) {
        return translations.list(language, items);
    }

    /** A button's or notice's plain text, as said outside a conversation. */
    String plain(String language, String key) {
        return plain(language, null, key);
    }

    /** A button's or notice's plain text in the conversation's language, as its flow words it. */
    String plain(ConversationState state, String key) {
        return plain(state.language(), state.flow(), key);
    }

    String plain(String language, @Nullable String flowId, String key) {
        return TelegramHtml.toPlain(say(language, flowId, key, Map.of()));
    }

    Language language(String code) {
        return translations.languageOrSource(code);
    }

    List<Language> languages() {
        return translations.languages();
    }

    /**
     * A date answer (stored yyyy-mm-dd) as dates are shown to this person elsewhere, the transcript and the PDF:
     * "6 december 2026" ({@link nl.samenspraak.engine.AnswerWords#date}); anything else as it is.
     */
    String date(String language, String flowId, String value) {
        try {
            return nl.samenspraak.engine.AnswerWords.of(translations, flowId, language).date(java.time.LocalDate.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            return value;
        }
    }

    /**
     * A number answer (stored 5.5) as the transcript writes it in this language: "5,5"
     * ({@link nl.samenspraak.engine.AnswerWords#number}).
     */
    String number(String language, String flowId, Object value) {
        return nl.samenspraak.engine.AnswerWords.of(translations, flowId, language).number(value);
    }

    String flowText(String language, String flowId, String key) {
        return translations.flowText(language, flowId, key);
    }

    static SafeHtml html(String safe) {
        return new SafeHtml(safe);
    }
}
