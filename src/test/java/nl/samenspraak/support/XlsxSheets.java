package nl.samenspraak.support;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An XLSX read back as a spreadsheet shows it: each sheet by its tab's name, in order, its rows as the cells' texts. */
public final class XlsxSheets {
    private XlsxSheets() {
    }

    /** Each sheet by name, in order; a row as wide as its header, a blank cell "". */
    public static Map<String, List<List<String>>> read(byte[] xlsx) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : workbook.getSheets().toList()) {
                List<List<String>> records = new ArrayList<>();
                try (var rows = sheet.openStream()) {
                    rows.forEach((Row row) -> {
                        List<String> cells = new ArrayList<>();
                        for (int c = 0; c < row.getCellCount(); c++) {
                            String text = row.getCellText(c);
                            cells.add(text == null ? "" : text);
                        }
                        records.add(cells);
                    });
                }
                int width = records.isEmpty() ? 0 : records.get(0).size();
                records.forEach(r -> {
                    while (r.size() < width) {
                        r.add("");
                    }
                });
                sheets.put(sheet.getName(), records);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sheets;
    }
}
