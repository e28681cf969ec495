package nl.samenspraak.system;

import nl.samenspraak.flow.load.DataFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where flows and their words are read from: a configured flows folder replaces the bundled flows, and its
 * words come from the configured locales folder, else from {@code locales/} beside it, else from the bundle. A
 * configured folder that is not there stops the start ({@link SettingRefused}).
 */
public record FlowFolders(Map<String, String> flowFiles, Map<String, String> localeFiles, String flowsFrom, String localesFrom) {

    public static FlowFolders locate(String flowsDir, String localesDir) {
        // a folder set but not there is refused by name: a mistyped locales folder served the bundled words, edited
        // tips and consent texts unseen, and a missing flows folder read "flows:1: there is no flow"
        if (!blank(flowsDir) && !Files.isDirectory(Path.of(flowsDir))) {
            throw SettingRefused.of("SAMENSPRAAK_FLOWS_DIR", flowsDir, "no such folder");
        }
        if (!blank(localesDir) && !Files.isDirectory(Path.of(localesDir))) {
            throw SettingRefused.of("SAMENSPRAAK_LOCALES_DIR", localesDir, "no such folder");
        }
        Map<String, String> flows = blank(flowsDir) ? DataFiles.readBundled("flows")
                : DataFiles.read(Path.of(flowsDir), flowsDir);
        Path locales = !blank(localesDir) ? Path.of(localesDir)
                : blank(flowsDir) ? null : Path.of(flowsDir).toAbsolutePath().normalize().resolveSibling("locales");
        Map<String, String> words = locales != null && Files.isDirectory(locales)
                ? DataFiles.read(locales, locales.toString())
                : DataFiles.readBundled("locales");
        return new FlowFolders(flows, words, blank(flowsDir) ? "bundled" : Path.of(flowsDir).toAbsolutePath().normalize().toString(),
                locales != null && Files.isDirectory(locales) ? locales.toAbsolutePath().normalize().toString() : "bundled");
    }

    /** Where the flows and their words were read from, for the start's log: "bundled" or a folder. */
    public String describe() {
        return "flows " + flowsFrom + ", words " + localesFrom;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
