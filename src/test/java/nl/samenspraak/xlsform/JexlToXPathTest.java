package nl.samenspraak.xlsform;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Transition;
import nl.samenspraak.flow.load.DataFiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static nl.samenspraak.xlsform.XlsFormBuilder.row;

/** Flow conditions written as XLSForm XPath, as a translator sees them in an exported spreadsheet. */
class JexlToXPathTest {
    @Test
    void theSeedFlowsConditionsReadAsXPath() {
        assertEquals("${tolk} = 'ja'", JexlToXPath.xpath("answers.tolk == 'ja'"));
        assertEquals("score('kennis') < 50", JexlToXPath.xpath("scores.kennis < 50"));
        assertEquals("not(((${zorgen}) = '')) and (selected(${zorgen}, 'schaamte'))",
                JexlToXPath.xpath("!empty(answers.zorgen) && ('schaamte' =~ answers.zorgen)"));
        assertEquals("${a} = 'ja' or ${b} <= 2", JexlToXPath.xpath("answers.a == 'ja' || answers.b <= 2"));
        assertEquals("not((score('k') < 50)) and (score('k') < 75 or score('h') < 75)",
                JexlToXPath.xpath("!(scores.k < 50) && (scores.k < 75 || scores.h < 75)"));
    }

    /**
     * What the upload makes of count-selected(), string-length(), div, mod, if() and true() is written back as XLSForm:
     * JEXL's size(${q}), a / b (a path in XPath), a % b and a ? b : c were exported as they were, and the downloaded
     * spreadsheet of such a form was refused by ODK and pyxform, and by Samenspraak's own upload ("size() is unknown").
     */
    @Test
    void jexlsOwnFunctionsAndOperatorsAreWrittenAsXPath() {
        Set<String> multiples = Set.of("onderwerpen");
        assertEquals("count-selected(${onderwerpen}) >= 2", JexlToXPath.xpath("size(answers.onderwerpen) >= 2", multiples));
        assertEquals("string-length(${wens}) > 10", JexlToXPath.xpath("size(answers.wens) > 10", multiples));
        assertEquals("${leeftijd} div 2 > 20 or ${leeftijd} mod 2 = 1",
                JexlToXPath.xpath("answers.leeftijd / 2 > 20 || answers.leeftijd % 2 == 1", multiples));
        assertEquals("(if(${kinderen} = 'ja', 1, 0)) = 1", JexlToXPath.xpath("(answers.kinderen == 'ja' ? 1 : 0) == 1"));
        assertEquals("true()", JexlToXPath.xpath("true"));
    }

    /** An uploaded form with those formulas, downloaded and uploaded again, asks the same questions the same way. */
    @Test
    void anUploadedFormsFormulasComeBackFromItsDownload() {
        String relevant = "count-selected(${onderwerpen}) >= 2 or string-length(${wens}) > 10 or ${leeftijd} div 2 > 40"
                + " or ${leeftijd} mod 2 = 1 or if(${kinderen} = 'ja', 1, 0) = 1";
        XlsFormImport importer = new XlsFormImport(DataFiles.readBundled("flows"), DataFiles.readBundled("locales"));
        String[] header = {"type", "name", "label::Nederlands (nl)", "required", "relevant"};
        XlsFormBuilder form = new XlsFormBuilder().sheet("survey", header, new String[][]{
                        row("integer", "leeftijd", "Hoe oud ben je?", "yes", ""),
                        row("select_one janee", "kinderen", "Heb je kinderen?", "yes", ""),
                        row("select_multiple onderwerpen", "onderwerpen", "Waarover?", "yes", ""),
                        row("text", "wens", "Wat wens je?", "yes", ""),
                        row("text", "opmerking", "Nog iets?", "", relevant)})
                .sheet("choices", new String[]{"list_name", "name", "label::Nederlands (nl)"}, new String[][]{
                        row("janee", "ja", "Ja"), row("janee", "nee", "Nee"),
                        row("onderwerpen", "school", "School"), row("onderwerpen", "zorg", "Zorg"),
                        row("onderwerpen", "werk", "Werk")})
                .sheet("settings", new String[]{"form_id", "form_title"}, new String[][]{row("buurt_peiling", "Buurtpeiling")});
        FlowLibrary first = importer.check(importer.read(new ByteArrayInputStream(form.bytes()), "buurtpeiling.xlsx"));
        Flow uploaded = first.flow("buurt-peiling").orElseThrow();

        byte[] download = XlsFormExporter.export(uploaded, first.translations());
        SheetTable survey = XlsxSheets.read(new ByteArrayInputStream(download)).get("survey");
        String written = String.join("\n", survey.rows().stream().map(r -> survey.cell(r, "relevant")).toList());
        assertFalse(written.contains("size("), written);
        assertTrue(written.contains("count-selected(${onderwerpen}) >= 2"), written);
        FlowLibrary again = importer.check(importer.read(new ByteArrayInputStream(download), "buurt-peiling.xlsx"));
        Flow back = again.flow("buurt-peiling").orElseThrow();
        assertEquals(conditions(uploaded), conditions(back));
    }

    private static List<String> conditions(Flow flow) {
        return flow.steps().stream().flatMap(s -> s.next().stream()).map(Transition::condition)
                .map(c -> c == null ? "" : c.text()).toList();
    }
}
