package nl.samenspraak.xlsform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * XLSForm survey columns that change how a question is asked in a way a conversation can't: {@code read_only} (a chat
 * would still ask the question, and require it when required), {@code default} (nothing is filled in beforehand: a
 * chat asks, and an answer nobody gave is not one), {@code required_message} and {@code required_message::…} (a
 * missing answer gets the service's own words in the person's language: a step has words of its own only for an
 * answer beyond its bounds, {@code steps.<id>.invalid}). They were read past silently, so a form behaved otherwise than
 * its author tested it in Kobo; now a cell that uses one is refused at its column. A column present but empty in every
 * row, as Kobo exports them, is fine.
 */
final class AskingColumns {
    /** Row types that ask nothing, on which read_only says what they are anyway. */
    private static final Set<String> READ_ONLY_ANYWAY = Set.of("note", "calculate");

    private final SurveySheet survey;

    AskingColumns(SurveySheet survey) {
        this.survey = survey;
    }

    /** Refuses what {@code row}, of XLSForm type {@code kind}, asks of these columns. */
    void check(SheetTable.Row row, String kind) {
        String readOnly = survey.cell(row, "read_only");
        if (!SheetTable.isFalse(readOnly) && !READ_ONLY_ANYWAY.contains(kind)) {
            survey.problem(row, "read_only", "xlsform.problem.read_only", Map.of("value", readOnly));
        }
        String value = survey.cell(row, "default");
        if (!value.isEmpty()) {
            survey.problem(row, "default", "xlsform.problem.default", Map.of("value", value));
        }
        for (String column : requiredMessageColumns()) {
            if (!survey.cell(row, column).isEmpty()) {
                // one problem a row, at the first language that has words: the rest is the same mistake
                survey.problem(row, column, "xlsform.problem.required_message");
                break;
            }
        }
    }

    private List<String> requiredMessageColumns() {
        SheetTable table = survey.table();
        List<String> columns = new ArrayList<>();
        table.column("required_message").ifPresent(i -> columns.add(table.headers().get(i)));
        table.columnsWithPrefix("required_message").keySet().forEach(i -> columns.add(table.headers().get(i)));
        return columns;
    }
}
