package nl.samenspraak.xlsform;

import nl.samenspraak.system.ValidateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.samenspraak.support.Folders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code import-xlsform} as an author runs it: files written beside the repository's flows, which still validate. */
class ImportXlsFormCommandTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ImportXlsFormCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void writesFlowAndLocaleFilesThatValidate() throws IOException {
        Folders.copy(Path.of("flows"), dir.resolve("flows"));
        Folders.copy(Path.of("locales"), dir.resolve("locales"));
        Path form = dir.resolve("buurtpeiling.xlsx");
        Files.write(form, SampleForms.buurtpeiling().bytes());

        assertEquals(0, run("import-xlsform", form.toString(), "--out", dir.resolve("flows").toString()), err.toString());

        assertTrue(Files.exists(dir.resolve("flows/buurt-peiling.yaml")));
        for (String language : new String[]{"nl", "en", "ar"}) {
            assertTrue(Files.exists(dir.resolve("locales/" + language + "/flows/buurt-peiling.yaml")), language);
        }
        assertFalse(Files.exists(dir.resolve("locales/tr/flows/buurt-peiling.yaml")), "Turkish is not in the form");
        assertTrue(Files.readString(dir.resolve("locales/ar/flows/buurt-peiling.yaml")).contains("كم عمرك؟"));
        assertTrue(out.toString().contains("flow 'buurt-peiling'"), out.toString());
        ByteArrayOutputStream validated = new ByteArrayOutputStream();
        int code = new ValidateCommand(new PrintStream(validated, true, StandardCharsets.UTF_8), new PrintStream(validated))
                .run("validate", dir.resolve("flows").toString(), dir.resolve("locales").toString());
        assertEquals(0, code, validated.toString());
        assertTrue(validated.toString().contains("ok  buurt-peiling"), validated.toString());
    }

    @Test
    void refusedFormWritesNothingAndNamesTheCell() throws IOException {
        Path form = dir.resolve("herhaling.xlsx");
        Files.write(form, SampleForms.buurtpeilingWith(4, "type", "begin_repeat").bytes());
        Path flows = dir.resolve("flows");

        assertEquals(1, run("import-xlsform", form.toString(), "--out", flows.toString(), "--locales", "locales"));

        assertTrue(err.toString().contains("survey, row 4, column A (type): repeats"), err.toString());
        assertFalse(Files.exists(flows.resolve("buurt-peiling.yaml")));
    }

    /** What the flow loader finds in the flow the spreadsheet makes is pointed at in the spreadsheet too. */
    @Test
    void aProblemOfTheFlowItMakesNamesTheRow() throws IOException {
        Path form = dir.resolve("toestemming.xlsx");
        Files.write(form, new XlsFormBuilder().sheet("survey", new String[]{"type", "name", "label::Nederlands (nl)", "consent"},
                        XlsFormBuilder.row("text", "naam", "Naam?", ""), XlsFormBuilder.row("acknowledge", "toestemming", "Mag dat?", "yes"))
                .sheet("settings", SampleForms.SETTINGS_HEADER, SampleForms.SETTINGS).bytes());
        Path flows = dir.resolve("flows");

        assertEquals(1, run("import-xlsform", form.toString(), "--out", flows.toString(), "--locales", "locales"));

        assertTrue(err.toString().contains("  survey, row 2: step 'naam' asks something before consent ('toestemming')\n"),
                err.toString());
        assertFalse(err.toString().contains(".yaml"), "no path or line of a generated file: " + err);
        assertTrue(err.toString().contains("1 problem"), err.toString());
        assertFalse(Files.exists(flows.resolve("buurt-peiling.yaml")));
    }

    @Test
    void exportWritesEveryFlowItCanAndImportReadsItBack() throws IOException {
        Path target = dir.resolve("xlsform");
        int code = new ExportXlsFormCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("export-xlsform", "--out", target.toString(), "flows", "locales");
        assertTrue(Files.exists(target.resolve("voorbeeld.xlsx")), out + "\n" + err);
        assertTrue(Files.exists(target.resolve("topiclijst.xlsx")), out + "\n" + err);
        assertEquals(err.toString().isEmpty() ? 0 : 1, code, "exit 1 exactly when a flow was skipped, with its reason");
        out.reset();
        err.reset();
        Folders.copy(Path.of("locales"), dir.resolve("locales"));
        assertEquals(0, run("import-xlsform", target.resolve("topiclijst.xlsx").toString(), "--out", dir.resolve("flows").toString()),
                err.toString());
        assertTrue(Files.readString(dir.resolve("locales/tr/flows/topiclijst.yaml")).contains("steps:"), "all five languages back");
    }

    @Test
    void misuseIsExit64() {
        assertEquals(64, run("import-xlsform"));
        assertEquals(64, run("import-xlsform", dir.resolve("missing.xlsx").toString()));
        assertEquals(64, run("import-xlsform", "a.xlsx", "--bogus"));
    }

}
