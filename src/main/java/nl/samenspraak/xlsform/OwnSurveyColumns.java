package nl.samenspraak.xlsform;

import java.util.Map;

/**
 * Samenspraak's own survey columns, which no XLSForm tool knows: {@code dimension} and {@code reverse} (a range that
 * scores), {@code dont_know} (an "I don't know" option), {@code theme}, {@code consent} (an acknowledge that asks
 * consent), {@code voice} (a text question a Telegram voice message may answer), {@code points_list} (an acknowledge
 * that scores), {@code min_label::…}/{@code max_label::…} (a range's ends in words). A column on a question type it
 * doesn't fit is a problem.
 */
final class OwnSurveyColumns {
    private final SurveySheet survey;
    private final DimensionsAndThemes names;
    private final StepOptions options;

    OwnSurveyColumns(SurveySheet survey, DimensionsAndThemes names, StepOptions options) {
        this.survey = survey;
        this.names = names;
        this.options = options;
    }

    /** Adds what the own columns of {@code row} say to the step of type {@code stepType} and its texts. */
    void apply(SheetTable.Row row, String stepType, Map<String, Object> step, Map<String, Map<String, Object>> texts) {
        String id = (String) step.get("id");
        if (SheetTable.isTrue(survey.cell(row, "dont_know"))) {
            step.put("dontKnow", true);
            survey.origin(id, "dontKnow", row, "dont_know");
        }
        String dimension = survey.cell(row, "dimension");
        if (!dimension.isEmpty()) {
            step.put("dimension", dimension);
            names.dimension(dimension);
            survey.origin(id, "dimension", row, "dimension");
        }
        if (SheetTable.isTrue(survey.cell(row, "reverse"))) {
            step.put("reverse", true);
            survey.origin(id, "reverse", row, "reverse");
        }
        String theme = survey.cell(row, "theme");
        if (!theme.isEmpty()) {
            step.put("theme", theme);
            names.theme(theme);
            survey.origin(id, "theme", row, "theme");
        }
        if (SheetTable.isTrue(survey.cell(row, "consent"))) {
            if (!stepType.equals("yesno")) {
                survey.problem(row, "consent", "xlsform.problem.consent_type");
            } else {
                step.put("consent", true);
                step.remove("optional");
                survey.origin(id, "consent", row, "consent");
            }
        }
        if (SheetTable.isTrue(survey.cell(row, "voice"))) {
            if (!stepType.equals("text")) {
                survey.problem(row, "voice", "xlsform.problem.voice_type");
            } else {
                step.put("voice", true);
                survey.origin(id, "voice", row, "voice");
            }
        }
        String pointsList = survey.cell(row, "points_list");
        if (!pointsList.isEmpty()) {
            options.yesNoPoints(row, stepType, step, pointsList.trim());
        }
        if (stepType.equals("scale")) {
            endLabels(row, id, texts);
        }
    }

    /** A range's ends in words, in every language once in one. */
    private void endLabels(SheetTable.Row row, String id, Map<String, Map<String, Object>> texts) {
        FormLanguages languages = survey.languages();
        SheetTable sheet = survey.table();
        for (String end : new String[]{"min_label", "max_label"}) {
            Map<String, String> words = languages.texts(sheet, row, end);
            if (!words.isEmpty()) {
                for (String code : languages.codes()) {
                    if (!words.containsKey(code)) {
                        survey.problem(row, languages.columnFor(sheet, end, code), "xlsform.problem.missing_text_column",
                                Map.of("column", end, "language", code));
                    }
                    String key = end.equals("min_label") ? "minLabel" : "maxLabel";
                    texts.get(code).put(key, survey.fields().pipe(words.getOrDefault(code, "")));
                    survey.origins().put(code + ":steps/" + id + "/" + key, languages.inLanguage(sheet, row, end, code));
                }
            }
        }
    }
}
