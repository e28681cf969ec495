package nl.samenspraak.xlsform;

import nl.samenspraak.flow.load.DataFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A flows and a locales folder with the repository's flows and the imported sample survey, for a running service. */
public final class ImportedSampleFolders {
    public static final String FLOW = "buurt-peiling";

    private ImportedSampleFolders() {
    }

    /** The service's properties pointing at fresh folders holding the bundled flows and the imported sample. */
    public static Map<String, String> properties() {
        try {
            Path dir = Files.createTempDirectory("xlsform-flows");
            Path flows = dir.resolve("flows");
            Path locales = dir.resolve("locales");
            write(DataFiles.readBundled("flows"), dir);
            write(DataFiles.readBundled("locales"), dir);
            XlsFormImport importer = new XlsFormImport(DataFiles.readBundled("flows"), DataFiles.readBundled("locales"));
            importer.read(new ByteArrayInputStream(SampleForms.buurtpeiling().bytes()), "buurtpeiling.xlsx")
                    .write(flows, locales);
            return Map.of("samenspraak.flows-dir", flows.toString(), "samenspraak.locales-dir", locales.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Map<String, String> files, Path dir) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue());
        }
    }
}
