package nl.samenspraak.i18n;

import java.util.Map;

/**
 * All words of one language: the shared messages (buttons, errors, score readings) and each flow's texts,
 * as dotted keys with the line they stand on.
 */
public record LanguageTexts(Language language, String messagesFile, Map<String, Text> messages,
                            Map<String, String> flowFiles, Map<String, Map<String, Text>> flows) {

    public LanguageTexts {
        messages = Map.copyOf(messages);
        flowFiles = Map.copyOf(flowFiles);
        flows = Map.copyOf(flows);
    }

    public Map<String, Text> flow(String flowId) {
        return flows.getOrDefault(flowId, Map.of());
    }
}
