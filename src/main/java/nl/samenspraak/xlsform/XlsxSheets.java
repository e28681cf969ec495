package nl.samenspraak.xlsform;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the sheets of an .xlsx workbook as text tables (fastexcel-reader: streaming, no POI), row by row, refusing a
 * workbook beyond {@link WorkbookLimits} as soon as a limit is crossed: what it unpacks to is looked through first
 * ({@link UnpackedParts}), then no sheet is read further than its limit of rows, and no row kept beyond its columns.
 */
public final class XlsxSheets {
    private XlsxSheets() {
    }

    /** Sheet name (lower case) to table; a file that is no workbook is refused with a problem, never a stack trace. */
    public static Map<String, SheetTable> read(InputStream in) {
        byte[] xlsx;
        try {
            xlsx = in.readAllBytes();
        } catch (IOException e) {
            throw notXlsx();
        }
        UnpackedParts.check(xlsx);
        Map<String, SheetTable> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> all = workbook.getSheets().toList();
            if (all.size() > WorkbookLimits.SHEETS) {
                throw refused(null, 0, null, "xlsform.problem.too_many_sheets", Map.of("limit", WorkbookLimits.SHEETS));
            }
            for (Sheet sheet : all) {
                SheetTable table = table(sheet);
                sheets.put(table.name().toLowerCase(Locale.ROOT), table);
            }
        } catch (XlsFormRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // what the reader could not take (not a zip, not a workbook) means nothing to whoever uploaded it
            throw notXlsx();
        }
        return sheets;
    }

    static XlsFormRefused notXlsx() {
        return refused(null, 0, null, "xlsform.problem.not_xlsx", Map.of());
    }

    private static XlsFormRefused refused(String sheet, int row, String column, String key, Map<String, Object> args) {
        return new XlsFormRefused(List.of(new XlsFormProblem(sheet, row, column, key, args)));
    }

    /** One sheet, streamed: every row counts toward the limit, a blank one too, and the sheet is left at the first too many. */
    private static SheetTable table(Sheet sheet) throws IOException {
        String name = sheet.getName().trim();
        List<String> headers = new ArrayList<>();
        List<SheetTable.Row> body = new ArrayList<>();
        boolean headerSeen = false;
        int read = 0;
        try (Stream<Row> rows = sheet.openStream()) {
            for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
                Row row = it.next();
                if (++read > WorkbookLimits.ROWS || row.getRowNum() > WorkbookLimits.ROWS) {
                    throw refused(name, 0, null, "xlsform.problem.too_many_rows", Map.of("limit", WorkbookLimits.ROWS));
                }
                List<String> cells = cells(name, row, headers);
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
        }
        return new SheetTable(name, headers, SheetTable.nonBlank(body));
    }

    /** A row's cells up to the last column a sheet may use; a text further right, or too long, is refused at its cell. */
    private static List<String> cells(String sheet, Row row, List<String> headers) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            String text = text(row.getCell(i));
            if (i >= WorkbookLimits.COLUMNS && !text.isBlank()) {
                throw refused(sheet, row.getRowNum(), column(i, headers), "xlsform.problem.too_many_columns",
                        Map.of("limit", WorkbookLimits.COLUMNS, "last", SheetTable.letter(WorkbookLimits.COLUMNS - 1)));
            }
            if (text.length() > WorkbookLimits.CELL_CHARACTERS) {
                throw refused(sheet, row.getRowNum(), column(i, headers), "xlsform.problem.cell_too_long",
                        Map.of("limit", WorkbookLimits.CELL_CHARACTERS, "length", text.length()));
            }
            if (i < WorkbookLimits.COLUMNS) {
                cells.add(text);
            }
        }
        return cells;
    }

    /** A column as a problem names it: its letter, and its header once the header row is read. */
    private static String column(int index, List<String> headers) {
        String letter = SheetTable.letter(index);
        return index < headers.size() && !headers.get(index).isBlank() ? letter + " (" + headers.get(index) + ")" : letter;
    }

    /** A cell as the author sees it: whole numbers without ".0", booleans as true/false. */
    private static String text(Cell cell) {
        if (cell == null || cell.getValue() == null) {
            return "";
        }
        Object value = cell.getValue();
        if (value instanceof BigDecimal d) {
            // 1E999999999 written out is a billion characters: such a number is said as it was written
            BigDecimal whole = d.stripTrailingZeros();
            return Math.abs((long) whole.scale()) > WorkbookLimits.CELL_CHARACTERS ? whole.toString() : whole.toPlainString();
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        return cell.getText() == null ? String.valueOf(value) : cell.getText();
    }
}
