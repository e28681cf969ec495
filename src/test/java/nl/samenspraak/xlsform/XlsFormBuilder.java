package nl.samenspraak.xlsform;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes test spreadsheets in code (fastexcel), so no binary files are kept for tests. */
public final class XlsFormBuilder {
    private final Map<String, List<List<String>>> sheets = new LinkedHashMap<>();

    /** A sheet whose first row is the header; each further array is a row ("" for a blank cell). */
    public XlsFormBuilder sheet(String name, String[] header, String[]... rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of(header));
        for (String[] r : rows) {
            all.add(List.of(r));
        }
        sheets.put(name, all);
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "samenspraak-test", "1.0");
            for (Map.Entry<String, List<List<String>>> e : sheets.entrySet()) {
                Worksheet ws = wb.newWorksheet(e.getKey());
                List<List<String>> rows = e.getValue();
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        String v = rows.get(r).get(c);
                        if (v != null && !v.isEmpty()) {
                            ws.value(r, c, v);
                        }
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String[] row(String... cells) {
        return cells;
    }
}
