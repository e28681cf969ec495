package nl.samenspraak.xlsform;

import nl.samenspraak.i18n.PlainMessages;

import java.util.HashMap;
import java.util.Map;

/**
 * Something in a spreadsheet that keeps it from becoming a flow, pointed at as a person sees it in a spreadsheet
 * program: sheet name (null: the workbook as a whole), row number (1 is the header row; 0: no row) and column letter
 * with its header (null: no column). What is wrong is a message key of {@code locales/<lang>/messages.yaml}
 * ({@code xlsform.problem.*}, or {@code flowcheck.*} for what the flow loader finds) with its named values, so that
 * each reader gets it in their own language.
 */
public record XlsFormProblem(String sheet, int row, String column, String key, Map<String, Object> args) {
    /** The key that names the workbook as a whole where a sheet would be. */
    public static final String WORKBOOK = "xlsform.workbook";

    public XlsFormProblem {
        args = Map.copyOf(args);
    }

    public XlsFormProblem(String sheet, int row, String column, String key) {
        this(sheet, row, column, key, Map.of());
    }

    /** What is wrong, in {@code language}: the message alone. */
    public String message(PlainMessages words, String language) {
        return words.render(language, key, args);
    }

    /** Where and what in one line of {@code language}, e.g. {@code survey, row 7, column J (relevant): ...}. */
    public String line(PlainMessages words, String language) {
        Map<String, Object> where = new HashMap<>();
        where.put("sheet", sheet == null ? words.render(language, WORKBOOK, Map.of()) : sheet);
        where.put("problem", message(words, language));
        where.put("row", row);
        if (column != null) {
            where.put("column", column);
        }
        String format = row > 0 ? (column != null ? "xlsform.line_row_column" : "xlsform.line_row")
                : column != null ? "xlsform.line_column" : "xlsform.line";
        return words.render(language, format, where);
    }
}
