package nl.samenspraak.xlsform;

import nl.samenspraak.flow.Names;
import nl.samenspraak.xlsform.XPathConditions.Calculation;
import nl.samenspraak.xlsform.XPathConditions.Question;
import nl.samenspraak.xlsform.XPathConditions.Untranslatable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The survey sheet's rows, top to bottom, as the flow's steps: a question or note becomes a step with its texts per
 * language, a group's label a message of its own and its relevance part of each question's in it, a calculation a
 * field conditions may read. What a conversation can't ask (repeats, locations, external lists, choice filters,
 * unknown types) is a problem at its row.
 */
final class SurveyRows {
    private static final Set<String> METADATA = Set.of("start", "end", "today", "deviceid", "subscriberid",
            "simserial", "phonenumber", "username", "email", "audit", "start-geopoint");
    private static final Set<String> LOCATIONS = Set.of("geopoint", "geotrace", "geoshape");
    private static final Set<String> EXTERNAL = Set.of("select_one_from_file", "select_multiple_from_file",
            "select_one_external", "select_multiple_external");

    private final SurveySheet survey;
    private final SheetTable sheet;
    private final FormLanguages languages;
    private final FormFields fields;
    private final FormSettings settings;
    private final String fileName;
    private final ChoiceLists lists;
    /** Whether a question was left out for a problem said elsewhere (its list's choices, each at its row). */
    private boolean leftOut;
    private final XlsFormConverter.Words words;
    private final StepOptions options;
    private final OwnSurveyColumns ownColumns;
    private final AnswerLimits limits;
    private final AskingColumns asking;
    private final OpenGroups groups = new OpenGroups();
    private final List<SurveyStep> steps = new ArrayList<>();

    SurveyRows(SurveySheet survey, FormSettings settings, String fileName, ChoiceLists lists, DimensionsAndThemes names,
               XlsFormConverter.Words words) {
        this.survey = survey;
        this.sheet = survey.table();
        this.languages = survey.languages();
        this.fields = survey.fields();
        this.settings = settings;
        this.fileName = fileName;
        this.lists = lists;
        this.words = words;
        this.options = new StepOptions(survey, lists, names, words);
        this.ownColumns = new OwnSurveyColumns(survey, names, options);
        this.limits = new AnswerLimits(survey);
        this.asking = new AskingColumns(survey);
    }

    /** The steps read so far, in the order of their rows. */
    List<SurveyStep> steps() {
        return steps;
    }

    void read() {
        if (sheet.column("type").isEmpty()) {
            survey.problem(null, null, "xlsform.problem.no_type_column");
            return;
        }
        int problemsBefore = survey.conversion().problems().size();
        for (SheetTable.Row row : sheet.rows()) {
            row(row);
        }
        boolean rowsRefused = leftOut || survey.conversion().problems().size() > problemsBefore;
        if (groups.unclosed() != null) {
            survey.problem(new SheetTable.Row(groups.unclosed(), List.of()), "type", "xlsform.problem.group_not_closed");
        }
        // "the form asks nothing" only of a sheet with no question in it: beside a row refused for its type, its list or
        // its name (each said at its row) it was false, and sent the admin looking for a missing sheet
        if (steps.isEmpty()) {
            if (!rowsRefused) {
                survey.problem(null, null, "xlsform.problem.nothing_asked");
            }
        } else if (steps.get(0).relevance() != null) {
            survey.problem(null, null, "xlsform.problem.first_conditional", Map.of("name", steps.get(0).id()));
        }
    }

    private void row(SheetTable.Row row) {
        String[] type = sheet.cell(row, "type").trim().split("\\s+");
        String kind = type[0].toLowerCase(Locale.ROOT);
        if (type.length > 1 && (kind.equals("begin") || kind.equals("end"))) {
            kind = kind + "_" + type[1].toLowerCase(Locale.ROOT);
        }
        if (kind.isEmpty()) {
            if (!sheet.cell(row, "name").isEmpty()) {
                survey.problem(row, "type", "xlsform.problem.name_without_type");
            }
            return;
        }
        if (!sheet.cell(row, "choice_filter").isEmpty()) {
            survey.problem(row, "choice_filter", "xlsform.problem.choice_filter");
        }
        asking.check(row, kind);
        switch (kind) {
            case "begin_repeat", "end_repeat" -> survey.problem(row, "type", "xlsform.problem.repeat", Map.of("type", kind));
            case "begin_group" -> beginGroup(row);
            case "end_group" -> endGroup(row);
            case "calculate" -> calculate(row);
            case "note" -> addStep(row, "info", Map.of(), null);
            case "text" -> addStep(row, "text", Map.of(), null);
            case "integer", "decimal" -> addStep(row, "number", Map.of("integer", kind.equals("integer")), null);
            case "date" -> addStep(row, "date", Map.of(), null);
            case "acknowledge" -> addStep(row, "yesno", Map.of(), null);
            case "range" -> addStep(row, "scale", Map.of(), null);
            case "select_one", "select_multiple" -> select(row, kind, type);
            default -> {
                if (LOCATIONS.contains(kind)) {
                    survey.problem(row, "type", "xlsform.problem.location", Map.of("type", kind));
                } else if (EXTERNAL.contains(kind) || kind.startsWith("select_one_from") || kind.startsWith("select_multiple_from")) {
                    survey.problem(row, "type", "xlsform.problem.external", Map.of("type", kind));
                } else if (!METADATA.contains(kind)) {
                    survey.problem(row, "type", "xlsform.problem.type_unknown", Map.of("type", kind));
                }
            }
        }
    }

    private void beginGroup(SheetTable.Row row) {
        String relevance = relevance(row);
        String combined = and(groups.relevance(), relevance);
        Origins.Origin relevantAt = relevance != null ? survey.at(row, "relevant") : groups.relevantAt();
        if (!languages.texts(sheet, row, "label").isEmpty()) {
            // a group's title is said before its questions, as a message of its own
            addStep(row, "info", Map.of(), combined);
        }
        groups.open(row.number(), combined, relevantAt);
    }

    private void endGroup(SheetTable.Row row) {
        if (!groups.close()) {
            survey.problem(row, "type", "xlsform.problem.group_not_open");
        }
    }

    private void calculate(SheetTable.Row row) {
        String name = sheet.cell(row, "name");
        String calculation = sheet.cell(row, "calculation");
        if (name.isEmpty() || calculation.isEmpty()) {
            survey.problem(row, name.isEmpty() ? "name" : "calculation", "xlsform.problem.calculate_incomplete");
            return;
        }
        try {
            fields.put(name, new Calculation(fields.toJexl(calculation)));
        } catch (Untranslatable e) {
            survey.problem(row, "calculation", e);
        }
    }

    private void select(SheetTable.Row row, String kind, String[] type) {
        if (type.length < 2) {
            survey.problem(row, "type", "xlsform.problem.select_without_list",
                    Map.of("type", kind, "example", kind + " <list_name>"));
            return;
        }
        ChoiceLists.ChoiceList list = lists.list(type[1]);
        if (list == null) {
            if (!lists.hadRefused(type[1])) { // its choices are there, each refused at its row
                survey.problem(row, "type", "xlsform.problem.list_unknown", Map.of("list", type[1]));
            }
            leftOut = true;
            return;
        }
        boolean orOther = type.length > 2 && type[2].equalsIgnoreCase("or_other");
        if (type.length > 2 && !orOther) {
            survey.problem(row, "type", "xlsform.problem.after_list", Map.of("word", type[2]));
            return;
        }
        boolean multiple = kind.equals("select_multiple");
        SurveyStep item = addStep(row, multiple ? "multi" : "choice", Map.of("list", list, "orOther", orOther), null);
        if (item != null && orOther) {
            // "Other" asks to specify in a text step of its own, asked only when "other" is chosen
            String otherId = item.id() + "_other";
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("id", otherId);
            step.put("type", "text");
            step.put("maxLength", 200);
            step.put("source", source(row));
            Map<String, Map<String, Object>> texts = new LinkedHashMap<>();
            for (String code : languages.codes()) {
                texts.put(code, new LinkedHashMap<>(Map.of("text",
                        fields.pipe(words.word(code, XlsFormConverter.WORD_SPECIFY)))));
                // the service's own words, asked for by or_other in the type cell
                survey.origins().put(code + ":steps/" + otherId + "/text", survey.at(row, "type"));
            }
            survey.origin(otherId, "", row, "type");
            String chosen = multiple ? "(!empty(answers." + item.id() + ") && 'other' =~ answers." + item.id() + ")"
                    : "(answers." + item.id() + " == 'other')";
            steps.add(new SurveyStep(otherId, step, and(item.relevance(), chosen), texts,
                    item.relevantAt() != null ? item.relevantAt() : survey.at(row, "type")));
            fields.put(otherId, new Question(otherId, false));
        }
    }

    /**
     * The step of {@code row}, of type {@code stepType}; {@code groupRelevance}: a group's title, asked when its
     * group is (null: a question, asked when its groups and its own relevant are). Null when the row can't be one.
     */
    private SurveyStep addStep(SheetTable.Row row, String stepType, Map<String, Object> extra, String groupRelevance) {
        String name = sheet.cell(row, "name");
        if (name.isEmpty()) {
            survey.problem(row, "name", "xlsform.problem.name_missing");
            return null;
        }
        String id = name.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        if (!Names.isPartName(id)) {
            survey.problem(row, "name", "xlsform.problem.name_invalid", Map.of("name", name));
            return null;
        }
        if (fields.has(name) || steps.stream().anyMatch(i -> i.id().equals(id))) {
            survey.problem(row, "name", "xlsform.problem.name_twice", Map.of("name", name));
            return null;
        }
        String relevance;
        Origins.Origin relevantAt;
        if (stepType.equals("info") && groupRelevance != null) {
            relevance = groupRelevance;
            relevantAt = !sheet.cell(row, "relevant").isEmpty() ? survey.at(row, "relevant") : groups.relevantAt();
        } else if (stepType.equals("info") && sheet.cell(row, "type").toLowerCase(Locale.ROOT).startsWith("begin")) {
            relevance = null;
            relevantAt = null;
        } else {
            String group = groups.relevance();
            String own = relevance(row);
            relevance = and(group, own);
            relevantAt = own != null ? survey.at(row, "relevant") : group != null ? groups.relevantAt() : null;
        }
        survey.origin(id, "", row, null);
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("id", id);
        step.put("type", stepType);
        boolean required = SheetTable.isTrue(sheet.cell(row, "required"));
        if (!required && !SheetTable.isFalse(sheet.cell(row, "required"))) {
            // "${sk} = 'ja'" in required was taken as no: the question could be skipped where the form said it may not
            survey.problem(row, "required", "xlsform.problem.required_condition", Map.of("value", sheet.cell(row, "required")));
        }
        if (!stepType.equals("info") && !required) {
            step.put("optional", true);
        }
        Map<String, Map<String, Object>> texts = texts(row, id, name);
        switch (stepType) {
            case "choice", "multi" -> options.select(row, step, texts, (ChoiceLists.ChoiceList) extra.get("list"),
                    Boolean.TRUE.equals(extra.get("orOther")));
            case "scale" -> limits.range(row, step, texts);
            case "text" -> step.put("maxLength", 2000);
            default -> {
            }
        }
        ownColumns.apply(row, stepType, step, texts);
        if (Boolean.TRUE.equals(extra.get("integer"))) {
            // XLSForm's integer takes whole numbers only; the engine refuses 2.5 in the person's language
            step.put("integer", true);
        }
        limits.constraint(row, stepType, Boolean.TRUE.equals(extra.get("integer")), step);
        step.put("source", source(row));
        SurveyStep item = new SurveyStep(id, step, relevance, texts, relevantAt);
        steps.add(item);
        fields.put(name, new Question(id, stepType.equals("multi"), choices(step)));
        return item;
    }

    /**
     * The names a condition may compare a select's answer with, in the choices sheet's order: its options, "other" and
     * "weet-niet" when the row adds them; null for a step that is not a select.
     */
    private static Set<String> choices(Map<String, Object> step) {
        if (!(step.get("options") instanceof List<?> options) || !List.of("choice", "multi").contains(step.get("type"))) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Object o : options) {
            names.add(String.valueOf(o instanceof Map<?, ?> m ? m.get("value") : o));
        }
        if (Boolean.TRUE.equals(step.get("dontKnow"))) {
            names.add(nl.samenspraak.flow.Step.DONT_KNOW);
        }
        return names;
    }

    /** The step's texts per language: its label (with its hint) and its constraint_message, if any. */
    private Map<String, Map<String, Object>> texts(SheetTable.Row row, String id, String name) {
        Map<String, Map<String, Object>> texts = new LinkedHashMap<>();
        Map<String, String> labels = languages.requiredTexts(sheet, row, "label", "xlsform.problem.missing_text", name,
                survey.conversion());
        Map<String, String> hints = languages.texts(sheet, row, "hint");
        Map<String, String> messages = languages.texts(sheet, row, "constraint_message");
        for (String code : languages.codes()) {
            Map<String, Object> t = new LinkedHashMap<>();
            String label = labels.getOrDefault(code, "");
            String hint = hints.get(code);
            t.put("text", fields.pipe(hint == null ? label : label + "\n\n" + hint));
            String labelColumn = languages.columnFor(sheet, "label", code);
            survey.origins().put(code + ":steps/" + id + "/text", Origins.Origin.of(sheet, row,
                    hint == null ? labelColumn : labelColumn + ", " + languages.columnFor(sheet, "hint", code)));
            if (messages.containsKey(code)) {
                t.put("invalid", fields.pipe(messages.get(code)));
                survey.origins().put(code + ":steps/" + id + "/invalid",
                        languages.inLanguage(sheet, row, "constraint_message", code));
            }
            texts.put(code, t);
        }
        if (!messages.isEmpty()) {
            for (String code : languages.codes()) {
                if (!messages.containsKey(code)) {
                    survey.problem(row, languages.columnFor(sheet, "constraint_message", code),
                            "xlsform.problem.missing_text_column", Map.of("column", "constraint_message", "language", code));
                }
            }
        }
        return texts;
    }

    private String relevance(SheetTable.Row row) {
        String relevant = sheet.cell(row, "relevant");
        if (relevant.isEmpty()) {
            return null;
        }
        try {
            return fields.toJexl(relevant);
        } catch (Untranslatable e) {
            survey.problem(row, "relevant", e);
            return null;
        }
    }

    private String source(SheetTable.Row row) {
        String own = sheet.cell(row, "source");
        if (!own.isEmpty()) {
            return own;
        }
        return nl.samenspraak.result.Sources.SPREADSHEET_ROW + fileName + (settings.version().isEmpty() ? "" : " (version " + settings.version() + ")")
                + ", survey row " + row.number();
    }

    /** Both conditions (null or empty: none). */
    private static String and(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        return "(" + a + " && " + b + ")";
    }
}
