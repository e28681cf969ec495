package nl.samenspraak.xlsform;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the converted parts as the flow's files: the flow (its settings, steps with their ways out, advice rules)
 * and its texts in each language (title, steps, tips, names of dimensions and themes, own messages), in YAML as the
 * flow loader reads it. Also says how those files write a number and which names they take as ids, for the parts
 * that read the sheets.
 */
final class FlowFiles {
    private FlowFiles() {
    }

    /** The flow read from {@code fileName} and its texts, with where each part came from. */
    static ImportedFlow write(FormSettings settings, FormLanguages languages, String fileName, List<SurveyStep> items,
                              DimensionsAndThemes names, AdviceSheet advice, MessagesSheet messages, Conversion conversion) {
        Map<String, Origins.Origin> origins = conversion.origins();
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("id", settings.flowId());
        flow.put("audience", settings.audience());
        settings.own().forEach(flow::put);
        flow.put("languages", languages.codes());
        if (!names.dimensions().isEmpty()) {
            flow.put("dimensions", new ArrayList<>(names.dimensions()));
        }
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> step = new LinkedHashMap<>(items.get(i).step());
            List<Object> next = WaysOut.of(items, i);
            if (!next.isEmpty()) {
                Object source = step.remove("source");
                step.put("next", next);
                step.put("source", source);
                WaysOut.recordOrigins(items.get(i).id(), next, items, origins);
            }
            steps.add(step);
        }
        flow.put("steps", steps);
        if (!advice.rules().isEmpty()) {
            flow.put("advice", advice.rules());
        }
        Map<String, String> locales = new LinkedHashMap<>();
        for (String code : languages.codes()) {
            Map<String, Object> texts = new LinkedHashMap<>();
            String title = settings.titles().getOrDefault(code, settings.title());
            texts.put("title", title);
            texts.put("description", settings.descriptions().getOrDefault(code, title));
            if (settings.titleAt() != null) {
                origins.putIfAbsent(code + ":title", settings.titleAt());
            }
            if (origins.containsKey(code + ":title")) {
                origins.putIfAbsent(code + ":description", origins.get(code + ":title"));
            }
            if (!names.dimensions().isEmpty()) {
                texts.put("dimensions", names.wordsIn("dimensions", code));
            }
            Map<String, Object> stepTexts = new LinkedHashMap<>();
            items.forEach(item -> stepTexts.put(item.id(), item.texts().get(code)));
            texts.put("steps", stepTexts);
            if (!advice.words().isEmpty()) {
                Map<String, Object> tips = new LinkedHashMap<>();
                advice.words().forEach((rule, words) -> tips.put(rule, words.get(code)));
                texts.put("tips", tips);
            }
            if (!names.themes().isEmpty()) {
                texts.put("themes", names.wordsIn("themes", code));
            }
            Map<String, Object> own = messages.nestedIn(code);
            if (own != null) {
                texts.put("messages", own);
            }
            locales.put(code, dump(texts));
        }
        return new ImportedFlow(settings.flowId(), "# Imported from the XLSForm " + fileName
                + (settings.version().isEmpty() ? "" : ", version " + settings.version()) + "\n" + dump(flow), locales,
                new Origins(origins));
    }

    /** A number as the flow file writes it: a whole one without its ".0". */
    static Object number(double n) {
        return n == Math.rint(n) ? (Object) (long) n : n;
    }

    static String dump(Object data) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(10_000);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        return new Yaml(options).dump(data);
    }
}
