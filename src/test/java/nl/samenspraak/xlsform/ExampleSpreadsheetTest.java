package nl.samenspraak.xlsform;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.load.DataFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's example spreadsheet imports into a flow the service loads, in its three languages. */
class ExampleSpreadsheetTest {
    @Test
    void theReadmeExampleImports() throws IOException {
        XlsFormImport importer = new XlsFormImport(DataFiles.readBundled("flows"), DataFiles.readBundled("locales"));
        try (InputStream in = Files.newInputStream(Path.of("docs/examples/buurtpeiling.xlsx"))) {
            ImportedFlow imported = importer.read(in, "buurtpeiling.xlsx");
            Flow flow = importer.check(imported).flow(imported.id()).orElseThrow();
            assertEquals(List.of("nl", "en", "ar"), flow.languages());
            assertEquals(13, flow.steps().size(), "11 questions and notes, the group's label and or_other's follow-up");
        }
    }
}
