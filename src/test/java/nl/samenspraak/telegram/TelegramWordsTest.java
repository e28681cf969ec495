package nl.samenspraak.telegram;

import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every word of the bot exists in every language and renders with what the bot fills in. */
class TelegramWordsTest {
    private static final Map<String, Object> PARAMETERS = Map.ofEntries(Map.entry("title", "T"), Map.entry("answered", 2),
            Map.entry("total", 9), Map.entry("answer", "A"), Map.entry("min", 1), Map.entry("max", 5), Map.entry("name", "N"),
            Map.entry("value", 40), Map.entry("label", "L"), Map.entry("code", "K7PM-2QXD"), Map.entry("language", "Nederlands"), Map.entry("languages", "Nederlands (nl), English (en)"),
            Map.entry("team", "Wijkteam Oost"), Map.entry("length", 2100), Map.entry("duration", "0:04"), Map.entry("longest", "2 minuten"),
            Map.entry("date", "9 december 2026"), Map.entry("link", "https://samenspraak.example.nl/c/abc"));

    @Test
    void everyTelegramWordRendersInEveryLanguage() {
        FlowLibrary library = FlowWalk.library();
        TelegramWords words = new TelegramWords(library, new TextRenderer());
        Map<String, String> dutch = library.translations().messages("nl", "telegram.");
        assertTrue(dutch.keySet().containsAll(TelegramWords.COMMANDS.stream().map(c -> "commands." + c).toList()));
        for (Language language : library.translations().languages()) {
            Map<String, String> own = library.translations().texts(language.code()).orElseThrow().messages().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("telegram.")).collect(java.util.stream.Collectors.toMap(
                            e -> e.getKey().substring("telegram.".length()), e -> e.getValue().text()));
            assertEquals(dutch.keySet(), own.keySet(), language.code() + " has every Telegram word");
            for (String key : dutch.keySet()) {
                String text = words.say(language.code(), key, PARAMETERS);
                assertFalse(text.isBlank(), key);
                assertFalse(text.contains("$"), language.code() + " " + key + ": " + text);
                TelegramHtmlCheck.visibleText(text);
                if (key.startsWith("commands.")) {
                    assertTrue(text.length() >= 3 && text.length() <= 256, "a command description fits Telegram: " + text);
                }
            }
            if (!language.code().equals("nl")) {
                assertFalse(own.get("help").equals(dutch.get("help")), language.code() + " is translated");
            }
        }
    }
}
