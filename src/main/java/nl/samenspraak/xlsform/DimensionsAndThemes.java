package nl.samenspraak.xlsform;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The dimensions a flow scores and the themes its questions have, in the order they are first met, with their
 * names in words from Samenspraak's own sheets {@code dimensions} and {@code themes} (name, label::…). A dimension
 * or theme also comes from a survey row or a choice's points, so the sheets are read first: their order is the
 * flow's order of scores.
 */
final class DimensionsAndThemes {
    private final Set<String> dimensions = new LinkedHashSet<>();
    private final Set<String> themes = new LinkedHashSet<>();
    /** Per sheet ("dimensions", "themes"): each name's words by language. */
    private final Map<String, Map<String, Map<String, String>>> namedWords = new HashMap<>();
    private final FormLanguages languages;
    private final FormFields fields;
    private final Conversion conversion;

    DimensionsAndThemes(FormLanguages languages, FormFields fields, Conversion conversion) {
        this.languages = languages;
        this.fields = fields;
        this.conversion = conversion;
    }

    Set<String> dimensions() {
        return dimensions;
    }

    Set<String> themes() {
        return themes;
    }

    void dimension(String name) {
        dimensions.add(name);
    }

    void dimensions(Collection<String> names) {
        dimensions.addAll(names);
    }

    void theme(String name) {
        themes.add(name);
    }

    /** A sheet of names in words per language ({@code dimensions}, {@code themes}): name, label::…. */
    void names(String what, SheetTable names) {
        if (names == null) {
            return;
        }
        for (SheetTable.Row row : names.rows()) {
            String name = names.cell(row, "name");
            if (name.isEmpty()) {
                conversion.problem(names, row, "name", "xlsform.problem.row_without_name", Map.of());
                continue;
            }
            Map<String, String> labels = languages.requiredTexts(names, row, "label", "xlsform.problem.missing_text", name,
                    conversion);
            namedWords.computeIfAbsent(what, k -> new LinkedHashMap<>()).put(name, labels);
            if (what.equals("dimensions")) {
                conversion.origins().put("dimensions/" + name, Origins.Origin.of(names, row, names.describe("name")));
            }
            for (String code : languages.codes()) {
                conversion.origins().put(code + ":" + what + "/" + name, languages.inLanguage(names, row, "label", code));
            }
            (what.equals("themes") ? themes : dimensions).add(name);
        }
    }

    /** The names of {@code what} ("dimensions", "themes") in words in one language; one without a row is said as written. */
    Map<String, Object> wordsIn(String what, String code) {
        Map<String, Object> words = new LinkedHashMap<>();
        Map<String, Map<String, String>> sheet = namedWords.getOrDefault(what, Map.of());
        Set<String> names = what.equals("themes") ? themes : dimensions;
        names.forEach(n -> words.put(n, sheet.containsKey(n) ? fields.pipe(sheet.get(n).getOrDefault(code, n)) : n));
        return words;
    }
}
