package nl.samenspraak.xlsform;

import nl.samenspraak.flow.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings sheet's one row as the flow needs it: the flow's id (from {@code form_id}, else the file's name),
 * title and description per language, version, default language, audience, and Samenspraak's own settings
 * ({@code own}, keyed as the flow file has them). {@code titleAt} is the plain {@code form_title} cell: the origin of
 * the title in every language without a column of its own (null: none).
 */
record FormSettings(String flowId, String title, String version, String defaultLanguage, Map<String, String> titles,
                    Map<String, String> descriptions, String audience, Map<String, Object> own,
                    Origins.Origin titleAt) {
    /** Reads {@code settings} (null: the form has no such sheet); {@code fileName} names the flow when no form_id does. */
    static FormSettings read(SheetTable settings, String fileName, Conversion conversion) {
        String formId = "";
        String title = "";
        String version = "";
        String defaultLanguage = "";
        String audience = "professional";
        Origins.Origin titleAt = null;
        Map<String, Object> own = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, Origins.Origin> origins = conversion.origins();
        SheetTable.Row row = null;
        if (settings != null && !settings.rows().isEmpty()) {
            row = settings.rows().get(0);
            formId = settings.cell(row, "form_id");
            title = settings.cell(row, "form_title");
            version = settings.cell(row, "version");
            defaultLanguage = settings.cell(row, "default_language");
            if (!formId.isEmpty()) {
                setting("id", settings, row, conversion, "form_id");
            }
            if (!title.isEmpty()) {
                titleAt = Origins.Origin.of(settings, row, settings.describe("form_title"));
            }
            if (!settings.cell(row, "audience").isEmpty()) {
                audience = settings.cell(row, "audience");
                setting("audience", settings, row, conversion, "audience");
            }
            // Samenspraak's own settings: how the dashboard uses the answers, whether the person sees scores
            if (!settings.cell(row, "dashboard").isEmpty()) {
                own.put("dashboard", settings.cell(row, "dashboard").toLowerCase(Locale.ROOT));
                setting("dashboard", settings, row, conversion, "dashboard");
            }
            if (!settings.cell(row, "show_scores").isEmpty()) {
                own.put("showScores", SheetTable.isTrue(settings.cell(row, "show_scores")));
                setting("showScores", settings, row, conversion, "show_scores");
            }
            if (SheetTable.isTrue(settings.cell(row, "demo"))) {
                own.put("demo", true);
                setting("demo", settings, row, conversion, "demo");
            }
            // "misschien" was taken as no without a word, as a flag's "ja" was
            for (String column : List.of("show_scores", "demo")) {
                String value = settings.cell(row, column);
                if (!SheetTable.isTrue(value) && !SheetTable.isFalse(value)) {
                    conversion.problem(settings, row, column, "xlsform.problem.yes_or_no", Map.of("column", column, "value", value));
                }
            }
            ownSettings(settings, row, own, conversion);
            SheetTable.Row first = row;
            for (Map.Entry<Integer, String> e : settings.columnsWithPrefix("form_title").entrySet()) {
                FormLanguages.code(e.getValue()).ifPresent(c -> {
                    titles.put(c, settings.cell(first, e.getKey()));
                    origins.put(c + ":title", Origins.Origin.of(settings, first, settings.describe(e.getKey())));
                });
            }
            for (Map.Entry<Integer, String> e : settings.columnsWithPrefix("description").entrySet()) {
                FormLanguages.code(e.getValue()).ifPresent(c -> {
                    descriptions.put(c, settings.cell(first, e.getKey()));
                    origins.put(c + ":description", Origins.Origin.of(settings, first, settings.describe(e.getKey())));
                });
            }
        }
        boolean fromFile = formId.isEmpty();
        if (fromFile) {
            String name = fileName.substring(fileName.lastIndexOf('/') + 1);
            formId = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        }
        // a file's name made into an id ("Mijn Vragenlijst (v2).xlsx": mijn-vragenlijst-v2), where it was refused as
        // not starting with a letter, and the message pointed at a settings sheet the form did not have
        String flowId = fromFile ? fromFileName(formId) : formId.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        if (fromFile && !Names.isFlowId(flowId)) {
            conversion.problems().add(new XlsFormProblem("settings", 0, null, "xlsform.problem.form_id_from_file",
                    Map.of("name", formId)));
        } else if (!Names.isFlowId(flowId)) {
            conversion.problems().add(new XlsFormProblem("settings", row == null ? 0 : row.number(),
                    settings == null ? null : settings.describe("form_id"), "xlsform.problem.form_id", Map.of("id", formId)));
        }
        if (title.isEmpty()) {
            title = formId;
        }
        return new FormSettings(flowId, title, version, defaultLanguage, titles, descriptions, audience, own, titleAt);
    }

    /** A file's name as a flow id: letters without accents, digits, and one "-" for each run of anything else. */
    static String fromFileName(String name) {
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return plain.length() > 64 ? plain.substring(0, 64).replaceAll("-+$", "") : plain;
    }

    /**
     * Samenspraak's own settings columns, as the flow file has them: {@code result} (who reads the result),
     * {@code bands_middle}/{@code bands_high}, {@code minimum_group_size}, {@code max_tips} and {@code retention_unfinished},
     * {@code retention_finished}, {@code retention_result} (30d, 12h, forever, none); the flow loader checks them.
     */
    private static void ownSettings(SheetTable settings, SheetTable.Row row, Map<String, Object> own, Conversion conversion) {
        if (!settings.cell(row, "result").isEmpty()) {
            own.put("result", settings.cell(row, "result").trim());
            setting("result", settings, row, conversion, "result");
        }
        String middle = settings.cell(row, "bands_middle");
        String high = settings.cell(row, "bands_high");
        if (!middle.isEmpty() || !high.isEmpty()) {
            Map<String, Object> bands = new LinkedHashMap<>();
            bands.put("middle", wholeNumber(settings, row, "bands_middle", conversion));
            bands.put("high", wholeNumber(settings, row, "bands_high", conversion));
            own.put("bands", bands);
            // the bands are checked as a pair (middle below high): both columns
            setting("bands", settings, row, conversion, "bands_middle", "bands_high");
        }
        if (!settings.cell(row, "max_tips").isEmpty()) {
            own.put("maxTips", wholeNumber(settings, row, "max_tips", conversion));
            setting("maxTips", settings, row, conversion, "max_tips");
        }
        if (!settings.cell(row, "minimum_group_size").isEmpty()) {
            own.put("minimumGroupSize", wholeNumber(settings, row, "minimum_group_size", conversion));
            setting("minimumGroupSize", settings, row, conversion, "minimum_group_size");
        }
        Map<String, Object> retention = new LinkedHashMap<>();
        for (String part : List.of("unfinished", "finished", "result")) {
            String value = settings.cell(row, "retention_" + part);
            if (!value.isEmpty()) {
                retention.put(part, value.trim());
                setting("retention/" + part, settings, row, conversion, "retention_" + part);
            }
        }
        if (!retention.isEmpty()) {
            own.put("retention", retention);
        }
    }

    /** The flow key {@code path} came from {@code columns} of the settings row (those the sheet has). */
    private static void setting(String path, SheetTable settings, SheetTable.Row row, Conversion conversion,
                                String... columns) {
        List<String> described = new ArrayList<>();
        for (String column : columns) {
            settings.column(column).ifPresent(i -> described.add(settings.describe(i)));
        }
        conversion.origins().put(path, Origins.Origin.of(settings, row,
                described.isEmpty() ? null : String.join(", ", described)));
    }

    private static Object wholeNumber(SheetTable sheet, SheetTable.Row row, String column, Conversion conversion) {
        String value = sheet.cell(row, column).trim();
        try {
            return Long.parseLong(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
        } catch (NumberFormatException e) {
            conversion.problem(sheet, row, column, "xlsform.problem.whole_number", Map.of("column", column, "value", value));
            return 0L;
        }
    }
}
