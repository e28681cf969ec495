package nl.samenspraak.xlsform;

import nl.samenspraak.flow.Names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The choices sheet as lists of options by list name, each option with its label per language and the cells it
 * came from. A select question names a list, so the lists are read before the survey; a choice a flow can't have
 * (no name, a number for a name, a name twice in its list) is a problem pointed at its row.
 */
final class ChoiceLists {
    /** A choice with where it came from: its row, and the column of its label per language. */
    record Choice(String value, Map<String, String> labels, Map<String, Double> points, boolean exclusive,
                  Origins.Origin at, Map<String, Origins.Origin> labelAt) {
        /** The points by dimension as the flow file writes them: a whole number without its ".0". */
        Map<String, Object> pointsInFlow() {
            Map<String, Object> written = new LinkedHashMap<>();
            points.forEach((d, p) -> written.put(d, FlowFiles.number(p)));
            return written;
        }
    }

    record ChoiceList(String name, List<Choice> choices) {
    }

    private final Map<String, ChoiceList> lists = new LinkedHashMap<>();
    /** The lists with a choice refused at its row: what follows from it (no such list, too few choices) is not said again. */
    private final java.util.Set<String> withRefused = new java.util.HashSet<>();

    private ChoiceLists() {
    }

    /** The list named {@code name}, or null. */
    ChoiceList list(String name) {
        return lists.get(name);
    }

    /** Whether a choice of the list named {@code name} was refused (said at its row). */
    boolean hadRefused(String name) {
        return withRefused.contains(name);
    }

    /** Reads {@code choices} (null: the form has no choices sheet, so no lists). */
    static ChoiceLists read(SheetTable choices, FormLanguages languages, Conversion conversion) {
        ChoiceLists read = new ChoiceLists();
        if (choices == null) {
            return read;
        }
        String listColumn = choices.column("list_name").isPresent() ? "list_name" : "list name";
        Map<Integer, String> pointColumns = choices.columnsWithPrefix("points");
        for (SheetTable.Row row : choices.rows()) {
            String list = choices.cell(row, listColumn);
            String name = choices.cell(row, "name");
            if (list.isEmpty() || name.isEmpty()) {
                conversion.problem(choices, row, list.isEmpty() ? listColumn : "name", "xlsform.problem.choice_incomplete",
                        Map.of());
                continue;
            }
            if (name.matches("[0-9]+([.][0-9]+)?")) {
                // Kobo forms often number their choices; a flow's option values are names that start with a letter
                conversion.problem(choices, row, "name", "xlsform.problem.choice_number",
                        Map.of("name", name, "suggestion", "n" + name.replace('.', '_')));
                read.withRefused.add(list);
                continue;
            }
            if (!Names.isPartName(name) && !name.equals("weet-niet")) {
                conversion.problem(choices, row, "name", "xlsform.problem.choice_name", Map.of("name", name));
                read.withRefused.add(list);
                continue;
            }
            Map<String, String> labels = languages.requiredTexts(choices, row, "label",
                    "xlsform.problem.missing_text_choice", name, conversion);
            Map<String, Double> points = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> e : pointColumns.entrySet()) {
                String value = choices.cell(row, e.getKey());
                if (value.isEmpty()) {
                    continue;
                }
                try {
                    points.put(e.getValue().trim(), Double.parseDouble(value));
                } catch (NumberFormatException ex) {
                    conversion.problems().add(new XlsFormProblem(choices.name(), row.number(), choices.describe(e.getKey()),
                            "xlsform.problem.not_a_number", Map.of("column", "points", "value", value)));
                }
            }
            ChoiceList l = read.lists.computeIfAbsent(list, k -> new ChoiceList(k, new ArrayList<>()));
            if (l.choices().stream().anyMatch(c -> c.value().equals(name))) {
                conversion.problem(choices, row, "name", "xlsform.problem.choice_twice", Map.of("name", name, "list", list));
                read.withRefused.add(list);
                continue;
            }
            Map<String, Origins.Origin> labelAt = new HashMap<>();
            for (String code : languages.codes()) {
                labelAt.put(code, Origins.Origin.of(choices, row, languages.columnFor(choices, "label", code)));
            }
            l.choices().add(new Choice(name, labels, points, SheetTable.isTrue(choices.cell(row, "exclusive")),
                    Origins.Origin.of(choices, row, null), labelAt));
        }
        return read;
    }
}
