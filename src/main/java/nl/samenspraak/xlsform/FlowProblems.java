package nl.samenspraak.xlsform;

import nl.samenspraak.flow.load.Problem;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the flow loader finds in the flow a spreadsheet made, pointed at in the spreadsheet where that is plain: the
 * flow file is made by the conversion, so its path and line mean nothing to whoever uploaded the spreadsheet. A
 * problem with one of Samenspraak's own settings (minimumGroupSize, retention, ...) is put on the sheet settings, at
 * its row and the column it came from; any other names the file, with no row or column, and says what is wrong in
 * words that name the step, advice or key. A problem without a message key is said as the loader says it, inside a
 * sentence of the reader's language.
 */
public final class FlowProblems {
    /** The settings column(s) each settings problem comes from; a retention duration's from its part. */
    private static final Map<String, List<String>> SETTINGS_COLUMNS = Map.ofEntries(
            Map.entry("flowparse.audience", List.of("audience")),
            Map.entry("flowparse.result", List.of("result")),
            Map.entry("flowparse.minimum_group_size", List.of("minimum_group_size")),
            Map.entry("flowparse.max_tips", List.of("max_tips")),
            Map.entry("flowparse.dashboard", List.of("dashboard")),
            Map.entry("flowparse.bands_order", List.of("bands_middle", "bands_high")),
            Map.entry("flowparse.bands_incomplete", List.of("bands_middle", "bands_high")),
            Map.entry("flowparse.retention_unfinished", List.of("retention_unfinished")),
            Map.entry("flowparse.flow_id", List.of("form_id")),
            Map.entry("flowparse.flow_id_file", List.of("form_id")));
    private static final String SETTINGS = "settings";

    private FlowProblems() {
    }

    /** {@code problems} as problems of the spreadsheet {@code fileName}, read as {@code sheets} (null: not at hand). */
    public static List<XlsFormProblem> inSpreadsheet(List<Problem> problems, Map<String, SheetTable> sheets, String fileName) {
        return problems.stream().map(p -> inSpreadsheet(p, sheets, fileName)).toList();
    }

    static XlsFormProblem inSpreadsheet(Problem p, Map<String, SheetTable> sheets, String fileName) {
        if (p.key() == null) {
            return new XlsFormProblem(fileName, 0, null, "xlsform.problem.flow", Map.of("problem", p.toString()));
        }
        List<String> columns = settingsColumns(p);
        if (columns.isEmpty()) {
            return new XlsFormProblem(fileName, 0, null, p.key(), p.args());
        }
        SheetTable settings = sheets == null ? null : sheets.get(SETTINGS);
        if (settings == null || settings.rows().isEmpty()) {
            return new XlsFormProblem(SETTINGS, 0, String.join(", ", columns), p.key(), p.args());
        }
        String where = columns.stream().filter(c -> settings.column(c).isPresent()).map(settings::describe)
                .collect(Collectors.joining(", "));
        return new XlsFormProblem(SETTINGS, settings.rows().get(0).number(), where.isEmpty() ? null : where, p.key(), p.args());
    }

    private static List<String> settingsColumns(Problem p) {
        if ("flowparse.duration".equals(p.key()) || "flowparse.duration_or_word".equals(p.key())) {
            return List.of("retention_" + Objects.toString(p.args().get("part"), ""));
        }
        return SETTINGS_COLUMNS.getOrDefault(p.key(), List.of());
    }
}
