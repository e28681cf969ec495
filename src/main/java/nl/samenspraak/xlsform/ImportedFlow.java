package nl.samenspraak.xlsform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A flow made from a spreadsheet, as the files the service reads: {@code flows/<id>.yaml} and
 * {@code locales/<lang>/flows/<id>.yaml} per language; with where in the spreadsheet each part came from
 * ({@link Origins}), so that what the flow loader finds in these files can be pointed at in the spreadsheet.
 */
public record ImportedFlow(String id, String flowYaml, Map<String, String> localeYaml, Origins origins) {
    public ImportedFlow {
        localeYaml = Map.copyOf(localeYaml);
    }

    /** A flow kept as its files only (e.g. read back from the database): no origins. */
    public ImportedFlow(String id, String flowYaml, Map<String, String> localeYaml) {
        this(id, flowYaml, localeYaml, Origins.NONE);
    }

    public String flowFile() {
        return "flows/" + id + ".yaml";
    }

    public String localeFile(String language) {
        return "locales/" + language + "/flows/" + id + ".yaml";
    }

    /** The files by the names the flow loader expects, relative to the project folder. */
    public Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        files.put(flowFile(), flowYaml);
        localeYaml.forEach((language, text) -> files.put(localeFile(language), text));
        return files;
    }

    /** Writes the flow into {@code flowsDir} and its words into {@code localesDir/<lang>/flows/}. */
    public void write(Path flowsDir, Path localesDir) throws IOException {
        Files.createDirectories(flowsDir);
        Files.writeString(flowsDir.resolve(id + ".yaml"), flowYaml, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : new TreeMap<>(localeYaml).entrySet()) {
            Path dir = localesDir.resolve(e.getKey()).resolve("flows");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(id + ".yaml"), e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
