package nl.samenspraak.xlsform;

import nl.samenspraak.flow.load.BundledMessages;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.samenspraak.xlsform.XlsFormBuilder.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a conversation can't do is refused, never dropped, with the sheet, row and column to fix. Rows are counted
 * as a spreadsheet shows them (the header is row 1); the sample's columns: A type, B name, C-E labels, J relevant,
 * K constraint, R an extra column. Each problem is a message key with its values, said in every language.
 */
class XlsFormRefusalTest {
    private static final Set<String> LANGUAGES = Set.of("nl", "en", "tr", "ar", "pl");

    private static List<XlsFormProblem> refused(XlsFormBuilder form) {
        XlsFormRefused e = assertThrows(XlsFormRefused.class, () -> XlsFormConverter.convert(
                XlsxSheets.read(new ByteArrayInputStream(form.bytes())), "form.xlsx", LANGUAGES, (l, k) -> k));
        e.problems().forEach(XlsFormRefusalTest::saidInEveryLanguage);
        return e.problems();
    }

    /** The problem's words exist in every language and take exactly the values it has (a missing one throws). */
    private static void saidInEveryLanguage(XlsFormProblem p) {
        for (String language : LANGUAGES) {
            String line = p.line(BundledMessages.words(), language);
            assertTrue(!line.contains(p.key()), language + ": " + line);
        }
    }

    private static XlsFormProblem only(XlsFormBuilder form) {
        List<XlsFormProblem> problems = refused(form);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static void assertAt(XlsFormProblem p, String sheet, int row, String column, String key) {
        assertEquals(sheet, p.sheet(), p.toString());
        assertEquals(row, p.row(), p.toString());
        assertEquals(column, p.column(), p.toString());
        assertEquals("xlsform.problem." + key, p.key(), p.toString());
    }

    private static String english(XlsFormProblem p) {
        return p.message(BundledMessages.words(), "en");
    }

    @Test
    void repeat() {
        XlsFormProblem p = only(SampleForms.buurtpeilingWith(2, "type", "begin_repeat"));
        assertAt(p, "survey", 2, "A (type)", "repeat");
        assertEquals(Map.of("type", "begin_repeat"), p.args());
    }

    @Test
    void mediaColumn() {
        assertAt(only(SampleForms.buurtpeilingWithColumn("media::image::English (en)", 2, "welcome.png")),
                "survey", 2, "R (media::image::English (en))", "media");
        XlsFormProblem image = only(SampleForms.buurtpeilingWithColumn("image", 5, "kids.jpg"));
        assertAt(image, "survey", 5, "R (image)", "media");
        assertTrue(english(image).contains("remove 'kids.jpg'"), english(image));
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
        assertAt(p, "choices", 2, "B (name)", "choice_number");
        assertTrue(english(p).startsWith("choice name '1' is a number"), english(p));
        assertTrue(english(p).contains("'n1'"), english(p));
    }

    /** A condition in required ("${kinderen} = 'ja'") was taken as no, silently: the question could be skipped. */
    @Test
    void conditionalRequired() {
        XlsFormProblem p = only(SampleForms.buurtpeilingWith(4, "required", "${kinderen} = 'ja'"));
        assertAt(p, "survey", 4, "I (required)", "required_condition");
        assertTrue(english(p).startsWith("required is yes or no here, not a condition"), english(p));
    }

    /**
     * Columns that change how a question is asked were read past: a read_only question was still asked (and required),
     * a default filled nothing in, a required_message was never said. Each is refused at its cell with what happens
     * instead, so the author is not surprised by residents.
     */
    @Test
    void readOnlyDefaultAndRequiredMessageAreRefusedWhereUsed() {
        XlsFormProblem readOnly = only(SampleForms.buurtpeilingWithColumn("read_only", 4, "yes"));
        assertAt(readOnly, "survey", 4, "R (read_only)", "read_only");
        assertEquals("read_only ('yes') wordt niet ondersteund: een chat stelt de vraag toch, en eist een antwoord als ze"
                + " verplicht is; toon een vaste tekst met een note, of reken een waarde uit met calculate",
                readOnly.message(BundledMessages.words(), "nl"));
        assertAt(only(SampleForms.buurtpeilingWithColumn("read_only", 10, "${groot_gezin}")),
                "survey", 10, "R (read_only)", "read_only");

        XlsFormProblem value = only(SampleForms.buurtpeilingWithColumn("default", 13, "650"));
        assertAt(value, "survey", 13, "R (default)", "default");
        assertEquals("default ('650') is not supported: Samenspraak fills in no answer beforehand, a conversation asks"
                + " the question without one; remove the value", english(value));

        XlsFormProblem message = only(SampleForms.buurtpeilingWithColumn("required_message::English (en)", 4, "Please answer"));
        assertAt(message, "survey", 4, "R (required_message::English (en))", "required_message");
        assertTrue(english(message).contains("(\"This question needs an answer.\")"), english(message));
        assertAt(only(SampleForms.buurtpeilingWithColumn("required_message", 5, "Kies ja of nee")),
                "survey", 5, "R (required_message)", "required_message");
    }

    /**
     * pyxform's other names for the same columns are the same columns: a condition in {@code bind::relevant} was read
     * past (the question asked whatever the answers, unlike in Kobo), and {@code readonly} or
     * {@code bind::jr:requiredMsg} got through where {@code read_only} and {@code required_message} are refused.
     */
    @Test
    void pyxformsOtherNamesForAColumnAreThatColumn() throws Exception {
        String[] headers = SampleForms.SURVEY_HEADER.clone();
        int relevant = java.util.Arrays.asList(headers).indexOf("relevant");
        String canonical = XlsFormConverter.convert(XlsxSheets.read(new ByteArrayInputStream(SampleForms.buurtpeiling().bytes())),
                "form.xlsx", LANGUAGES, (l, k) -> k).flowYaml();
        headers[relevant] = "bind::relevant";
        XlsFormBuilder bound = new XlsFormBuilder().sheet("survey", headers, SampleForms.SURVEY)
                .sheet("choices", SampleForms.CHOICES_HEADER, SampleForms.CHOICES)
                .sheet("settings", SampleForms.SETTINGS_HEADER, SampleForms.SETTINGS);
        String viaBind = XlsFormConverter.convert(XlsxSheets.read(new ByteArrayInputStream(bound.bytes())), "form.xlsx",
                LANGUAGES, (l, k) -> k).flowYaml();
        assertTrue(canonical.contains("answers.kinderen == 'ja'"), "the sample form has its condition: " + canonical);
        assertEquals(canonical, viaBind, "the same conditions");

        assertAt(only(SampleForms.buurtpeilingWithColumn("readonly", 4, "yes")), "survey", 4, "R (readonly)", "read_only");
        assertAt(only(SampleForms.buurtpeilingWithColumn("bind::readonly", 4, "true()")), "survey", 4, "R (bind::readonly)", "read_only");
        assertAt(only(SampleForms.buurtpeilingWithColumn("bind::jr:requiredMsg::English (en)", 4, "Please answer")),
                "survey", 4, "R (bind::jr:requiredMsg::English (en))", "required_message");
    }

    /** Kobo exports every column it knows, mostly empty; read_only on a note says what a note is anyway. */
    @Test
    void thoseColumnsEmptyOrHarmlessAreAccepted() throws Exception {
        String[] extra = {"read_only", "default", "required_message", "required_message::Nederlands (nl)"};
        String[] headers = java.util.Arrays.copyOf(SampleForms.SURVEY_HEADER, SampleForms.SURVEY_HEADER.length + extra.length);
        System.arraycopy(extra, 0, headers, SampleForms.SURVEY_HEADER.length, extra.length);
        String[][] rows = new String[SampleForms.SURVEY.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOf(SampleForms.SURVEY[i], headers.length);
            java.util.Arrays.fill(rows[i], SampleForms.SURVEY_HEADER.length, headers.length, "");
        }
        rows[0][SampleForms.SURVEY_HEADER.length] = "yes"; // the welcome note
        rows[2][SampleForms.SURVEY_HEADER.length] = "no";
        XlsFormBuilder form = new XlsFormBuilder().sheet("survey", headers, rows)
                .sheet("choices", SampleForms.CHOICES_HEADER, SampleForms.CHOICES)
                .sheet("settings", SampleForms.SETTINGS_HEADER, SampleForms.SETTINGS);
        ImportedFlow flow = XlsFormConverter.convert(XlsxSheets.read(new ByteArrayInputStream(form.bytes())), "form.xlsx",
                LANGUAGES, (l, k) -> k);
        assertEquals("buurt-peiling", flow.id());
    }

    @Test
    void choiceFilter() {
        assertAt(only(SampleForms.buurtpeilingWithColumn("choice_filter", 8, "filter=${kinderen}")),
                "survey", 8, "R (choice_filter)", "choice_filter");
    }

    @Test
    void malformedRelevant() {
        XlsFormProblem syntax = only(SampleForms.buurtpeilingWith(6, "relevant", "${kinderen} = = 'ja'"));
        assertAt(syntax, "survey", 6, "J (relevant)", "xpath_invalid");
        assertEquals("'${kinderen} = = 'ja'' is not a valid XPath expression", english(syntax),
                "without JavaRosa's name for its own node, which told the admin nothing");
        XlsFormProblem unknown = only(SampleForms.buurtpeilingWith(6, "relevant", "${onbekend} = 'ja'"));
        assertAt(unknown, "survey", 6, "J (relevant)", "reference_unknown");
        assertEquals("${onbekend} is not a question or calculation above this row", english(unknown));
        assertEquals("${onbekend} is geen vraag of berekening boven deze rij", unknown.message(BundledMessages.words(), "nl"));
        assertAt(only(SampleForms.buurtpeilingWith(6, "relevant", "${aantal_kinderen} > 2")),
                "survey", 6, "J (relevant)", "reference_unknown");
        assertAt(only(SampleForms.buurtpeilingWith(6, "relevant", "jr:choice-name(${kinderen}, '${kinderen}') = 'Ja'")),
                "survey", 6, "J (relevant)", "function_unknown");
    }

    /**
     * A formula with a typing mistake was refused in JavaRosa's English with the form's inner path and a combining
     * character: "Couldn't understand the expression starting at this point: /data/hulp =\u034e'ja". The author reads
     * their own formula and the likely mistake in the page's language.
     */
    @Test
    void aFormulasLikelyMistakeIsSaidInTheAuthorsTerms() {
        XlsFormProblem unclosed = only(SampleForms.buurtpeilingWith(6, "relevant", "${kinderen} = 'ja"));
        assertAt(unclosed, "survey", 6, "J (relevant)", "formula_unclosed_quote");
        assertEquals("in '${kinderen} = 'ja' wordt een aanhalingsteken (') niet gesloten: een tekst staat tussen twee"
                + " aanhalingstekens, bijvoorbeeld 'ja'", unclosed.message(BundledMessages.words(), "nl"));

        XlsFormProblem curly = only(SampleForms.buurtpeilingWith(6, "relevant", "${kinderen} = \u2018ja\u2019"));
        assertAt(curly, "survey", 6, "J (relevant)", "formula_curly_quote");
        assertTrue(english(curly).startsWith("'${kinderen} = \u2018ja\u2019' has a curly quote (\u2018)"), english(curly));
        assertTrue(english(curly).contains("type ' or \""), english(curly));
        assertAt(only(SampleForms.buurtpeilingWith(6, "relevant", "${kinderen} = \u201cja\u201d")),
                "survey", 6, "J (relevant)", "formula_curly_quote");

        XlsFormProblem and = only(SampleForms.buurtpeilingWith(13, "relevant", "${kinderen} = 'ja' AND ${leeftijd} > 17"));
        assertAt(and, "survey", 13, "J (relevant)", "formula_capitals");
        assertEquals("in '${kinderen} = 'ja' AND ${leeftijd} > 17' staat AND: een formule kent alleen kleine letters,"
                + " schrijf and", and.message(BundledMessages.words(), "nl"));
        XlsFormProblem not = only(SampleForms.buurtpeilingWith(13, "relevant", "NOT(${kinderen} = 'nee')"));
        assertEquals(Map.of("expression", "NOT(${kinderen} = 'nee')", "word", "NOT", "lower", "not(...)"), not.args(),
                "JavaRosa took NOT() for an unknown function");
        assertEquals("xlsform.problem.formula_capitals",
                only(SampleForms.buurtpeilingWith(13, "relevant", "${kinderen} = 'ja' Or ${leeftijd} > 17")).key());

        XlsFormProblem dollar = only(SampleForms.buurtpeilingWith(6, "relevant", "$kinderen = 'ja'"));
        assertAt(dollar, "survey", 6, "J (relevant)", "formula_dollar");
        assertEquals("in '$kinderen = 'ja'' there is $kinderen: a question is named with curly brackets, write ${kinderen}",
                english(dollar), "JavaRosa took $kinderen for an XPath variable, said as {var:kinderen}");

        for (String brackets : List.of("(${kinderen} = 'ja'", "${kinderen} = 'ja')", "not(${kinderen} = 'ja'))(")) {
            assertAt(only(SampleForms.buurtpeilingWith(6, "relevant", brackets)), "survey", 6, "J (relevant)", "formula_brackets");
        }

        // what is quoted is the author's text: a curly quote, a capital AND or a bracket in it is no mistake
        // (compared with a text answer: a select's answer is only ever one of its choice names, see below)
        XlsFormBuilder quoted = SampleForms.buurtpeilingWith(11, "relevant",
                "${wens} = 'it\u2019s AND (' or ${wens} = \"$ja\"");
        String flow = XlsFormConverter.convert(XlsxSheets.read(new ByteArrayInputStream(quoted.bytes())),
                "form.xlsx", LANGUAGES, (l, k) -> k).flowYaml();
        assertTrue(flow.contains("answers.wens == 'it\u2019s AND ('") && flow.contains("answers.wens == '$ja'"), flow);
    }

    /**
     * A choice name a condition compares a select with must be one of its choices: selected(${onderwerpen}, 'scool')
     * was accepted and never held, so the question it made relevant was never asked, and nobody was told.
     */
    @Test
    void aMisspeltChoiceNameInAConditionIsSaidWithItsRowAndQuestion() {
        XlsFormProblem selected = only(SampleForms.buurtpeilingWith(10, "relevant", "selected(${onderwerpen}, 'scool')"));
        assertAt(selected, "survey", 10, "J (relevant)", "choice_unknown");
        assertEquals("${onderwerpen} heeft geen keuze 'scool', dus dit is nooit waar (de keuzes zijn: school, zorg, werk,"
                + " other); schrijf de naam van de keuze precies zoals in het blad choices",
                selected.message(BundledMessages.words(), "nl"));
        assertEquals("survey, row 10, column J (relevant): ${onderwerpen} has no choice 'scool', so this never holds (its"
                + " choices are: school, zorg, werk, other); write the choice's name exactly as on the choices sheet",
                selected.line(BundledMessages.words(), "en"));
        // a select_one compared with a name, a select_multiple with its names, and a name with a capital
        assertAt(only(SampleForms.buurtpeilingWith(6, "relevant", "${kinderen} = 'jaa'")), "survey", 6, "J (relevant)",
                "choice_unknown");
        assertAt(only(SampleForms.buurtpeilingWith(13, "relevant", "not('Nee' = ${kinderen}) and ${leeftijd} > 17")),
                "survey", 13, "J (relevant)", "choice_unknown");
        assertAt(only(SampleForms.buurtpeilingWith(10, "relevant", "${onderwerpen} = 'school werkk'")), "survey", 10,
                "J (relevant)", "choice_unknown");
        // "other" (or_other) is a choice; a text question compared with anything is no select
        XlsFormBuilder fine = SampleForms.buurtpeilingWith(10, "relevant", "selected(${onderwerpen}, 'other')");
        String flow = XlsFormConverter.convert(XlsxSheets.read(new ByteArrayInputStream(fine.bytes())),
                "form.xlsx", LANGUAGES, (l, k) -> k).flowYaml();
        assertTrue(flow.contains("'other' =~ answers.onderwerpen"), flow);
    }

    /**
     * A red flag's column says yes or no: "ja" was read as no without a word, so the flag was off and praise could stand
     * beside the answer it warns against (the probe of December 2026).
     */
    @Test
    void aFlagThatIsNeitherYesNorNoIsSaidAtItsRow() {
        XlsFormBuilder form = SampleForms.buurtpeiling().sheet("advice", new String[]{"name", "when", "flag",
                        "title::Nederlands (nl)", "title::English (en)", "title::العربية (ar)",
                        "text::Nederlands (nl)", "text::English (en)", "text::العربية (ar)"},
                row("bellen", "${kinderen} = 'ja'", "yes", "Bel", "Call", "اتصل", "Bel ons.", "Call us.", "اتصل بنا."),
                row("mailen", "${kinderen} = 'nee'", "ja", "Mail", "Mail", "راسل", "Mail ons.", "Mail us.", "راسلنا."),
                row("faxen", "${kinderen} = 'ja'", "no", "Fax", "Fax", "فاكس", "Fax ons.", "Fax us.", "أرسل فاكسًا."));
        XlsFormProblem flag = only(form);
        assertAt(flag, "advice", 3, "C (flag)", "flag");
        assertEquals("advice, row 3, column C (flag): flag is yes or no here ('ja'): yes makes the tip a red flag, which"
                + " keeps praise off its part of the score", flag.line(BundledMessages.words(), "en"));
    }

    /** A mistake no rule recognises is said as the author wrote it, without JavaRosa's English or the inner path. */
    @Test
    void anyOtherFormulaMistakeIsSaidWithoutJavaRosasWords() {
        for (String expression : List.of("${kinderen} = = 'ja'", "${kinderen} == 'ja'", "${kinderen} = ja'ja'", "${kinderen} ='ja' 'nee'",
                "${kinderen} = 'ja' & ${leeftijd} > 17", "${leeftijd} > 17;")) {
            XlsFormProblem p = only(SampleForms.buurtpeilingWith(6, "relevant", expression));
            assertAt(p, "survey", 6, "J (relevant)", "xpath_invalid");
            for (String language : LANGUAGES) {
                String said = p.line(BundledMessages.words(), language);
                assertTrue(said.contains("'" + expression + "'"), said);
                assertFalse(said.contains("/data/") || said.contains("Couldn't") || said.contains("\u034e")
                        || said.contains("org.javarosa"), said);
            }
            assertEquals("'" + expression + "' is geen geldige XPath-expressie", p.message(BundledMessages.words(), "nl"));
        }
    }

    @Test
    void locationsAndExternalLists() {
        assertAt(only(SampleForms.buurtpeilingWith(15, "type", "geopoint")), "survey", 15, "A (type)", "location");
        assertAt(only(SampleForms.buurtpeilingWith(15, "type", "select_one_from_file wijken.csv")),
                "survey", 15, "A (type)", "external");
        assertAt(only(SampleForms.buurtpeilingWith(15, "type", "barcode")), "survey", 15, "A (type)", "type_unknown");
    }

    @Test
    void constraintThatIsNoBound() {
        assertAt(only(SampleForms.buurtpeilingWith(4, "constraint", "regex(., '^[0-9]+$')")),
                "survey", 4, "K (constraint)", "constraint_bounds");
        XlsFormProblem strict = only(SampleForms.buurtpeilingWith(13, "constraint", ". > 0"));
        assertAt(strict, "survey", 13, "K (constraint)", "decimal_bound_strict");
        assertEquals("a decimal's bound is inclusive: write . >= or . <=, not . > or . <", english(strict));
    }

    @Test
    void missingTranslationNamesTheLanguageColumn() {
        XlsFormProblem p = only(SampleForms.buurtpeilingWith(10, "label::English (en)", ""));
        assertAt(p, "survey", 10, "D (label::English (en))", "missing_text");
        assertEquals("en", p.args().get("language"));
    }

    @Test
    void languageTheServiceDoesNotSpeak() {
        XlsFormBuilder form = new XlsFormBuilder()
                .sheet("survey", new String[]{"type", "name", "label::Nederlands (nl)", "label::Română (ro)"},
                        XlsFormBuilder.row("text", "naam", "Naam?", "Nume?"));
        XlsFormProblem p = only(form);
        assertAt(p, "survey", 1, "D (label::Română (ro))", "language_unknown");
        assertTrue(english(p).startsWith("Samenspraak does not speak 'ro' yet (it speaks ar, en, nl, pl, tr)"), english(p));
    }

    @Test
    void formWithoutDutch() {
        XlsFormBuilder form = new XlsFormBuilder()
                .sheet("survey", new String[]{"type", "name", "label::English (en)"}, XlsFormBuilder.row("text", "name", "Name?"));
        XlsFormProblem p = only(form);
        assertEquals("xlsform.problem.no_dutch", p.key());
        assertTrue(english(p).contains("label::Nederlands (nl)"), english(p));
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
                "survey, row 4, column B (name): name 'Wat?' must start with a letter and hold only letters, digits and '_' (at most 64 characters)",
                "survey, row 5, column A (type): repeats (end_repeat) are not supported: a conversation asks each question once"),
                problems.stream().map(p -> p.line(BundledMessages.words(), "en")).toList());
        assertEquals(List.of("survey, rij 3, kolom A (type): herhalingen (begin_repeat) worden niet ondersteund: een gesprek stelt elke vraag één keer",
                "survey, rij 4, kolom B (name): name 'Wat?' moet met een letter beginnen en mag alleen letters, cijfers en '_' bevatten (hoogstens 64 tekens)",
                "survey, rij 5, kolom A (type): herhalingen (end_repeat) worden niet ondersteund: een gesprek stelt elke vraag één keer"),
                problems.stream().map(p -> p.line(BundledMessages.words(), "nl")).toList());
    }

    /** The command line and the exception say the problems in English, from the same words as the admin page. */
    @Test
    void theRefusalsMessageIsEnglishFromTheLocaleFile() {
        XlsFormRefused e = assertThrows(XlsFormRefused.class, () -> XlsFormConverter.convert(Map.of(), "leeg.xlsx",
                LANGUAGES, (l, k) -> k));
        assertEquals("workbook: there is no sheet named 'survey'", e.getMessage());
        assertEquals("werkmap: er is geen blad met de naam 'survey'", e.problems().get(0).line(BundledMessages.words(), "nl"));
        // a value is said as it is, not escaped for a page
        XlsFormProblem quoted = new XlsFormProblem("survey", 3, null, "xlsform.problem.name_invalid", Map.of("name", "<a & 'b'>"));
        assertEquals("survey, row 3: name '<a & 'b'>' must start with a letter and hold only letters, digits and '_' (at most 64 characters)",
                quoted.line(BundledMessages.words(), "en"));
    }

    @Test
    void notASpreadsheet() {
        XlsFormRefused e = assertThrows(XlsFormRefused.class, () -> XlsxSheets.read(new ByteArrayInputStream("hello".getBytes())));
        assertEquals("workbook: this is not an .xlsx spreadsheet that can be read; save the file as an Excel workbook (.xlsx)"
                + " and try again", e.getMessage().lines().findFirst().orElseThrow(), "what to do, not a Java exception's name");
        assertEquals(null, e.problems().get(0).sheet(), "the workbook as a whole");
        saidInEveryLanguage(e.problems().get(0));
    }
}
