package nl.samenspraak.xlsform;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samenspraak's own sheet {@code messages}: the flow's wording of shared messages (key, text::…), each only in the
 * languages that word it (the others keep the shared message). A dotted key becomes nested keys in the texts file.
 */
final class MessagesSheet {
    /** Per language: text by dotted key. */
    private final Map<String, Map<String, String>> messages = new HashMap<>();
    private final FormLanguages languages;
    private final Conversion conversion;

    MessagesSheet(FormLanguages languages, Conversion conversion) {
        this.languages = languages;
        this.conversion = conversion;
    }

    /** Reads {@code sheet} (null: the form has no messages sheet). */
    void read(SheetTable sheet) {
        if (sheet == null) {
            return;
        }
        for (SheetTable.Row row : sheet.rows()) {
            String key = sheet.cell(row, "key");
            if (!key.matches("[a-z_]+(\\.[a-z_]+)+")) {
                conversion.problem(sheet, row, "key", "xlsform.problem.message_key", Map.of());
                continue;
            }
            languages.texts(sheet, row, "text").forEach((code, text) -> {
                messages.computeIfAbsent(code, c -> new TreeMap<>()).put(key, text);
                conversion.origins().put(code + ":messages/" + key.replace('.', '/'),
                        languages.inLanguage(sheet, row, "text", code));
            });
        }
    }

    /** The messages worded in the language {@code code}, nested by their keys' parts; null when none is. */
    Map<String, Object> nestedIn(String code) {
        if (!messages.containsKey(code)) {
            return null;
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        messages.get(code).forEach((key, text) -> nest(nested, key.split("\\."), text));
        return nested;
    }

    @SuppressWarnings("unchecked")
    private static void nest(Map<String, Object> into, String[] path, String text) {
        Map<String, Object> node = into;
        for (int i = 0; i < path.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(path[path.length - 1], text);
    }
}
