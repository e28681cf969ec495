package nl.samenspraak.xlsform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samenspraak's own sheet of benchmarks (figures from elsewhere shown beside a question on the dashboard): per
 * question a row without a category (of or percent, source, label::… saying what was measured), then a row per
 * category (category, figure, label::…). Each becomes the {@code benchmark} of the step it names, so it is read
 * after the survey.
 */
final class BenchmarkSheet {
    private final FormLanguages languages;
    private final FormFields fields;
    private final Conversion conversion;

    BenchmarkSheet(FormLanguages languages, FormFields fields, Conversion conversion) {
        this.languages = languages;
        this.fields = fields;
        this.conversion = conversion;
    }

    /** Adds the benchmarks of {@code sheet} (null: the form has none) to {@code steps}. */
    void read(SheetTable sheet, List<SurveyStep> steps) {
        if (sheet == null) {
            return;
        }
        Map<String, Origins.Origin> origins = conversion.origins();
        for (SheetTable.Row row : sheet.rows()) {
            String question = sheet.cell(row, "question");
            SurveyStep item = steps.stream().filter(i -> i.id().equals(question)).findFirst().orElse(null);
            if (item == null) {
                conversion.problem(sheet, row, "question", "xlsform.problem.question_unknown", Map.of("name", question));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> benchmark = (Map<String, Object>) item.step().computeIfAbsent("benchmark",
                    k -> new LinkedHashMap<String, Object>());
            // the benchmark as a whole starts with what its first row wrote
            String path = "steps/" + item.id() + "/benchmark";
            origins.putIfAbsent(path, Origins.Origin.of(sheet, row, null));
            Map<String, String> labels = languages.requiredTexts(sheet, row, "label",
                    "xlsform.problem.missing_text_benchmark", question, conversion);
            String category = sheet.cell(row, "category");
            if (category.isEmpty()) {
                for (String column : List.of("of", "percent")) {
                    String value = sheet.cell(row, column);
                    if (!value.isEmpty()) {
                        Double number = number(sheet, row, column, value);
                        if (number != null) {
                            benchmark.put(column, FlowFiles.number(number));
                            origins.put(path + "/" + column, Origins.Origin.of(sheet, row, sheet.describe(column)));
                        }
                    }
                }
                benchmark.put("source", sheet.cell(row, "source"));
                origins.put(path + "/source", Origins.Origin.of(sheet, row, sheet.describe("source")));
                for (String code : languages.codes()) {
                    texts(item, code).put("text", fields.pipe(labels.getOrDefault(code, "")));
                    origins.put(code + ":" + path + "/text", languages.inLanguage(sheet, row, "label", code));
                }
            } else {
                Double figure = number(sheet, row, "figure", sheet.cell(row, "figure"));
                @SuppressWarnings("unchecked")
                Map<String, Object> figures = (Map<String, Object>) benchmark.computeIfAbsent("figures",
                        k -> new LinkedHashMap<String, Object>());
                if (figure != null) {
                    figures.put(category, FlowFiles.number(figure));
                }
                origins.put(path + "/figures/" + category, Origins.Origin.of(sheet, row, null));
                for (String code : languages.codes()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> words = (Map<String, Object>) texts(item, code)
                            .computeIfAbsent("figures", k -> new LinkedHashMap<String, Object>());
                    words.put(category, fields.pipe(labels.getOrDefault(code, "")));
                    origins.put(code + ":" + path + "/figures/" + category, languages.inLanguage(sheet, row, "label", code));
                }
            }
        }
    }

    /** The benchmark's texts of {@code item} in the language {@code code}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> texts(SurveyStep item, String code) {
        return (Map<String, Object>) item.texts().get(code).computeIfAbsent("benchmark",
                k -> new LinkedHashMap<String, Object>());
    }

    private Double number(SheetTable sheet, SheetTable.Row row, String column, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            conversion.problem(sheet, row, column, "xlsform.problem.not_a_number", Map.of("column", column, "value", value));
            return null;
        }
    }
}
