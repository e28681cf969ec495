package nl.samenspraak.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file the way Excel with Dutch settings opens it, written apart from the service's own CSV code so
 * that a test does not check the writer with itself: a UTF-8 byte order mark is dropped, fields are separated by
 * ';', a field in double quotes may hold ';', line breaks and doubled quotes, records end in CRLF or LF. A cell
 * whose value then starts with '=', '+', '-' or '@' is what Excel runs as a formula ({@link #runsAsFormula}).
 */
public final class ExcelCsv {
    private ExcelCsv() {
    }

    public static List<List<String>> read(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' || c == '\n') {
                if (c == '\r') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }

    /** Whether Excel would take this cell for a formula (leading white space such as a tab does not stop it). */
    public static boolean runsAsFormula(String cell) {
        String start = cell.stripLeading();
        return !start.isEmpty() && "=+-@".indexOf(start.charAt(0)) >= 0;
    }
}
