package nl.samenspraak.xlsform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one conversion has noted so far, shared by the parts that read the sheets: every problem found (an admin
 * gets them all at once, so reading goes on after the first) and where each part of the flow came from, recorded
 * as the part is written (see {@link Origins}).
 */
final class Conversion {
    private final List<XlsFormProblem> problems = new ArrayList<>();
    private final Map<String, Origins.Origin> origins = new LinkedHashMap<>();

    List<XlsFormProblem> problems() {
        return problems;
    }

    /** Where each part of the flow came from, by its path. */
    Map<String, Origins.Origin> origins() {
        return origins;
    }

    /** A problem at {@code row} of {@code sheet} (null: no row), in the column named {@code column} (null: none). */
    void problem(SheetTable sheet, SheetTable.Row row, String column, String key, Map<String, Object> args) {
        problems.add(new XlsFormProblem(sheet.name(), row == null ? 0 : row.number(),
                column == null ? null : sheet.describe(column), key, args));
    }
}
