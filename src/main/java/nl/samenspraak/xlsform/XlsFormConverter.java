package nl.samenspraak.xlsform;

import nl.samenspraak.xlsform.XPathConditions.Calculation;
import nl.samenspraak.xlsform.XPathConditions.Field;
import nl.samenspraak.xlsform.XPathConditions.Question;
import nl.samenspraak.xlsform.XPathConditions.Untranslatable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the sheets of an XLSForm (survey, choices, settings) into a flow and its words in every language the
 * form has. What a conversation can't do (repeats, media, choice filters, locations, external lists) is
 * refused with the sheet, row and column that asks for it; all problems are gathered before refusing.
 *
 * <p>XLSForm asks questions top to bottom and skips those whose {@code relevant} is false; a flow goes from
 * step to step by its ways out. So each step's ways out name the following steps in order, each with its
 * relevance (its groups' too), up to the first that is always asked.
 */
public final class XlsFormConverter {
    /** The words a converted flow needs that no spreadsheet gives: "Other" and "Please specify" per language. */
    public interface Words {
        String word(String language, String key);
    }

    public static final String OTHER = "other";
    public static final String WORD_OTHER = "xlsform.other";
    public static final String WORD_SPECIFY = "xlsform.other_specify";

        private static final Pattern PIPE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}");
    private static final Set<String> MEDIA = Set.of("image", "big-image", "audio", "video", "media");
    private static final Set<String> METADATA = Set.of("start", "end", "today", "deviceid", "subscriberid",
            "simserial", "phonenumber", "username", "email", "audit", "start-geopoint");
    private static final Set<String> LOCATIONS = Set.of("geopoint", "geotrace", "geoshape");
    private static final Set<String> EXTERNAL = Set.of("select_one_from_file", "select_multiple_from_file",
            "select_one_external", "select_multiple_external");

    private final Set<String> knownLanguages;
    private final Words words;
    private final Conversion conversion = new Conversion();
    private final List<XlsFormProblem> problems = conversion.problems();
    private final Map<String, Origins.Origin> origins = conversion.origins();

    public XlsFormConverter(Set<String> knownLanguages, Words words) {
        this.knownLanguages = Set.copyOf(knownLanguages);
        this.words = words;
    }

    /** Converts the sheets; {@code fileName} names the spreadsheet in each step's source. */
    public static ImportedFlow convert(Map<String, SheetTable> sheets, String fileName, Set<String> knownLanguages,
                                       Words words) {
        return new XlsFormConverter(knownLanguages, words).convert(sheets, fileName);
    }

    private ImportedFlow convert(Map<String, SheetTable> sheets, String fileName) {
        SheetTable survey = sheets.get("survey");
        if (survey == null) {
            throw new XlsFormRefused(List.of(new XlsFormProblem(null, 0, null, "xlsform.problem.no_survey")));
        }
        SheetTable choices = sheets.get("choices");
        SheetTable settings = sheets.get("settings");
        FormSettings set = FormSettings.read(settings, fileName, conversion);
        FormLanguages languages = FormLanguages.read(survey, choices, set.defaultLanguage(), knownLanguages, conversion);
        refuseMediaColumns(survey);
        if (choices != null) {
            refuseMediaColumns(choices);
        }
        ChoiceLists lists = ChoiceLists.read(choices, languages, conversion);
        Survey built = new Survey(set, languages, lists, fileName, survey);
        // named dimensions first: their sheet's order is the flow's order of scores
        built.names("dimensions", sheets.get("dimensions"));
        built.names("themes", sheets.get("themes"));
        built.read();
        built.advice(sheets.get("advice"));
        built.benchmarks(sheets.get("benchmarks"));
        built.messages(sheets.get("messages"));
        if (!problems.isEmpty()) {
            throw new XlsFormRefused(problems);
        }
        return built.result();
    }

    // ---------------------------------------------------------------- settings and languages

    private void refuseMediaColumns(SheetTable sheet) {
        for (int i = 0; i < sheet.headers().size(); i++) {
            String normalized = SheetTable.normalize(sheet.headers().get(i));
            String base = normalized.contains("::") ? normalized.substring(0, normalized.indexOf("::")) : normalized;
            if (!MEDIA.contains(base)) {
                continue;
            }
            for (SheetTable.Row row : sheet.rows()) {
                if (!sheet.cell(row, i).isEmpty()) {
                    problems.add(new XlsFormProblem(sheet.name(), row.number(), sheet.describe(i),
                            "xlsform.problem.media", Map.of("value", sheet.cell(row, i))));
                }
            }
        }
    }

    // ---------------------------------------------------------------- survey

    /**
     * One step to be, with the relevance that decides whether it is asked (null: always) and the cell that relevance
     * came from (its own, else its group's).
     */
    private record Item(String id, Map<String, Object> step, String relevance, Map<String, Map<String, Object>> texts,
                        Origins.Origin relevantAt) {
    }

    private final class Survey implements XPathConditions.Fields {
        private final FormSettings settings;
        private final FormLanguages languages;
        private final ChoiceLists lists;
        private final String fileName;
        private final SheetTable sheet;
        private final List<Item> items = new ArrayList<>();
        private final Map<String, Field> fields = new HashMap<>();
        private final Set<String> dimensions = new LinkedHashSet<>();
        private final Set<String> themes = new LinkedHashSet<>();
        private final Map<String, Map<String, Map<String, String>>> namedWords = new HashMap<>();
        private final List<Map<String, Object>> adviceRules = new ArrayList<>();
        private final Map<String, Map<String, String>> ownMessages = new HashMap<>();
        private final Map<String, Map<String, Map<String, String>>> adviceWords = new LinkedHashMap<>();
        private final Deque<String> groupRelevance = new ArrayDeque<>();
        private final Deque<Integer> groupRows = new ArrayDeque<>();
        /** The relevant cell of each open group's relevance (null: none), innermost last. */
        private final List<Origins.Origin> groupRelevantAt = new ArrayList<>();

        Survey(FormSettings settings, FormLanguages languages, ChoiceLists lists, String fileName, SheetTable sheet) {
            this.settings = settings;
            this.languages = languages;
            this.lists = lists;
            this.fileName = fileName;
            this.sheet = sheet;
        }

        @Override
        public Optional<Field> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        void read() {
            if (sheet.column("type").isEmpty()) {
                problem(null, null, "xlsform.problem.no_type_column");
                return;
            }
            for (SheetTable.Row row : sheet.rows()) {
                row(row);
            }
            if (!groupRows.isEmpty()) {
                problem(new SheetTable.Row(groupRows.peek(), List.of()), "type", "xlsform.problem.group_not_closed");
            }
            if (items.isEmpty()) {
                problem(null, null, "xlsform.problem.nothing_asked");
            } else if (items.get(0).relevance() != null) {
                problem(null, null, "xlsform.problem.first_conditional", Map.of("name", items.get(0).id()));
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
                    problem(row, "type", "xlsform.problem.name_without_type");
                }
                return;
            }
            if (!sheet.cell(row, "choice_filter").isEmpty()) {
                problem(row, "choice_filter", "xlsform.problem.choice_filter");
            }
            switch (kind) {
                case "begin_repeat", "end_repeat" -> problem(row, "type", "xlsform.problem.repeat", Map.of("type", kind));
                case "begin_group" -> beginGroup(row);
                case "end_group" -> endGroup(row);
                case "calculate" -> calculate(row);
                case "note" -> question(row, "info", Map.of());
                case "text" -> question(row, "text", Map.of());
                case "integer", "decimal" -> question(row, "number", Map.of("integer", kind.equals("integer")));
                case "date" -> question(row, "date", Map.of());
                case "acknowledge" -> question(row, "yesno", Map.of());
                case "range" -> question(row, "scale", Map.of());
                case "select_one", "select_multiple" -> select(row, kind, type);
                default -> {
                    if (LOCATIONS.contains(kind)) {
                        problem(row, "type", "xlsform.problem.location", Map.of("type", kind));
                    } else if (EXTERNAL.contains(kind) || kind.startsWith("select_one_from") || kind.startsWith("select_multiple_from")) {
                        problem(row, "type", "xlsform.problem.external", Map.of("type", kind));
                    } else if (!METADATA.contains(kind)) {
                        problem(row, "type", "xlsform.problem.type_unknown", Map.of("type", kind));
                    }
                }
            }
        }

        private void beginGroup(SheetTable.Row row) {
            String relevance = relevance(row);
            String parent = groupRelevance.isEmpty() ? null : groupRelevance.peek();
            String combined = and(parent, relevance);
            groupRows.push(row.number());
            Map<String, String> labels = languages.texts(sheet, row, "label");
            if (!labels.isEmpty()) {
                // a group's title is said before its questions, as a message of its own
                addStep(row, "info", Map.of(), combined);
            }
            groupRelevance.push(combined == null ? "" : combined);
            groupRelevantAt.add(relevance != null ? at(row, "relevant") : groupRelevantAt());
        }

        /** The relevant cell of the innermost open group with a relevance; null when none has one. */
        private Origins.Origin groupRelevantAt() {
            return groupRelevantAt.isEmpty() ? null : groupRelevantAt.get(groupRelevantAt.size() - 1);
        }

        /** {@code row} of this sheet at the column named {@code column} (null: the row as a whole). */
        private Origins.Origin at(SheetTable.Row row, String column) {
            return Origins.Origin.of(sheet, row, column == null ? null : sheet.describe(column));
        }

        /** Records that the part of step {@code id} at {@code part} ("" for the step) came from {@code row}, {@code column}. */
        private void origin(String id, String part, SheetTable.Row row, String column) {
            origins.put("steps/" + id + (part.isEmpty() ? "" : "/" + part), at(row, column));
        }

        private void endGroup(SheetTable.Row row) {
            if (groupRows.isEmpty()) {
                problem(row, "type", "xlsform.problem.group_not_open");
                return;
            }
            groupRows.pop();
            groupRelevance.pop();
            groupRelevantAt.remove(groupRelevantAt.size() - 1);
        }

        private void calculate(SheetTable.Row row) {
            String name = sheet.cell(row, "name");
            String calculation = sheet.cell(row, "calculation");
            if (name.isEmpty() || calculation.isEmpty()) {
                problem(row, name.isEmpty() ? "name" : "calculation", "xlsform.problem.calculate_incomplete");
                return;
            }
            try {
                fields.put(name, new Calculation(XPathConditions.toJexl(calculation, this)));
            } catch (Untranslatable e) {
                problem(row, "calculation", e);
            }
        }

        private void select(SheetTable.Row row, String kind, String[] type) {
            if (type.length < 2) {
                problem(row, "type", "xlsform.problem.select_without_list", Map.of("type", kind, "example", kind + " <list_name>"));
                return;
            }
            ChoiceLists.ChoiceList list = lists.list(type[1]);
            if (list == null) {
                problem(row, "type", "xlsform.problem.list_unknown", Map.of("list", type[1]));
                return;
            }
            boolean orOther = type.length > 2 && type[2].equalsIgnoreCase("or_other");
            if (type.length > 2 && !orOther) {
                problem(row, "type", "xlsform.problem.after_list", Map.of("word", type[2]));
                return;
            }
            boolean multiple = kind.equals("select_multiple");
            Item item = addStep(row, multiple ? "multi" : "choice", Map.of("list", list, "orOther", orOther), null);
            if (item != null && orOther) {
                String otherId = item.id() + "_other";
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("id", otherId);
                step.put("type", "text");
                step.put("maxLength", 200);
                step.put("source", source(row));
                Map<String, Map<String, Object>> texts = new LinkedHashMap<>();
                for (String code : languages.codes()) {
                    texts.put(code, new LinkedHashMap<>(Map.of("text", escape(words.word(code, WORD_SPECIFY)))));
                    // the service's own words, asked for by or_other in the type cell
                    origins.put(code + ":steps/" + otherId + "/text", at(row, "type"));
                }
                origin(otherId, "", row, "type");
                String chosen = multiple ? "(!empty(answers." + item.id() + ") && 'other' =~ answers." + item.id() + ")"
                        : "(answers." + item.id() + " == 'other')";
                items.add(new Item(otherId, step, and(item.relevance(), chosen), texts,
                        item.relevantAt() != null ? item.relevantAt() : at(row, "type")));
                fields.put(otherId, new Question(otherId, false));
            }
        }

        private void question(SheetTable.Row row, String stepType, Map<String, Object> extra) {
            addStep(row, stepType, extra, null);
        }

        private Item addStep(SheetTable.Row row, String stepType, Map<String, Object> extra, String groupRelevanceOverride) {
            String name = sheet.cell(row, "name");
            if (name.isEmpty()) {
                problem(row, "name", "xlsform.problem.name_missing");
                return null;
            }
            String id = name.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
            if (!FlowFiles.isId(id)) {
                problem(row, "name", "xlsform.problem.name_invalid", Map.of("name", name));
                return null;
            }
            if (fields.containsKey(name) || items.stream().anyMatch(i -> i.id().equals(id))) {
                problem(row, "name", "xlsform.problem.name_twice", Map.of("name", name));
                return null;
            }
            String relevance;
            Origins.Origin relevantAt;
            if (stepType.equals("info") && groupRelevanceOverride != null) {
                relevance = groupRelevanceOverride;
                relevantAt = !sheet.cell(row, "relevant").isEmpty() ? at(row, "relevant") : groupRelevantAt();
            } else if (stepType.equals("info") && sheet.cell(row, "type").toLowerCase(Locale.ROOT).startsWith("begin")) {
                relevance = null;
                relevantAt = null;
            } else {
                String group = groupRelevance.isEmpty() || groupRelevance.peek().isEmpty() ? null : groupRelevance.peek();
                String own = relevance(row);
                relevance = and(group, own);
                relevantAt = own != null ? at(row, "relevant") : group != null ? groupRelevantAt() : null;
            }
            origin(id, "", row, null);
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("id", id);
            step.put("type", stepType);
            boolean required = SheetTable.isTrue(sheet.cell(row, "required"));
            if (!stepType.equals("info") && !required) {
                step.put("optional", true);
            }
            Map<String, Map<String, Object>> texts = new LinkedHashMap<>();
            Map<String, String> labels = languages.requiredTexts(sheet, row, "label", "xlsform.problem.missing_text", name, conversion);
            Map<String, String> hints = languages.texts(sheet, row, "hint");
            Map<String, String> messages = languages.texts(sheet, row, "constraint_message");
            for (String code : languages.codes()) {
                Map<String, Object> t = new LinkedHashMap<>();
                String label = labels.getOrDefault(code, "");
                String hint = hints.get(code);
                t.put("text", escape(hint == null ? label : label + "\n\n" + hint));
                String labelColumn = languages.columnFor(sheet, "label", code);
                origins.put(code + ":steps/" + id + "/text", Origins.Origin.of(sheet, row,
                        hint == null ? labelColumn : labelColumn + ", " + languages.columnFor(sheet, "hint", code)));
                if (messages.containsKey(code)) {
                    t.put("invalid", escape(messages.get(code)));
                    origins.put(code + ":steps/" + id + "/invalid", languages.inLanguage(sheet, row, "constraint_message", code));
                }
                texts.put(code, t);
            }
            if (!messages.isEmpty()) {
                for (String code : languages.codes()) {
                    if (!messages.containsKey(code)) {
                        problem(row, languages.columnFor(sheet, "constraint_message", code),
                                "xlsform.problem.missing_text_column", Map.of("column", "constraint_message", "language", code));
                    }
                }
            }
            switch (stepType) {
                case "choice", "multi" -> options(row, step, texts, (ChoiceLists.ChoiceList) extra.get("list"),
                        Boolean.TRUE.equals(extra.get("orOther")));
                case "scale" -> range(row, step, texts);
                case "text" -> step.put("maxLength", 2000);
                default -> {
                }
            }
            ownColumns(row, stepType, step, texts);
            if (Boolean.TRUE.equals(extra.get("integer"))) {
                // XLSForm's integer takes whole numbers only; the engine refuses 2.5 in the person's language
                step.put("integer", true);
            }
            constraint(row, stepType, Boolean.TRUE.equals(extra.get("integer")), step);
            step.put("source", source(row));
            Item item = new Item(id, step, relevance, texts, relevantAt);
            items.add(item);
            fields.put(name, new Question(id, stepType.equals("multi")));
            return item;
        }

        /**
         * Samenspraak's own survey columns: {@code dimension} and {@code reverse} (a range that scores),
         * {@code dont_know} (an "I don't know" option), {@code theme}, {@code consent} (an acknowledge that asks
         * consent), {@code voice} (a text question a Telegram voice message may answer),
         * {@code min_label::…}/{@code max_label::…} (a range's ends in words).
         */
        private void ownColumns(SheetTable.Row row, String stepType, Map<String, Object> step,
                                Map<String, Map<String, Object>> texts) {
            String id = (String) step.get("id");
            if (SheetTable.isTrue(sheet.cell(row, "dont_know"))) {
                step.put("dontKnow", true);
                origin(id, "dontKnow", row, "dont_know");
            }
            String dimension = sheet.cell(row, "dimension");
            if (!dimension.isEmpty()) {
                step.put("dimension", dimension);
                dimensions.add(dimension);
                origin(id, "dimension", row, "dimension");
            }
            if (SheetTable.isTrue(sheet.cell(row, "reverse"))) {
                step.put("reverse", true);
                origin(id, "reverse", row, "reverse");
            }
            String theme = sheet.cell(row, "theme");
            if (!theme.isEmpty()) {
                step.put("theme", theme);
                themes.add(theme);
                origin(id, "theme", row, "theme");
            }
            if (SheetTable.isTrue(sheet.cell(row, "consent"))) {
                if (!stepType.equals("yesno")) {
                    problem(row, "consent", "xlsform.problem.consent_type");
                } else {
                    step.put("consent", true);
                    step.remove("optional");
                    origin(id, "consent", row, "consent");
                }
            }
            if (SheetTable.isTrue(sheet.cell(row, "voice"))) {
                if (!stepType.equals("text")) {
                    problem(row, "voice", "xlsform.problem.voice_type");
                } else {
                    step.put("voice", true);
                    origin(id, "voice", row, "voice");
                }
            }
            String pointsList = sheet.cell(row, "points_list");
            if (!pointsList.isEmpty()) {
                yesNoPoints(row, stepType, step, pointsList.trim());
            }
            if (stepType.equals("scale")) {
                for (String end : new String[]{"min_label", "max_label"}) {
                    Map<String, String> words = languages.texts(sheet, row, end);
                    if (!words.isEmpty()) {
                        for (String code : languages.codes()) {
                            if (!words.containsKey(code)) {
                                problem(row, languages.columnFor(sheet, end, code), "xlsform.problem.missing_text_column",
                                        Map.of("column", end, "language", code));
                            }
                            String key = end.equals("min_label") ? "minLabel" : "maxLabel";
                            texts.get(code).put(key, escape(words.getOrDefault(code, "")));
                            origins.put(code + ":steps/" + id + "/" + key, languages.inLanguage(sheet, row, end, code));
                        }
                    }
                }
            }
        }

        /** An acknowledge that scores: its list holds the choices {@code ja} and {@code nee} with their points. */
        private void yesNoPoints(SheetTable.Row row, String stepType, Map<String, Object> step, String listName) {
            ChoiceLists.ChoiceList list = lists.list(listName);
            if (!stepType.equals("yesno")) {
                problem(row, "points_list", "xlsform.problem.points_list_type");
                return;
            }
            if (list == null) {
                problem(row, "points_list", "xlsform.problem.list_unknown", Map.of("list", listName));
                return;
            }
            List<Object> options = new ArrayList<>();
            String id = (String) step.get("id");
            origin(id, "options", row, "points_list");
            for (ChoiceLists.Choice c : list.choices()) {
                origins.put("steps/" + id + "/options/" + c.value(), c.at());
                if (!c.value().equals("ja") && !c.value().equals("nee")) {
                    problem(row, "points_list", "xlsform.problem.points_list_choices",
                            Map.of("list", listName, "value", c.value()));
                    return;
                }
                dimensions.addAll(c.points().keySet());
                options.add(new LinkedHashMap<>(Map.of("value", c.value(), "points", c.pointsInFlow())));
            }
            step.put("options", options);
        }

        /**
         * Samenspraak's own sheet of benchmarks (figures from elsewhere shown beside a question on the dashboard):
         * per question a row without a category (of or percent, source, label::… saying what was measured), then
         * a row per category (category, figure, label::…).
         */
        void benchmarks(SheetTable sheet) {
            if (sheet == null) {
                return;
            }
            for (SheetTable.Row row : sheet.rows()) {
                String question = sheet.cell(row, "question");
                Item item = items.stream().filter(i -> i.id().equals(question)).findFirst().orElse(null);
                if (item == null) {
                    problems.add(new XlsFormProblem(sheet.name(), row.number(), sheet.describe("question"),
                            "xlsform.problem.question_unknown", Map.of("name", question)));
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
                        benchmarkTexts(item, code).put("text", escape(labels.getOrDefault(code, "")));
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
                        Map<String, Object> words = (Map<String, Object>) benchmarkTexts(item, code)
                                .computeIfAbsent("figures", k -> new LinkedHashMap<String, Object>());
                        words.put(category, escape(labels.getOrDefault(code, "")));
                        origins.put(code + ":" + path + "/figures/" + category, languages.inLanguage(sheet, row, "label", code));
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> benchmarkTexts(Item item, String code) {
            return (Map<String, Object>) item.texts().get(code).computeIfAbsent("benchmark",
                    k -> new LinkedHashMap<String, Object>());
        }

        private Double number(SheetTable sheet, SheetTable.Row row, String column, String value) {
            try {
                return Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                problems.add(new XlsFormProblem(sheet.name(), row.number(), sheet.describe(column),
                        "xlsform.problem.not_a_number", Map.of("column", column, "value", value)));
                return null;
            }
        }

        /**
         * Samenspraak's own: the flow's wording of shared messages (key, text::…), each only in the languages
         * that word it (the others keep the shared message).
         */
        void messages(SheetTable sheet) {
            if (sheet == null) {
                return;
            }
            for (SheetTable.Row row : sheet.rows()) {
                String key = sheet.cell(row, "key");
                if (!key.matches("[a-z_]+(\\.[a-z_]+)+")) {
                    problems.add(new XlsFormProblem(sheet.name(), row.number(), sheet.describe("key"),
                            "xlsform.problem.message_key"));
                    continue;
                }
                languages.texts(sheet, row, "text").forEach((code, text) -> {
                    ownMessages.computeIfAbsent(code, c -> new java.util.TreeMap<>()).put(key, text);
                    origins.put(code + ":messages/" + key.replace('.', '/'), languages.inLanguage(sheet, row, "text", code));
                });
            }
        }

        /** A sheet of names in words per language ({@code dimensions}, {@code themes}): name, label::…. */
        void names(String what, SheetTable names) {
            if (names == null) {
                return;
            }
            for (SheetTable.Row row : names.rows()) {
                String name = names.cell(row, "name");
                if (name.isEmpty()) {
                    problems.add(new XlsFormProblem(names.name(), row.number(), names.describe("name"), "xlsform.problem.row_without_name"));
                    continue;
                }
                Map<String, String> labels = languages.requiredTexts(names, row, "label", "xlsform.problem.missing_text", name, conversion);
                namedWords.computeIfAbsent(what, k -> new LinkedHashMap<>()).put(name, labels);
                if (what.equals("dimensions")) {
                    origins.put("dimensions/" + name, Origins.Origin.of(names, row, names.describe("name")));
                }
                for (String code : languages.codes()) {
                    origins.put(code + ":" + what + "/" + name, languages.inLanguage(names, row, "label", code));
                }
                (what.equals("themes") ? themes : dimensions).add(name);
            }
        }

        /**
         * Samenspraak's advice rules, on a sheet of their own: name, when (XPath, with score('dimension') for a
         * score), priority, source, title::… and text::… per language.
         */
        void advice(SheetTable advice) {
            if (advice == null) {
                return;
            }
            for (SheetTable.Row row : advice.rows()) {
                String name = advice.cell(row, "name");
                String when = advice.cell(row, "when");
                if (name.isEmpty() || !FlowFiles.isId(name)) {
                    problems.add(new XlsFormProblem(advice.name(), row.number(), advice.describe("name"),
                            "xlsform.problem.advice_name"));
                    continue;
                }
                String condition;
                try {
                    condition = XPathConditions.toJexl(when, this);
                } catch (Untranslatable e) {
                    problems.add(new XlsFormProblem(advice.name(), row.number(), advice.describe("when"), e.key(), e.args()));
                    continue;
                }
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("id", name);
                rule.put("when", condition);
                origins.put("advice/" + name, Origins.Origin.of(advice, row, null));
                origins.put("advice/" + name + "/when", Origins.Origin.of(advice, row, advice.describe("when")));
                String priority = advice.cell(row, "priority");
                if (!priority.isEmpty()) {
                    try {
                        rule.put("priority", Integer.parseInt(priority));
                        origins.put("advice/" + name + "/priority",
                                Origins.Origin.of(advice, row, advice.describe("priority")));
                    } catch (NumberFormatException e) {
                        problems.add(new XlsFormProblem(advice.name(), row.number(), advice.describe("priority"),
                                "xlsform.problem.priority"));
                    }
                }
                String suppresses = advice.cell(row, "suppresses").trim();
                if (!suppresses.isEmpty()) {
                    rule.put("suppresses", List.of(suppresses.split("[\\s,]+")));
                    origins.put("advice/" + name + "/suppresses", Origins.Origin.of(advice, row, advice.describe("suppresses")));
                }
                String source = advice.cell(row, "source");
                rule.put("source", source.isEmpty() ? "XLSForm " + fileName + ", advice row " + row.number() : source);
                Map<String, String> titles = languages.requiredTexts(advice, row, "title", "xlsform.problem.missing_text_advice", name, conversion);
                Map<String, String> bodies = languages.requiredTexts(advice, row, "text", "xlsform.problem.missing_text_advice", name, conversion);
                Map<String, Map<String, String>> words = new LinkedHashMap<>();
                for (String code : languages.codes()) {
                    words.put(code, Map.of("title", escape(titles.getOrDefault(code, "")),
                            "text", escape(bodies.getOrDefault(code, ""))));
                    for (String part : List.of("title", "text")) {
                        origins.put(code + ":tips/" + name + "/" + part, languages.inLanguage(advice, row, part, code));
                    }
                }
                adviceRules.add(rule);
                adviceWords.put(name, words);
            }
        }

        private void options(SheetTable.Row row, Map<String, Object> step, Map<String, Map<String, Object>> texts,
                             ChoiceLists.ChoiceList list, boolean orOther) {
            List<Object> options = new ArrayList<>();
            Map<String, Map<String, String>> labels = new LinkedHashMap<>();
            for (String code : languages.codes()) {
                labels.put(code, new LinkedHashMap<>());
            }
            String id = (String) step.get("id");
            // the list is named in the type cell; each option came from its choices row
            origin(id, "options", row, "type");
            for (ChoiceLists.Choice c : list.choices()) {
                origins.put("steps/" + id + "/options/" + c.value(), c.at());
                c.labelAt().forEach((code, at) -> origins.put(code + ":steps/" + id + "/options/" + c.value(), at));
                if (c.points().isEmpty() && !c.exclusive()) {
                    options.add(c.value());
                } else {
                    dimensions.addAll(c.points().keySet());
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("value", c.value());
                    if (!c.points().isEmpty()) {
                        o.put("points", c.pointsInFlow());
                    }
                    if (c.exclusive()) {
                        o.put("exclusive", true);
                    }
                    options.add(o);
                }
                for (String code : languages.codes()) {
                    labels.get(code).put(c.value(), escape(c.labels().getOrDefault(code, "")));
                }
            }
            if (orOther) {
                if (list.choices().stream().anyMatch(c -> c.value().equals(OTHER))) {
                    problem(row, "type", "xlsform.problem.or_other_twice", Map.of("list", list.name()));
                }
                options.add(OTHER);
                origin(id, "options/" + OTHER, row, "type");
                for (String code : languages.codes()) {
                    labels.get(code).put(OTHER, escape(words.word(code, WORD_OTHER)));
                    origins.put(code + ":steps/" + id + "/options/" + OTHER, at(row, "type"));
                }
            }
            if (options.size() < 2) {
                problem(row, "type", "xlsform.problem.two_choices", Map.of("list", list.name()));
            }
            step.put("options", options);
            for (String code : languages.codes()) {
                texts.get(code).put("options", labels.get(code));
            }
        }

        private void range(SheetTable.Row row, Map<String, Object> step, Map<String, Map<String, Object>> texts) {
            Map<String, Double> parameters = new HashMap<>(Map.of("start", 1.0, "end", 10.0, "step", 1.0));
            String written = sheet.cell(row, "parameters");
            for (String pair : written.split("[\\s;,]+")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                try {
                    if (kv.length != 2 || !parameters.containsKey(kv[0].trim())) {
                        throw new NumberFormatException();
                    }
                    parameters.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
                } catch (NumberFormatException e) {
                    problem(row, "parameters", "xlsform.problem.range_parameter", Map.of("parameter", pair));
                    return;
                }
            }
            double start = parameters.get("start");
            double end = parameters.get("end");
            if (parameters.get("step") != 1.0 || start != Math.rint(start) || end != Math.rint(end) || start >= end
                    || end - start > 10) {
                problem(row, "parameters", "xlsform.problem.range_scale", Map.of("order", "start < end"));
                return;
            }
            step.put("min", (long) start);
            step.put("max", (long) end);
            String id = (String) step.get("id");
            String from = written.isBlank() ? "type" : "parameters";
            origin(id, "min", row, from);
            origin(id, "max", row, from);
            for (String code : languages.codes()) {
                texts.get(code).put("minLabel", XPathConditions.number(start));
                texts.get(code).put("maxLabel", XPathConditions.number(end));
                origins.put(code + ":steps/" + id + "/minLabel", at(row, from));
                origins.put(code + ":steps/" + id + "/maxLabel", at(row, from));
            }
        }

        /** A constraint becomes the step's bounds; anything that isn't a bound is refused, never dropped. */
        private void constraint(SheetTable.Row row, String stepType, boolean integer, Map<String, Object> step) {
            String constraint = sheet.cell(row, "constraint");
            if (constraint.isEmpty()) {
                return;
            }
            Map<String, Object> before = new HashMap<>(step);
            try {
                Bounds.apply(XPathConditions.parse(constraint), stepType, integer, step);
            } catch (Untranslatable e) {
                problem(row, "constraint", e);
            }
            // each bound the constraint set (min, max, maxLength, notBefore, notAfter) came from its cell
            step.forEach((key, value) -> {
                if (!java.util.Objects.equals(before.get(key), value)) {
                    origin((String) step.get("id"), key, row, "constraint");
                }
            });
        }

        private String relevance(SheetTable.Row row) {
            String relevant = sheet.cell(row, "relevant");
            if (relevant.isEmpty()) {
                return null;
            }
            try {
                return XPathConditions.toJexl(relevant, this);
            } catch (Untranslatable e) {
                problem(row, "relevant", e);
                return null;
            }
        }

        private String source(SheetTable.Row row) {
            String own = sheet.cell(row, "source");
            if (!own.isEmpty()) {
                return own;
            }
            return "XLSForm " + fileName + (settings.version().isEmpty() ? "" : " (version " + settings.version() + ")")
                    + ", survey row " + row.number();
        }

        /** XLSForm's {@code ${q}} in a label shows the answer; the flow's texts say that as {@code $answers.q}. */
        private String escape(String text) {
            Matcher m = PIPE.matcher(text);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                Field f = fields.get(m.group(1));
                String replacement = f instanceof Question q ? "${answers." + q.stepId() + "}" : m.group();
                m.appendReplacement(b, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(b);
            return b.toString();
        }

        ImportedFlow result() {
            Map<String, Object> flow = new LinkedHashMap<>();
            flow.put("id", settings.flowId());
            flow.put("audience", settings.audience());
            settings.own().forEach(flow::put);
            flow.put("languages", languages.codes());
            if (!dimensions.isEmpty()) {
                flow.put("dimensions", new ArrayList<>(dimensions));
            }
            List<Object> steps = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> step = new LinkedHashMap<>(items.get(i).step());
                List<Object> next = waysOut(i);
                if (!next.isEmpty()) {
                    Object source = step.remove("source");
                    step.put("next", next);
                    step.put("source", source);
                    wayOrigins(items.get(i).id(), next);
                }
                steps.add(step);
            }
            flow.put("steps", steps);
            if (!adviceRules.isEmpty()) {
                flow.put("advice", adviceRules);
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
                if (!dimensions.isEmpty()) {
                    texts.put("dimensions", namesIn("dimensions", dimensions, code));
                }
                Map<String, Object> stepTexts = new LinkedHashMap<>();
                items.forEach(item -> stepTexts.put(item.id(), item.texts().get(code)));
                texts.put("steps", stepTexts);
                if (!adviceWords.isEmpty()) {
                    Map<String, Object> tips = new LinkedHashMap<>();
                    adviceWords.forEach((rule, words) -> tips.put(rule, words.get(code)));
                    texts.put("tips", tips);
                }
                if (!themes.isEmpty()) {
                    texts.put("themes", namesIn("themes", themes, code));
                }
                if (ownMessages.containsKey(code)) {
                    Map<String, Object> nested = new LinkedHashMap<>();
                    ownMessages.get(code).forEach((key, text) -> nest(nested, key.split("\\."), text));
                    texts.put("messages", nested);
                }
                locales.put(code, FlowFiles.dump(texts));
            }
            return new ImportedFlow(settings.flowId(), "# Imported from the XLSForm " + fileName
                    + (settings.version().isEmpty() ? "" : ", version " + settings.version()) + "\n" + FlowFiles.dump(flow), locales,
                    new Origins(origins));
        }

        /** Each way out of step {@code id} asks the relevance of the step it goes to: it came from that cell. */
        private void wayOrigins(String id, List<Object> next) {
            for (int k = 0; k < next.size(); k++) {
                Object target = ((Map<?, ?>) next.get(k)).get("goto");
                for (Item candidate : items) {
                    if (candidate.id().equals(target) && candidate.relevantAt() != null) {
                        origins.put("steps/" + id + "/next/" + k, candidate.relevantAt());
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void nest(Map<String, Object> into, String[] path, String text) {
            Map<String, Object> node = into;
            for (int i = 0; i < path.length - 1; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
            }
            node.put(path[path.length - 1], text);
        }

        /** Names in words in one language; a name without a row on its sheet is said as it is written. */
        private Map<String, Object> namesIn(String what, Set<String> names, String code) {
            Map<String, Object> words = new LinkedHashMap<>();
            Map<String, Map<String, String>> sheet = namedWords.getOrDefault(what, Map.of());
            names.forEach(n -> words.put(n, sheet.containsKey(n) ? escape(sheet.get(n).getOrDefault(code, n)) : n));
            return words;
        }

        /** The steps after step {@code i} in order, each when relevant, up to the first that is always asked. */
        private List<Object> waysOut(int i) {
            boolean anyConditional = false;
            List<Object> next = new ArrayList<>();
            for (int j = i + 1; j < items.size(); j++) {
                Item candidate = items.get(j);
                Map<String, Object> way = new LinkedHashMap<>();
                if (candidate.relevance() == null) {
                    way.put("goto", candidate.id());
                    next.add(way);
                    return anyConditional ? next : List.of();
                }
                anyConditional = true;
                way.put("if", candidate.relevance());
                way.put("goto", candidate.id());
                next.add(way);
            }
            if (!anyConditional) {
                return List.of();
            }
            next.add(Map.of("goto", "end"));
            return next;
        }

        private void problem(SheetTable.Row row, String column, String key) {
            problem(row, column, key, Map.of());
        }

        private void problem(SheetTable.Row row, String column, Untranslatable e) {
            problem(row, column, e.key(), e.args());
        }

        private void problem(SheetTable.Row row, String column, String key, Map<String, Object> args) {
            String described = column == null ? null : sheet.column(column).map(sheet::describe).orElse(column);
            problems.add(new XlsFormProblem(sheet.name(), row == null ? 0 : row.number(), described, key, args));
        }
    }

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
