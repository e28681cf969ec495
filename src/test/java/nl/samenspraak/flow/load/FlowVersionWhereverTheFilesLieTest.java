package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.i18n.TextRenderer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A flow's version is what its file and its words say, never where they lie: the dashboard keeps answers of two
 * versions apart, so an install moved to another folder, or {@code validate flows/ locales/} beside
 * {@code validate flows/}, must not give every flow a new version.
 */
class FlowVersionWhereverTheFilesLieTest {
    private static Map<String, String> versions(String localesLabel) {
        Map<String, String> flows = DataFiles.read(Path.of("flows"), "flows");
        Map<String, String> locales = DataFiles.read(Path.of("locales"), localesLabel);
        Map<String, String> versions = new TreeMap<>();
        for (Flow flow : new FlowLibraryLoader(new TextRenderer()).load(flows, locales).flows()) {
            versions.put(flow.id(), flow.version());
        }
        return versions;
    }

    @Test
    void theSameFilesReadFromAnotherPlaceAreTheSameVersions() {
        Map<String, String> relative = versions("locales");
        assertFalse(relative.isEmpty());
        assertEquals(relative, versions("locales/"), "a trailing slash");
        assertEquals(relative, versions(Path.of("locales").toAbsolutePath().toString()), "an absolute path");
        assertEquals(relative, versions("/opt/elders/samenspraak/locales"), "an install moved elsewhere");
    }

    @Test
    void aChangedWordIsANewVersion() {
        Map<String, String> flows = DataFiles.read(Path.of("flows"), "flows");
        Map<String, String> locales = new TreeMap<>(DataFiles.read(Path.of("locales"), "locales"));
        String before = new FlowLibraryLoader(new TextRenderer()).load(flows, locales).flow("voorbeeld").orElseThrow().version();
        locales.computeIfPresent("locales/en/flows/voorbeeld.yaml", (file, words) -> words + "\n# a comment is a change too\n");
        String after = new FlowLibraryLoader(new TextRenderer()).load(flows, locales).flow("voorbeeld").orElseThrow().version();
        assertNotEquals(before, after);
    }
}
