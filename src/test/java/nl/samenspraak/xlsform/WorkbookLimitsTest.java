package nl.samenspraak.xlsform;

import nl.samenspraak.flow.load.BundledMessages;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An uploaded workbook beyond {@link WorkbookLimits} is refused while it is read, with a problem the admin reads in
 * their language naming the sheet (and row and column) and the limit; the workbooks are built here, with the writer.
 * A workbook within the limits (the sample form) still converts.
 */
class WorkbookLimitsTest {
    private static final Set<String> LANGUAGES = Set.of("nl", "en", "tr", "ar", "pl");

    /** The one problem {@code xlsx} is refused with, said in every language (a missing value or word would show). */
    private static XlsFormProblem refused(byte[] xlsx) {
        XlsFormRefused e = assertThrows(XlsFormRefused.class, () -> XlsxSheets.read(new ByteArrayInputStream(xlsx)));
        assertEquals(1, e.problems().size(), e.problems().toString());
        XlsFormProblem p = e.problems().get(0);
        for (String language : LANGUAGES) {
            String line = p.line(BundledMessages.words(), language);
            assertFalse(line.contains(p.key()) || line.contains("$"), language + ": " + line);
        }
        return p;
    }

    private static String dutch(XlsFormProblem p) {
        return p.line(BundledMessages.words(), "nl");
    }

    /** A workbook of one sheet named {@code name}, header {@code type, name, label}, and what {@code rows} writes. */
    private static byte[] workbook(String name, Consumer<Worksheet> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "samenspraak-test", "1.0");
            Worksheet ws = wb.newWorksheet(name);
            ws.value(0, 0, "type");
            ws.value(0, 1, "name");
            ws.value(0, 2, "label::Nederlands (nl)");
            rows.accept(ws);
            wb.finish();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** Rows 2 to {@code last} (as numbered in a spreadsheet), each only a coloured blank cell: blank, but written. */
    private static Consumer<Worksheet> blankRows(int last) {
        return ws -> {
            try {
                for (int r = 1; r < last; r++) {
                    ws.style(r, 0).fillColor("FFFF00").set();
                    if (r % 10_000 == 0) {
                        ws.flush();
                    }
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void aMillionBlankRowsAreRefusedBeforeTheyAreRead() {
        byte[] xlsx = workbook("survey", blankRows(1_000_000));
        XlsFormProblem p = refused(xlsx);
        assertEquals("xlsform.problem.too_much_text", p.key());
        assertEquals(Map.of("limit", 16), p.args());
        assertEquals(null, p.sheet(), "the workbook as a whole");
        assertTrue(dutch(p).startsWith("werkmap: uitgepakt is deze werkmap meer dan 16 MB; een vragenlijst is veel kleiner"),
                dutch(p));
    }

    /** Within what unpacks small enough, rows are counted as they are read: blank ones too, and one far down. */
    @Test
    void blankRowsCountTowardTheSheetsRows() {
        XlsFormProblem blank = refused(workbook("survey", blankRows(5_002)));
        assertEquals(new XlsFormProblem("survey", 0, null, "xlsform.problem.too_many_rows", Map.of("limit", 5_000)), blank);
        assertEquals("survey: dit blad heeft meer dan 5000 rijen (lege rijen tellen mee); een vragenlijst heeft er hoogstens"
                + " een paar honderd: verwijder de rijen onder de laatste echte rij", dutch(blank));
        XlsFormProblem many = refused(workbook("choices", blankRows(200_000)));
        assertEquals(new XlsFormProblem("choices", 0, null, "xlsform.problem.too_many_rows", Map.of("limit", 5_000)), many);
        XlsFormProblem farDown = refused(workbook("survey", ws -> ws.value(99_999, 1, "verstopt")));
        assertEquals("xlsform.problem.too_many_rows", farDown.key());

        List<SheetTable.Row> last = XlsxSheets.read(new ByteArrayInputStream(workbook("survey", ws -> ws.value(4_999, 1,
                "laatste")))).get("survey").rows();
        assertEquals(5_000, last.get(last.size() - 1).number(), "row 5,000 is read");
    }

    @Test
    void aRowOf16000CellsIsRefusedAtItsFirstCellBeyondTheLimit() {
        XlsFormProblem p = refused(workbook("survey", ws -> {
            for (int c = 0; c < 16_000; c++) {
                ws.value(1, c, "x");
            }
        }));
        assertEquals(new XlsFormProblem("survey", 2, "GS", "xlsform.problem.too_many_columns",
                Map.of("limit", 200, "last", "GR")), p);
        assertEquals("survey, rij 2, kolom GS: in deze rij staat tekst rechts van kolom GR; een blad mag hoogstens 200 kolommen"
                + " gebruiken: haal die tekst weg", dutch(p));
    }

    @Test
    void aCellOf20000CharactersIsRefusedAtItsCell() {
        XlsFormProblem p = refused(SampleForms.buurtpeilingWith(2, "label::Nederlands (nl)", "lang ".repeat(4_000)).bytes());
        assertEquals(new XlsFormProblem("survey", 2, "C (label::Nederlands (nl))", "xlsform.problem.cell_too_long",
                Map.of("limit", 10_000, "length", 20_000)), p);
        assertEquals("survey, rij 2, kolom C (label::Nederlands (nl)): deze cel heeft 20000 tekens; een cel mag er hoogstens"
                + " 10000 hebben: maak de tekst korter", dutch(p));
    }

    /** A text no cell could hold is refused before the reader builds it (it would build it whole, twice over). */
    @Test
    void aTextOfTwoMillionCharactersIsRefusedBeforeItIsRead() {
        XlsFormProblem p = refused(workbook("survey", ws -> ws.value(1, 2, "lang".repeat(500_000))));
        assertEquals(new XlsFormProblem(null, 0, null, "xlsform.problem.text_too_long", Map.of("limit", 1, "cell", 10_000)), p);
        assertEquals("werkmap: in deze werkmap staat een tekst van meer dan 1 MB aan één stuk; een cel mag hoogstens 10000 tekens"
                + " hebben: maak de tekst korter", dutch(p));
    }

    @Test
    void moreSheetsThanAFormHasAreRefused() {
        XlsFormBuilder form = SampleForms.buurtpeiling();
        for (int i = 0; i < 30; i++) {
            form.sheet("notities " + i, new String[]{"tekst"});
        }
        XlsFormProblem p = refused(form.bytes());
        assertEquals(new XlsFormProblem(null, 0, null, "xlsform.problem.too_many_sheets", Map.of("limit", 30)), p);
        assertTrue(dutch(p).startsWith("werkmap: de werkmap heeft meer dan 30 bladen"), dutch(p));
    }

    /**
     * What no spreadsheet program writes, and the reader would take memory for before a row reaches the check: a cell
     * beyond Excel's last column (room is made for every column up to it), a cell naming shared string number two
     * billion (the table is filled up to it), a document type (its entities expand). Refused as no readable .xlsx.
     */
    @Test
    void whatNoSpreadsheetProgramWritesIsNoXlsx() {
        byte[] plain = workbook("survey", ws -> ws.value(1, 0, "text"));
        String start = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
        String end = "</sheetData></worksheet>";
        for (String sheet : List.of(
                start + "<row r=\"1\"><c r=\"FXSHRXW1\" t=\"inlineStr\"><is><t>x</t></is></c></row>" + end,
                start + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>2000000000</v></c></row>" + end,
                "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">]>" + start + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a;</t></is></c></row>" + end)) {
            XlsFormProblem p = refused(withPart(plain, "xl/worksheets/sheet1.xml", sheet));
            assertEquals("xlsform.problem.not_xlsx", p.key(), sheet);
        }
    }

    /** The sample form, as the other tests convert it, is well within every limit. */
    @Test
    void aFormWithinTheLimitsStillConverts() {
        ImportedFlow flow = XlsFormConverter.convert(XlsxSheets.read(new ByteArrayInputStream(SampleForms.buurtpeiling().bytes())),
                "buurtpeiling.xlsx", LANGUAGES, (l, k) -> k);
        assertEquals("buurt-peiling", flow.id());
    }

    /** {@code xlsx} with the part {@code name} written as {@code xml}. */
    private static byte[] withPart(byte[] xlsx, String name, String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
             ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                copy.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    copy.write(xml.getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(copy);
                    }
                }
                copy.closeEntry();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
