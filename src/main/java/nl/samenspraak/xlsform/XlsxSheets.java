package nl.samenspraak.xlsform;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the sheets of an .xlsx workbook as text tables (fastexcel-reader: streaming, no POI). */
public final class XlsxSheets {
    private XlsxSheets() {
    }

    /** Sheet name (lower case) to table; a file that is no workbook is refused with a problem, never a stack trace. */
    public static Map<String, SheetTable> read(InputStream in) {
        Map<String, SheetTable> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                List<Row> rows = sheet.read();
                List<String> headers = new ArrayList<>();
                List<SheetTable.Row> body = new ArrayList<>();
                boolean headerSeen = false;
                for (Row row : rows) {
                    List<String> cells = cells(row);
                    if (!headerSeen) {
                        if (cells.stream().allMatch(String::isBlank)) {
                            continue;
                        }
                        headers.addAll(cells);
                        headerSeen = true;
                    } else {
                        body.add(new SheetTable.Row(row.getRowNum(), cells));
                    }
                }
                String name = sheet.getName().trim();
                sheets.put(name.toLowerCase(Locale.ROOT), new SheetTable(name, headers, SheetTable.nonBlank(body)));
            }
        } catch (IOException | RuntimeException e) {
            // what the reader could not take (not a zip, not a workbook) means nothing to whoever uploaded it
            throw new XlsFormRefused(List.of(new XlsFormProblem(null, 0, null, "xlsform.problem.not_xlsx", Map.of())));
        }
        return sheets;
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            cells.add(text(cell));
        }
        return cells;
    }

    /** A cell as the author sees it: whole numbers without ".0", booleans as true/false. */
    private static String text(Cell cell) {
        if (cell == null || cell.getValue() == null) {
            return "";
        }
        Object value = cell.getValue();
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        return cell.getText() == null ? String.valueOf(value) : cell.getText();
    }
}
