package nl.samenspraak.dashboard;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import nl.samenspraak.i18n.BidiControls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An {@link ExportTable} as a file. CSV: UTF-8 with a byte order mark (so Excel reads Arabic and Turkish
 * correctly), fields separated by ';' as Excel expects with Dutch settings, lines ending in CRLF. XLSX: a sheet
 * per table (the rows, the free texts), whole numbers as numbers, every other value as text (never a formula), an
 * empty value no cell at all.
 */
public final class ExportFiles {
    /** The files' types, as sent and as the export's addresses say they give them. */
    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** ';' as Dutch spreadsheet settings expect; quotes where a value needs them. */
    static final CSVFormat CSV = CSVFormat.EXCEL.builder().setDelimiter(';').get();

    private ExportFiles() {
    }

    public static byte[] csv(ExportTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSV)) {
            out.write('\uFEFF');
            printer.printRecord(table.headers().stream().map(ExportFiles::inert).toList());
            for (var row : table.rows()) {
                printer.printRecord(row.stream().map(ExportFiles::shown).map(ExportFiles::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A whole number as a spreadsheet keeps it: no leading zero (a phone number typed stays text), at most 15 digits. */
    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("-?(0|[1-9]\\d{0,14})");

    /**
     * A sheet of an XLSX: its name (as the tab reads), its table, and whether its cells are words as typed (the free
     * texts): there "12" or "0612" stays the text it was, where the answers' sheet makes a whole number a number.
     */
    public record Sheet(String name, ExportTable table, boolean asTyped) {
        public Sheet(String name, ExportTable table) {
            this(name, table, false);
        }
    }

    public static byte[] xlsx(List<Sheet> sheets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Samenspraak", "1.0");
            for (Sheet s : sheets) {
                write(workbook.newWorksheet(s.name()), s.table(), s.asTyped());
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(Worksheet sheet, ExportTable table, boolean asTyped) {
        for (int c = 0; c < table.headers().size(); c++) {
            sheet.value(0, c, table.headers().get(c));
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < table.rows().size(); r++) {
            var row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                String cell = shown(row.get(c));
                if (cell == null || cell.isEmpty()) {
                    // no cell rather than an empty text, which COUNTA counts: the texts' sheet is blank below its texts
                    continue;
                }
                if (!asTyped && WHOLE.matcher(cell).matches()) {
                    // a number as a number (the row, a count, a scale's middle points): as text, AVERAGE saw none.
                    // A number cell is no formula either
                    sheet.value(r + 1, c, Long.parseLong(cell));
                } else {
                    sheet.value(r + 1, c, cell);
                }
            }
        }
    }

    /**
     * A CSV cell that a spreadsheet program would not run as a formula. Excel (and LibreOffice, Google Sheets)
     * treat a cell starting with '=', '+', '-' or '@' as a formula, and tab or carriage return at the start can
     * smuggle one past a first check (so does leading white space); a respondent's text like {@code =HYPERLINK(...)} would then run on the
     * manager's machine. As OWASP advises, such a cell gets a leading apostrophe, which makes it plain text. The
     * XLSX needs none of this: every value in it is a string or number cell, never a formula.
     */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        String start = cell.stripLeading();
        boolean formula = first == '\t' || first == '\r' || !start.isEmpty() && "=+-@".indexOf(start.charAt(0)) >= 0;
        return formula ? "'" + cell : cell;
    }

    /** A typed text as a spreadsheet shows it: without direction controls that would make it read differently. */
    private static String shown(String cell) {
        return cell == null ? null : BidiControls.strip(cell);
    }
}
