package nl.samenspraak.system;

import nl.samenspraak.flow.load.DataFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where flows and their words are read from: a configured flows folder replaces the bundled flows, and its
 * words come from the configured locales folder, else from {@code locales/} beside it, else from the bundle.
 */
public record FlowFolders(Map<String, String> flowFiles, Map<String, String> localeFiles) {

    public static FlowFolders locate(String flowsDir, String localesDir) {
        Map<String, String> flows = blank(flowsDir) ? DataFiles.readBundled("flows")
                : DataFiles.read(Path.of(flowsDir), flowsDir);
        Path locales = !blank(localesDir) ? Path.of(localesDir)
                : blank(flowsDir) ? null : Path.of(flowsDir).toAbsolutePath().normalize().resolveSibling("locales");
        Map<String, String> words = locales != null && Files.isDirectory(locales)
                ? DataFiles.read(locales, locales.toString())
                : DataFiles.readBundled("locales");
        return new FlowFolders(flows, words);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
