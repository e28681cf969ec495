package nl.samenspraak.xlsform;

import nl.samenspraak.flow.load.BundledMessages;
import nl.samenspraak.flow.load.DataFiles;
import nl.samenspraak.flow.load.InvalidFlowsException;
import nl.samenspraak.flow.load.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static nl.samenspraak.xlsform.XlsFormBuilder.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spreadsheets the converter takes but whose flow the flow loader refuses: each problem is pointed at the sheet, row
 * and column the part of the flow came from, never at the generated file's line. Found by trying what gets past the
 * converter: settings out of range, a question before the consent or a second consent, an advice rule suppressing
 * an unknown one, a condition naming an unknown score, a text naming an unknown reference, a constraint whose bounds
 * the step can't have, an exclusive option of a select_one, benchmark figures that don't add up, a message key the
 * service lacks. (A step no way reaches, or a loop, can't be made: the converter only skips ahead.)
 */
class FlowProblemsTest {
    private static final String[] SURVEY = {"type", "name", "label::Nederlands (nl)", "label::English (en)",
            "hint::Nederlands (nl)", "hint::English (en)", "relevant", "constraint", "consent"};
    private static final String[] CHOICES = {"list_name", "name", "label::Nederlands (nl)", "label::English (en)", "exclusive"};
    private static final String[] SETTINGS = {"form_id", "form_title"};
    private static XlsFormImport importer;

    @BeforeAll
    static void service() {
        importer = new XlsFormImport(DataFiles.readBundled("flows"), DataFiles.readBundled("locales"));
    }

    /** A survey in Dutch and English: a name, then {@code rows}; a choices list abc (a, b, c); settings. */
    private static XlsFormBuilder form(String[]... rows) {
        String[][] survey = new String[rows.length + 1][];
        survey[0] = row("text", "naam", "Naam?", "Name?", "", "", "", "", "");
        System.arraycopy(rows, 0, survey, 1, rows.length);
        return new XlsFormBuilder().sheet("survey", SURVEY, survey)
                .sheet("choices", CHOICES, row("abc", "a", "A", "A", ""), row("abc", "b", "B", "B", ""),
                        row("abc", "c", "C", "C", ""))
                .sheet("settings", SETTINGS, row("herkomst", "Herkomst"));
    }

    /** What the loader finds in the flow {@code form} makes, as the admin is shown it. */
    private static List<XlsFormProblem> problems(XlsFormBuilder form) {
        ImportedFlow imported = importer.read(new ByteArrayInputStream(form.bytes()), "herkomst.xlsx");
        InvalidFlowsException e = assertThrows(InvalidFlowsException.class, () -> importer.check(imported));
        List<XlsFormProblem> problems = FlowProblems.inSpreadsheet(e.problems(), imported, "herkomst.xlsx");
        for (XlsFormProblem p : problems) {
            for (String language : List.of("nl", "en", "ar", "pl", "tr")) {
                String line = p.line(BundledMessages.words(), language);
                assertFalse(line.contains(p.key()) || line.contains("flows/herkomst.yaml") || line.contains("\\"),
                        language + ": " + line);
            }
        }
        return problems;
    }

    private static XlsFormProblem only(XlsFormBuilder form) {
        List<XlsFormProblem> problems = problems(form);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static XlsFormProblem withKey(List<XlsFormProblem> problems, String key) {
        return problems.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " in " + problems));
    }

    private static void assertAt(XlsFormProblem p, String sheet, int row, String column, String key) {
        assertEquals(key, p.key(), p.toString());
        assertEquals(sheet, p.sheet(), p.toString());
        assertEquals(row, p.row(), p.toString());
        assertEquals(column, p.column(), p.toString());
    }

    /** A form_id longer than the database keeps (64) is a problem at its column, not a 500 when the form is published. */
    @Test
    void aFormIdLongerThanTheDatabaseKeepsIsAProblem() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class, () -> importer.read(new ByteArrayInputStream(
                form().sheet("settings", SETTINGS, row("x".repeat(65), "Lang")).bytes()), "lang.xlsx"));
        assertAt(withKey(refused.problems(), "xlsform.problem.form_id"), "settings", 2, "A (form_id)", "xlsform.problem.form_id");
        assertEquals("x".repeat(64), importer.read(new ByteArrayInputStream(
                form().sheet("settings", SETTINGS, row("x".repeat(64), "Lang")).bytes()), "lang.xlsx").id(), "64 characters fit");
    }

    /**
     * A question's name is stored with every answer (100 characters): one of 308 was accepted, then failed its
     * publishing, every answer and every start of the service after. Now a problem at its cell, in every language.
     */
    @Test
    void aQuestionNameLongerThanAnAnswerKeepsIsAProblemAtItsCell() {
        String name = "leeftijd" + "x".repeat(300);
        XlsFormRefused refused = assertThrows(XlsFormRefused.class, () -> importer.read(new ByteArrayInputStream(
                form(row("integer", name, "Leeftijd?", "Age?", "", "", "", "", "")).bytes()), "lang.xlsx"));
        XlsFormProblem problem = withKey(refused.problems(), "xlsform.problem.name_invalid");
        assertAt(problem, "survey", 3, "B (name)", "xlsform.problem.name_invalid");
        assertTrue(problem.line(BundledMessages.words(), "nl").contains("hoogstens 64 tekens"), problem.line(BundledMessages.words(), "nl"));
        String fits = "l" + "x".repeat(63);
        assertTrue(importer.read(new ByteArrayInputStream(form(row("integer", fits, "Leeftijd?", "Age?", "", "", "", "", ""))
                .bytes()), "lang.xlsx").flowYaml().contains(fits), "64 characters fit");
    }

    /** The settings the loader checks, each at its column (as before origins); a retention part first in its mapping too. */
    @Test
    void aSettingIsPointedAtItsColumn() {
        XlsFormBuilder form = form().sheet("settings", new String[]{"form_id", "retention_unfinished", "minimum_group_size",
                        "bands_middle", "bands_high", "retention_finished", "audience"},
                row("herkomst", "0d", "5000", "80", "50", "altijd", "bewoner"));
        List<XlsFormProblem> problems = problems(form);
        assertAt(withKey(problems, "flowparse.retention_unfinished"), "settings", 2, "B (retention_unfinished)",
                "flowparse.retention_unfinished");
        XlsFormProblem k = withKey(problems, "xlsform.problem.minimum_group_size");
        assertAt(k, "settings", 2, "C (minimum_group_size)", "xlsform.problem.minimum_group_size");
        assertEquals("settings, rij 2, kolom C (minimum_group_size): minimum_group_size moet een geheel getal van 1 tot en met"
                + " 1000 zijn", k.line(BundledMessages.words(), "nl"), "the column the admin typed it in, not the flow file's field");
        XlsFormProblem bands = withKey(problems, "xlsform.problem.bands_order");
        assertAt(bands, "settings", 2, "D (bands_middle), E (bands_high)", "xlsform.problem.bands_order");
        assertEquals("bij bands_middle en bands_high moet gelden 0 <= bands_middle < bands_high <= 100, niet 80 en 50",
                bands.message(BundledMessages.words(), "nl"));
        XlsFormProblem duration = withKey(problems, "flowparse.duration_or_word");
        assertAt(duration, "settings", 2, "F (retention_finished)", "flowparse.duration_or_word");
        assertEquals(Map.of("part", "finished", "word", "forever", "value", "altijd"), duration.args());
        assertAt(withKey(problems, "flowparse.audience"), "settings", 2, "G (audience)", "flowparse.audience");
        assertEquals(5, problems.size(), problems.toString());
    }

    /**
     * A select of more options than a step may have (50: a Telegram chat keeps the ticked ones in a bounded column) is
     * the loader's own problem, pointed at the choices row of the one too many, in the admin's language.
     */
    @Test
    void aSelectOfMoreOptionsThanAStepMayHaveIsPointedAtTheOneTooMany() {
        String[][] choices = new String[51][];
        for (int i = 0; i < 51; i++) {
            choices[i] = row("veel", "o" + (i + 1), "Optie " + (i + 1), "Option " + (i + 1), "");
        }
        XlsFormProblem p = only(form(row("select_multiple veel", "keuzes", "Welke?", "Which?", "", "", "", "", ""))
                .sheet("choices", CHOICES, choices));
        assertAt(p, "choices", 52, null, "flowparse.too_many_options");
        assertEquals("choices, rij 52: stap 'keuzes' heeft hoogstens 50 opties: 'o51' is er één te veel",
                p.line(BundledMessages.words(), "nl"));
        String[][] fifty = java.util.Arrays.copyOf(choices, 50);
        importer.check(importer.read(new ByteArrayInputStream(form(row("select_multiple veel", "keuzes", "Welke?", "Which?",
                "", "", "", "", "")).sheet("choices", CHOICES, fifty).bytes()), "herkomst.xlsx"));
    }

    @Test
    void aQuestionBeforeTheConsentIsPointedAtItsRow() {
        XlsFormProblem p = only(form(row("acknowledge", "toestemming", "Mag dat?", "May we?", "", "", "", "", "yes")));
        assertAt(p, "survey", 2, null, "flowcheck.before_consent");
        assertEquals(Map.of("step", "naam", "consent", "toestemming"), p.args());
        assertEquals("survey, row 2: step 'naam' asks something before consent ('toestemming')",
                p.line(BundledMessages.words(), "en"));
    }

    @Test
    void aSecondConsentIsPointedAtItsRow() {
        List<XlsFormProblem> problems = problems(new XlsFormBuilder().sheet("survey", SURVEY,
                        row("acknowledge", "eerste", "Mag dat?", "May we?", "", "", "", "", "yes"),
                        row("acknowledge", "tweede", "Echt?", "Really?", "", "", "", "", "yes"))
                .sheet("settings", SETTINGS, row("herkomst", "Herkomst")));
        assertAt(withKey(problems, "flowcheck.consent_twice"), "survey", 3, null, "flowcheck.consent_twice");
    }

    @Test
    void anAdviceRuleIsPointedAtItsRowAndItsCondition() {
        XlsFormBuilder form = form().sheet("advice", new String[]{"name", "when", "suppresses", "title::Nederlands (nl)",
                        "title::English (en)", "text::Nederlands (nl)", "text::English (en)"},
                row("bellen", "${naam} = 'x'", "", "Bel", "Call", "Bel ons.", "Call us."),
                row("mailen", "${naam} = 'y'", "faxen", "Mail", "Mail", "Mail ons.", "Mail us."),
                row("scoren", "score('kennis') < 50", "", "Leer", "Learn", "Lees.", "Read."));
        List<XlsFormProblem> problems = problems(form);
        XlsFormProblem suppresses = withKey(problems, "flowparse.suppresses_unknown");
        assertAt(suppresses, "advice", 3, null, "flowparse.suppresses_unknown");
        assertEquals(Map.of("advice", "mailen", "other", "faxen"), suppresses.args());
        assertAt(withKey(problems, "flowparse.condition_dimension_unknown"), "advice", 4, "B (when)",
                "flowparse.condition_dimension_unknown");
    }

    /** A step's way there asks its relevance, written in the step before it: pointed at the relevance's own cell. */
    @Test
    void aWayOutIsPointedAtTheRelevanceItAsks() {
        XlsFormProblem own = only(form(row("text", "later", "Later?", "Later?", "", "", "score('kennis') > 5", "", "")));
        assertAt(own, "survey", 3, "G (relevant)", "flowparse.condition_dimension_unknown");

        List<XlsFormProblem> group = problems(form(
                row("begin_group", "groep", "Groep", "Group", "", "", "score('kennis') > 5", "", ""),
                row("text", "binnen", "Binnen?", "Inside?", "", "", "", "", ""),
                row("end_group", "", "", "", "", "", "", "", "")));
        assertFalse(group.isEmpty());
        group.forEach(p -> assertAt(p, "survey", 3, "G (relevant)", "flowparse.condition_dimension_unknown"));
    }

    /** A text is pointed at the row and the language's column it came from; a step's text with a hint at both. */
    @Test
    void aTextWithAnUnknownReferenceIsPointedAtItsLanguagesColumn() {
        XlsFormProblem label = only(form(row("text", "buurt", "Hoe heet je buurt?", "Which part of ${team.stad}?", "", "", "", "", "")));
        assertAt(label, "survey", 3, "D (label::English (en))", "xlsform.problem.label_reference_unknown");
        assertEquals("${team.stad}", label.args().get("reference"));
        // in the admin's words: the name as they wrote it, not the flow file's text key nor Velocity's $name
        assertEquals("${team.stad} is not a question above this row: a text can only name the answer to an earlier"
                + " question (not yet a calculate)", label.message(BundledMessages.words(), "en"));
        XlsFormProblem typo = only(form(row("text", "wens", "Wat wenst u, ${nam}?", "Your wish?", "", "", "", "", "")));
        assertEquals("${nam}", typo.args().get("reference"), typo.toString());

        XlsFormProblem hint = only(form(row("text", "buurt", "Buurt?", "Part?", "Bij ${team.stad}", "", "", "", "")));
        assertAt(hint, "survey", 3, "C (label::Nederlands (nl)), E (hint::Nederlands (nl))", "xlsform.problem.label_reference_unknown");

        XlsFormProblem option = only(form(row("select_one abc", "keuze", "Welke?", "Which?", "", "", "", "", ""))
                .sheet("choices", CHOICES, row("abc", "a", "A", "A", ""), row("abc", "b", "B van ${team.stad}", "B", "")));
        assertAt(option, "choices", 3, "C (label::Nederlands (nl))", "xlsform.problem.label_reference_unknown");

        XlsFormProblem tip = only(form().sheet("advice", new String[]{"name", "when", "title::Nederlands (nl)",
                        "title::English (en)", "text::Nederlands (nl)", "text::English (en)"},
                row("bellen", "${naam} = 'x'", "Bel", "Call", "Bel ${team.telefoonnummer}.", "Call us.")));
        assertAt(tip, "advice", 2, "E (text::Nederlands (nl))", "xlsform.problem.label_reference_unknown");
    }

    /**
     * A question about origin is refused at its cell, in the admin's words, saying what to ask instead: a
     * municipality's form with "In welk land bent u geboren?" and "What is your ethnic background?" was published, its
     * answers kept and counted.
     */
    @Test
    void aQuestionAboutOriginIsRefusedAtItsCell() {
        XlsFormProblem born = only(form(row("text", "land", "In welk land bent u geboren?", "Which town?", "", "", "", "", "")));
        assertAt(born, "survey", 3, "C (label::Nederlands (nl))", "flowcheck.asks_origin");
        assertTrue(born.line(BundledMessages.words(), "nl").contains("Samenspraak vraagt en bewaart geen geboorteland"),
                born.line(BundledMessages.words(), "nl"));
        XlsFormProblem ethnic = only(form(row("text", "achtergrond", "Uw achtergrond?", "What is your ethnic background?", "", "", "", "", "")));
        assertAt(ethnic, "survey", 3, "D (label::English (en))", "flowcheck.asks_origin");
    }

    /**
     * The origin question asked around its question's label, as the second XLSForm probe published it: in a group's
     * title above a bare "Antwoord:", in a note, in an option, and with a no-break space pasted from Word in the label
     * itself; the answer "Marokko" was kept. A note that says origin is never asked passes, as the bundled welcomes do.
     */
    @Test
    void aQuestionAboutOriginIsRefusedInAGroupTitleANoteAnOptionAndAsPasted() {
        XlsFormProblem group = only(form(row("begin_group", "g", "In welk land bent u geboren?", "Your town", "", "", "", "", ""),
                row("text", "antwoord", "Antwoord:", "Answer:", "", "", "", "", ""), row("end_group", "", "", "", "", "", "", "", "")));
        assertAt(group, "survey", 3, "C (label::Nederlands (nl))", "flowcheck.asks_origin");
        XlsFormProblem note = only(form(row("note", "uitleg", "Fijn dat u meedoet. Wat is uw migratieachtergrond? Schrijf het hieronder.",
                "Thank you.", "", "", "", "", ""), row("text", "antwoord", "Antwoord:", "Answer:", "", "", "", "", "")));
        assertAt(note, "survey", 3, "C (label::Nederlands (nl))", "flowcheck.asks_origin");
        XlsFormProblem pasted = only(form(row("text", "land", "In welk\u00a0land bent u gebo\u00adren?", "Your town?", "", "", "", "", "")));
        assertAt(pasted, "survey", 3, "C (label::Nederlands (nl))", "flowcheck.asks_origin");
        XlsFormProblem option = only(form(row("select_one abc", "keuze", "Kies er een", "Choose one", "", "", "", "", ""))
                .sheet("choices", CHOICES, row("abc", "a", "Bent u in Nederland geboren?", "A", ""), row("abc", "b", "B", "B", "")));
        assertAt(option, "choices", 2, "C (label::Nederlands (nl))", "flowcheck.asks_origin");

        ImportedFlow says = importer.read(new ByteArrayInputStream(form(row("note", "uitleg",
                "We vragen niet naar uw afkomst of nationaliteit. Wat u zegt, blijft anoniem.", "We do not ask your origin.",
                "", "", "", "", "")).bytes()), "herkomst.xlsx");
        importer.check(says);
    }

    /**
     * A resident form is refused without a consent step and with "dashboard: record", each at its settings cell: the
     * privacy probe published one that kept answers from the first question and showed each resident's, dated, to
     * every manager of the team.
     */
    @Test
    void aResidentFormWithoutConsentOrAsARecordIsRefusedAtItsSettings() {
        List<XlsFormProblem> refused = problems(form().sheet("settings", new String[]{"form_id", "form_title", "audience", "dashboard"},
                row("herkomst", "Herkomst", "resident", "record")));
        assertEquals(2, refused.size(), refused.toString());
        assertAt(withKey(refused, "flowparse.asked_without_consent"), "settings", 2, "C (audience)", "flowparse.asked_without_consent");
        assertAt(withKey(refused, "flowparse.record_of_a_person"), "settings", 2, "D (dashboard)", "flowparse.record_of_a_person");
        assertEquals("settings, rij 2, kolom C (audience): bewoners en cliënten geven eerst toestemming: zet vóór de eerste vraag"
                + " een stap met consent (ja of nee), want vóór hun ja wordt niets bewaard",
                withKey(refused, "flowparse.asked_without_consent").line(BundledMessages.words(), "nl"));
    }

    /**
     * A label with a mark that hides the rest is refused at its cell, saying the mark: "Kies ##2 of 3: hoe heet je?"
     * reached the chat as "Kies" (Velocity's comment), and "A #* b *# C" as "A C".
     */
    @Test
    void aMarkThatHidesTheRestOfALabelIsRefusedAtItsCell() {
        for (String[] label : List.of(new String[]{"Kies ##2 of 3: hoe heet je?", "##"}, new String[]{"A #* b *# C", "#*"},
                new String[]{"X #[[ruw]]# Y", "#[["})) {
            XlsFormProblem p = only(form(row("text", "vraag", label[0], "Question?", "", "", "", "", "")));
            assertAt(p, "survey", 3, "C (label::Nederlands (nl))", "flowcheck.text_comment");
            assertTrue(p.line(BundledMessages.words(), "nl").endsWith("met '" + label[1] + "' begint een stuk dat niet getoond"
                    + " wordt, zodat de rest van de tekst wegvalt; schrijf hem zonder '" + label[1] + "'"), p.line(BundledMessages.words(), "nl"));
        }
    }

    /**
     * A problem is said once, where it is, without false ones after it: a question of an unknown type also got "the form
     * asks nothing: the survey sheet has no questions", a list whose choices were each refused for their names "there is
     * no list on the choices sheet", and a list with a choice twice "needs at least two choices" (the upload probe).
     */
    @Test
    void aRefusedRowBringsNoFalseProblemsAfterIt() {
        XlsFormRefused unknownType = assertThrows(XlsFormRefused.class, () -> importer.read(new ByteArrayInputStream(
                new XlsFormBuilder().sheet("survey", SURVEY, row("tekst", "vraag", "Vraag?", "Question?", "", "", "", "", ""))
                        .sheet("settings", SETTINGS, row("herkomst", "Herkomst")).bytes()), "herkomst.xlsx"));
        assertEquals(List.of("xlsform.problem.type_unknown"), unknownType.problems().stream().map(XlsFormProblem::key).toList(),
                unknownType.problems().toString());

        XlsFormRefused numbered = assertThrows(XlsFormRefused.class, () -> importer.read(new ByteArrayInputStream(
                form(row("select_one lijst", "keuze", "Kies", "Choose", "", "", "", "", ""))
                        .sheet("choices", CHOICES, row("lijst", "1", "Een", "One", ""), row("lijst", "Twee", "Twee", "Two", "")).bytes()),
                "herkomst.xlsx"));
        assertEquals(List.of("xlsform.problem.choice_number", "xlsform.problem.choice_name"),
                numbered.problems().stream().map(XlsFormProblem::key).toList(), numbered.problems().toString());

        XlsFormRefused twice = assertThrows(XlsFormRefused.class, () -> importer.read(new ByteArrayInputStream(
                form(row("select_one janee", "keuze", "Kies", "Choose", "", "", "", "", ""))
                        .sheet("choices", CHOICES, row("janee", "ja", "Ja", "Yes", ""), row("janee", "ja", "Ja", "Yes", "")).bytes()),
                "herkomst.xlsx"));
        assertEquals(List.of("xlsform.problem.choice_twice"), twice.problems().stream().map(XlsFormProblem::key).toList(),
                twice.problems().toString());
    }

    /** show_scores and demo are yes or no: "misschien" was taken as no without a word. */
    @Test
    void aYesOrNoSettingThatSaysNeitherIsAProblemAtItsCell() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class, () -> importer.read(new ByteArrayInputStream(
                form().sheet("settings", new String[]{"form_id", "form_title", "show_scores", "demo"},
                        row("herkomst", "Herkomst", "misschien", "ja")).bytes()), "herkomst.xlsx"));
        assertEquals(2, refused.problems().size(), refused.problems().toString());
        assertAt(refused.problems().get(0), "settings", 2, "C (show_scores)", "xlsform.problem.yes_or_no");
        assertAt(refused.problems().get(1), "settings", 2, "D (demo)", "xlsform.problem.yes_or_no");
        assertEquals("settings, rij 2, kolom C (show_scores): show_scores is yes of no, niet 'misschien'",
                refused.problems().get(0).line(BundledMessages.words(), "nl"));
        importer.read(new ByteArrayInputStream(form().sheet("settings", new String[]{"form_id", "form_title", "show_scores", "demo"},
                row("herkomst", "Herkomst", "no", "")).bytes()), "herkomst.xlsx");
    }

    /**
     * Without a settings sheet the form's id is made of its file's name: "Mijn Vragenlijst (v2).xlsx" was refused as an
     * id that "must start with a letter", pointing at a settings sheet the form did not have; a name of which no id can
     * be made says so.
     */
    @Test
    void withoutAFormIdTheFilesNameBecomesTheId() {
        XlsFormBuilder noSettings = new XlsFormBuilder().sheet("survey", SURVEY, row("text", "naam", "Naam?", "Name?", "", "", "", "", ""));
        assertEquals("mijn-vragenlijst-v2", importer.read(new ByteArrayInputStream(noSettings.bytes()), "Mijn Vragenlijst (v2).xlsx").id());
        assertEquals("vragenlijst-u-e", importer.read(new ByteArrayInputStream(noSettings.bytes()), "vragenlijst-ü-é-漢字.xlsx").id());
        XlsFormRefused refused = assertThrows(XlsFormRefused.class, () -> importer.read(new ByteArrayInputStream(noSettings.bytes()), "漢字.xlsx"));
        assertEquals(List.of("xlsform.problem.form_id_from_file"), refused.problems().stream().map(XlsFormProblem::key).toList());
        assertTrue(refused.problems().get(0).line(BundledMessages.words(), "nl").contains("zet een form_id in het blad settings"),
                refused.problems().get(0).line(BundledMessages.words(), "nl"));
    }

    /** A column named twice on a sheet is a problem at the second: of two Dutch labels the last counted, unsaid. */
    @Test
    void aColumnTwiceOnASheetIsAProblemAtTheSecond() {
        String[] twice = {"type", "name", "label::Nederlands (nl)", "label::English (en)", "label::Nederlands (nl)"};
        XlsFormRefused refused = assertThrows(XlsFormRefused.class, () -> importer.read(new ByteArrayInputStream(
                new XlsFormBuilder().sheet("survey", twice, row("text", "naam", "Naam?", "Name?", "Uw naam?"))
                        .sheet("settings", SETTINGS, row("herkomst", "Herkomst")).bytes()), "herkomst.xlsx"));
        assertEquals(1, refused.problems().size(), refused.problems().toString());
        assertAt(refused.problems().get(0), "survey", 1, "E (label::Nederlands (nl))", "xlsform.problem.column_twice");
        assertEquals("survey, rij 1, kolom E (label::Nederlands (nl)): kolom 'label::Nederlands (nl)' staat twee keer in dit blad"
                + " (ook in kolom C): welke geldt, is niet te zeggen; haal er een weg", refused.problems().get(0).line(BundledMessages.words(), "nl"));
    }

    /** max_tips, like minimum_group_size, is named as the settings sheet's column, not as the flow file's maxTips. */
    @Test
    void maxTipsIsNamedByItsColumn() {
        XlsFormProblem p = only(form().sheet("settings", new String[]{"form_id", "max_tips"}, row("herkomst", "500")));
        assertAt(p, "settings", 2, "B (max_tips)", "xlsform.problem.max_tips");
        assertEquals("max_tips must be a whole number from 1 to 100", p.message(BundledMessages.words(), "en"));
    }

    /**
     * A hostile or broken label is refused at its cell in the admin's language, never as "not an .xlsx" nor in Velocity's
     * English: brackets nested deeper than Velocity's parser has stack for, a null on the way to a value, an index.
     */
    @Test
    void aLabelVelocityCannotRenderIsAProblemAtItsCellInTheAdminsWords() {
        String deep = "#if(" + "(".repeat(4_900) + "1" + ")".repeat(4_900) + ")x#end";
        XlsFormProblem tooDeep = only(form(row("text", "diep", deep, "Deep?", "", "", "", "", "")));
        assertAt(tooDeep, "survey", 3, "C (label::Nederlands (nl))", "flowcheck.text_too_deep");
        assertEquals("survey, rij 3, kolom C (label::Nederlands (nl)): tekst 'steps.diep.text' is niet te tonen: er staan te veel"
                + " #if's of haakjes in elkaar, of te veel tekens als !, && of + in één uitdrukking", tooDeep.line(BundledMessages.words(), "nl"));

        for (String label : List.of("Hallo #if($answers.x.y.z)jij#end", "Hallo $answers['x']", "#if([1..9].size() > 1)a#end")) {
            XlsFormProblem p = only(form(row("text", "kapot", "Kapot?", label, "", "", "", "", "")));
            assertAt(p, "survey", 3, "D (label::English (en))", "xlsform.problem.text_unrenderable");
            assertEquals(Map.of(), p.args(), "no Velocity words to pass on");
            assertEquals("survey, rij 3, kolom D (label::English (en)): deze tekst is niet te tonen: een tekst gebruikt alleen"
                    + " antwoorden op vragen erboven en #if, #elseif, #else en #end; kijk na wat er met $ of # begint",
                    p.line(BundledMessages.words(), "nl"), label);
        }
    }

    /**
     * A condition nested deeper than a form needs (the spreadsheet's XPath, or the flow's condition the converter writes
     * from it, a bracket for each "and") is a problem at its cell in the admin's language, not a StackOverflowError (a 500).
     */
    @Test
    void aConditionNestedTooDeeplyIsAProblemAtItsCell() {
        String brackets = "(".repeat(4_900) + "${naam} = 'x'" + ")".repeat(4_900);
        XlsFormRefused refused = assertThrows(XlsFormRefused.class, () -> importer.read(new ByteArrayInputStream(
                form(row("text", "later", "Later?", "Later?", "", "", brackets, "", "")).bytes()), "herkomst.xlsx"));
        assertEquals(List.of(new XlsFormProblem("survey", 3, "G (relevant)", "xlsform.problem.condition_too_deep", Map.of())),
                refused.problems());
        assertEquals("survey, rij 3, kolom G (relevant): deze voorwaarde staat te diep in elkaar (haakjes, not() of and/or"
                + " binnen elkaar); schrijf haar eenvoudiger, of splits haar over een calculate",
                refused.problems().get(0).line(BundledMessages.words(), "nl"));

        String ands = "${naam}" + " and ${naam}".repeat(150);
        XlsFormProblem chain = only(form(row("text", "later", "Later?", "Later?", "", "", ands, "", "")));
        assertAt(chain, "survey", 3, "G (relevant)", "flowparse.condition_too_deep");
        assertEquals("survey, rij 3, kolom G (relevant): een voorwaarde staat te diep in elkaar (haakjes, ! of && en || binnen"
                + " elkaar); schrijf haar eenvoudiger", chain.line(BundledMessages.words(), "nl"));
    }

    /**
     * A constraint nested deeper than a form needs is refused at its cell by how it is written, the same on every thread:
     * judged by running out of stack, 101 brackets were taken, and 4,900 refused on a thread of 256 kB but taken on a
     * larger one.
     */
    @Test
    void aConstraintNestedTooDeeplyIsAProblemAtItsCellOnEveryThread() {
        String inside = ". <= " + "(".repeat(100) + "5" + ")".repeat(100);
        ImportedFlow taken = importer.read(new ByteArrayInputStream(
                form(row("integer", "aantal", "Hoeveel?", "How many?", "", "", "", inside, "")).bytes()), "herkomst.xlsx");
        assertTrue(taken.flowYaml().contains("max: 5"), taken.flowYaml());

        java.util.function.IntFunction<Object> refusal = n -> {
            String deep = ". <= " + "(".repeat(n) + "5" + ")".repeat(n);
            byte[] bytes = form(row("integer", "aantal", "Hoeveel?", "How many?", "", "", "", deep, "")).bytes();
            return assertThrows(XlsFormRefused.class, () -> importer.read(new ByteArrayInputStream(bytes), "herkomst.xlsx"))
                    .problems();
        };
        List<XlsFormProblem> refused = List.of(new XlsFormProblem("survey", 3, "H (constraint)", "xlsform.problem.condition_too_deep", Map.of()));
        assertEquals(refused, refusal.apply(101));
        Object large = nl.samenspraak.support.OnStack.run(nl.samenspraak.support.OnStack.LARGE, () -> refusal.apply(4_900));
        assertEquals(refused, large, "refused on a large stack");
        assertEquals(large, nl.samenspraak.support.OnStack.run(nl.samenspraak.support.OnStack.SMALL, () -> refusal.apply(4_900)), "and on a small one");
    }

    /** A bound the step can't have is pointed at the constraint that set it, or at the row when the step's whole is wrong. */
    @Test
    void aConstraintTheStepCantHaveIsPointedAtItsRow() {
        assertAt(only(form(row("text", "kort", "Kort?", "Short?", "", "", "", "string-length(.) <= 0", ""))),
                "survey", 3, "H (constraint)", "flowparse.max_length");
        assertAt(only(form(row("text", "lang", "Lang?", "Long?", "", "", "", "string-length(.) <= 300000", ""))),
                "survey", 3, "H (constraint)", "flowparse.max_length");
        assertAt(only(form(row("select_multiple abc", "veel", "Welke?", "Which?", "", "", "", "count-selected(.) <= 5", ""))),
                "survey", 3, null, "flowparse.multi_bounds");
    }

    /** Said at the step's first option, but about the list: pointed at the type cell that names the list. */
    @Test
    void anExclusiveOptionOfASelectOneIsPointedAtItsType() {
        XlsFormProblem p = only(form(row("select_one abc", "keuze", "Welke?", "Which?", "", "", "", "", ""))
                .sheet("choices", CHOICES, row("abc", "a", "A", "A", ""), row("abc", "geen", "Geen", "None", "yes")));
        assertAt(p, "survey", 3, "A (type)", "flowparse.exclusive_type");
    }

    @Test
    void aBenchmarkIsPointedAtItsRows() {
        String[] header = {"question", "category", "figure", "of", "percent", "source", "label::Nederlands (nl)", "label::English (en)"};
        List<XlsFormProblem> problems = problems(form(row("select_one abc", "keuze", "Welke?", "Which?", "", "", "", "", ""))
                .sheet("benchmarks", header,
                        row("keuze", "", "", "10", "", "CBS 2024", "Landelijk", "Nationally"),
                        row("keuze", "a", "12", "", "", "", "A", "A"),
                        row("keuze", "Hoog", "8", "", "", "", "Hoog", "High")));
        assertAt(withKey(problems, "flowparse.benchmark_category"), "benchmarks", 4, null, "flowparse.benchmark_category");
        assertAt(withKey(problems, "flowparse.benchmark_sum"), "benchmarks", 2, null, "flowparse.benchmark_sum");
    }

    @Test
    void aMessageTheServiceLacksIsPointedAtItsRow() {
        XlsFormProblem p = only(form().sheet("messages", new String[]{"key", "text::Nederlands (nl)", "text::English (en)"},
                row("chat.bestaat_niet", "", "Hello")));
        assertAt(p, "messages", 2, "C (text::English (en))", "flowcheck.own_message_unknown");
    }

    /** Where no part of the flow is at the problem's line (or the problem is in another file), the spreadsheet is named. */
    @Test
    void aProblemWithoutAnOriginNamesTheSpreadsheet() {
        ImportedFlow imported = importer.read(new ByteArrayInputStream(form().bytes()), "herkomst.xlsx");
        XlsFormProblem header = FlowProblems.inSpreadsheet(Problem.worded(imported.flowFile(), 1, "flowcheck.consent_twice",
                Map.of()), imported, "herkomst.xlsx");
        assertAt(header, "herkomst.xlsx", 0, null, "flowcheck.consent_twice");
        Problem elsewhere = Problem.worded("flows/voorbeeld.yaml", 12, "flowcheck.consent_twice", Map.of());
        assertFalse(FlowProblems.isIn(elsewhere, imported));
        assertAt(FlowProblems.inSpreadsheet(elsewhere, imported, "herkomst.xlsx"), "herkomst.xlsx", 0, null,
                "flowcheck.consent_twice");
        assertTrue(FlowProblems.isIn(Problem.worded(imported.localeFile("en"), 3, "flowcheck.consent_twice", Map.of()), imported));
        assertTrue(new ImportedFlow(imported.id(), imported.flowYaml(), imported.localeYaml()).origins().byPath().isEmpty(),
                "a flow read back from its files has no origins");
    }
}
