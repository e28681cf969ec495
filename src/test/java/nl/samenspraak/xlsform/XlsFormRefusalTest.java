package nl.samenspraak.xlsform;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a conversation can't do is refused, never dropped, with the sheet, row and column to fix. Rows are counted
 * as a spreadsheet shows them (the header is row 1); the sample's columns: A type, B name, C-E labels, J relevant,
 * K constraint, R an extra column.
 */
class XlsFormRefusalTest {
    private static final Set<String> LANGUAGES = Set.of("nl", "en", "tr", "ar", "pl");

    private static List<XlsFormProblem> refused(XlsFormBuilder form) {
        XlsFormRefused e = assertThrows(XlsFormRefused.class, () -> XlsFormConverter.convert(
                XlsxSheets.read(new ByteArrayInputStream(form.bytes())), "form.xlsx", LANGUAGES, (l, k) -> k));
        return e.problems();
    }

    private static XlsFormProblem only(XlsFormBuilder form) {
        List<XlsFormProblem> problems = refused(form);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static void assertAt(XlsFormProblem p, String sheet, int row, String column, String words) {
        assertEquals(sheet, p.sheet(), p.toString());
        assertEquals(row, p.row(), p.toString());
        assertEquals(column, p.column(), p.toString());
        assertTrue(p.message().contains(words), p.toString());
    }

    @Test
    void repeat() {
        assertAt(only(SampleForms.buurtpeilingWith(2, "type", "begin_repeat")), "survey", 2, "A (type)", "repeats");
    }

    @Test
    void mediaColumn() {
        assertAt(only(SampleForms.buurtpeilingWithColumn("media::image::English (en)", 2, "welcome.png")),
                "survey", 2, "R (media::image::English (en))", "media");
        assertAt(only(SampleForms.buurtpeilingWithColumn("image", 5, "kids.jpg")), "survey", 5, "R (image)", "kids.jpg");
    }

    /** Kobo forms often name their choices 1, 2, 3: a flow's option values start with a letter, so say how to fix it. */
    @Test
    void numericChoiceNames() {
        String[][] choices = SampleForms.CHOICES.clone();
        choices[0] = new String[]{"janee", "1", "Ja", "Yes", "نعم"};
        XlsFormBuilder form = new XlsFormBuilder().sheet("survey", SampleForms.SURVEY_HEADER, SampleForms.SURVEY)
                .sheet("choices", SampleForms.CHOICES_HEADER, choices)
                .sheet("settings", SampleForms.SETTINGS_HEADER, SampleForms.SETTINGS);
        XlsFormProblem p = refused(form).get(0);
        assertAt(p, "choices", 2, "B (name)", "choice name '1' is a number");
        assertTrue(p.message().contains("'n1'"), p.toString());
    }

    @Test
    void choiceFilter() {
        assertAt(only(SampleForms.buurtpeilingWithColumn("choice_filter", 8, "filter=${kinderen}")),
                "survey", 8, "R (choice_filter)", "choice_filter");
    }

    @Test
    void malformedRelevant() {
        assertAt(only(SampleForms.buurtpeilingWith(6, "relevant", "${kinderen} = = 'ja'")),
                "survey", 6, "J (relevant)", "not a valid XPath expression");
        assertAt(only(SampleForms.buurtpeilingWith(6, "relevant", "${onbekend} = 'ja'")),
                "survey", 6, "J (relevant)", "${onbekend} is not a question or calculation above this row");
        assertAt(only(SampleForms.buurtpeilingWith(6, "relevant", "${aantal_kinderen} > 2")),
                "survey", 6, "J (relevant)", "above this row");
        assertAt(only(SampleForms.buurtpeilingWith(6, "relevant", "jr:choice-name(${kinderen}, '${kinderen}') = 'Ja'")),
                "survey", 6, "J (relevant)", "not supported");
    }

    @Test
    void locationsAndExternalLists() {
        assertAt(only(SampleForms.buurtpeilingWith(15, "type", "geopoint")), "survey", 15, "A (type)", "locations");
        assertAt(only(SampleForms.buurtpeilingWith(15, "type", "select_one_from_file wijken.csv")),
                "survey", 15, "A (type)", "external file");
        assertAt(only(SampleForms.buurtpeilingWith(15, "type", "barcode")), "survey", 15, "A (type)", "not supported");
    }

    @Test
    void constraintThatIsNoBound() {
        assertAt(only(SampleForms.buurtpeilingWith(4, "constraint", "regex(., '^[0-9]+$')")),
                "survey", 4, "K (constraint)", "only bounds");
        assertAt(only(SampleForms.buurtpeilingWith(13, "constraint", ". > 0")),
                "survey", 13, "K (constraint)", "inclusive");
    }

    @Test
    void missingTranslationNamesTheLanguageColumn() {
        assertAt(only(SampleForms.buurtpeilingWith(10, "label::English (en)", "")),
                "survey", 10, "D (label::English (en))", "no text in 'en'");
    }

    @Test
    void languageTheServiceDoesNotSpeak() {
        XlsFormBuilder form = new XlsFormBuilder()
                .sheet("survey", new String[]{"type", "name", "label::Nederlands (nl)", "label::Română (ro)"},
                        XlsFormBuilder.row("text", "naam", "Naam?", "Nume?"));
        assertAt(only(form), "survey", 1, "D (label::Română (ro))", "does not speak 'ro'");
    }

    @Test
    void formWithoutDutch() {
        XlsFormBuilder form = new XlsFormBuilder()
                .sheet("survey", new String[]{"type", "name", "label::English (en)"}, XlsFormBuilder.row("text", "name", "Name?"));
        assertTrue(only(form).message().contains("label::Nederlands (nl)"));
    }

    @Test
    void everyProblemAtOnce() {
        XlsFormBuilder form = new XlsFormBuilder()
                .sheet("survey", new String[]{"type", "name", "label::Nederlands (nl)", "relevant"},
                        XlsFormBuilder.row("text", "naam", "Naam?", ""),
                        XlsFormBuilder.row("begin_repeat", "kind", "Kind", ""),
                        XlsFormBuilder.row("text", "Wat?", "Wat?", "(("),
                        XlsFormBuilder.row("end_repeat", "", "", ""));
        List<XlsFormProblem> problems = refused(form);
        assertEquals(List.of("survey, row 3, column A (type): repeats (begin_repeat) are not supported: a conversation asks each question once",
                "survey, row 4, column B (name): name 'Wat?' must start with a letter and hold only letters, digits and '_'",
                "survey, row 5, column A (type): repeats (end_repeat) are not supported: a conversation asks each question once"),
                problems.stream().map(XlsFormProblem::toString).toList());
    }

    @Test
    void notASpreadsheet() {
        XlsFormRefused e = assertThrows(XlsFormRefused.class, () -> XlsxSheets.read(new ByteArrayInputStream("hello".getBytes())));
        assertTrue(e.getMessage().contains("not an .xlsx spreadsheet"));
    }
}
