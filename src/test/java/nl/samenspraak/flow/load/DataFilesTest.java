package nl.samenspraak.flow.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled flows and words are read from inside the jar as they are from a folder on disk. */
class DataFilesTest {

    @Test
    void readsTheYamlFilesOfAFolderInsideAJarWithTheSameNamesAsFromDisk(@TempDir Path dir) throws Exception {
        Map<String, String> files = Map.of("flows/a.yaml", "id: a\n", "flows/sub/b.yml", "id: b ë\n",
                "flows/notes.txt", "not yaml", "other/c.yaml", "id: c\n", "flowsx/d.yaml", "id: d\n");
        Path jar = dir.resolve("bundle.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("flows/"));
            out.closeEntry();
            for (var file : files.entrySet()) {
                out.putNextEntry(new JarEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Path disk = dir.resolve("disk");
        for (var file : files.entrySet()) {
            Files.createDirectories(disk.resolve(file.getKey()).getParent());
            Files.writeString(disk.resolve(file.getKey()), file.getValue());
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            Map<String, String> bundled = DataFiles.readBundled(loader, "flows");

            assertEquals(Map.of("flows/a.yaml", "id: a\n", "flows/sub/b.yml", "id: b ë\n"), bundled);
            assertEquals(DataFiles.read(disk.resolve("flows"), "flows"), bundled);
            assertTrue(DataFiles.readBundled(loader, "missing").isEmpty());
        }
    }

    @Test
    void aJarWithTheBuildsListReadsTheListedFilesByNameAndTheSameAsWalkingWhenTheListIsWhole(@TempDir Path dir) throws Exception {
        Map<String, String> files = Map.of("flows/a.yaml", "id: a\n", "flows/sub/b.yml", "id: b ë\n", "locales/nl/x.yaml", "x: y\n");
        Path whole = jar(dir.resolve("whole.jar"), files, "flows/a.yaml\nflows/sub/b.yml\nlocales/nl/x.yaml\n");
        // a list that leaves a file out shows that the list, not a walk, decided what was read
        Path partial = jar(dir.resolve("partial.jar"), files, "flows/sub/b.yml\nlocales/nl/x.yaml\nflows/gone.yaml\n");

        try (URLClassLoader w = new URLClassLoader(new URL[]{whole.toUri().toURL()}, null);
             URLClassLoader p = new URLClassLoader(new URL[]{partial.toUri().toURL()}, null)) {
            assertEquals(Map.of("flows/a.yaml", "id: a\n", "flows/sub/b.yml", "id: b ë\n"), DataFiles.readBundled(w, "flows"));
            assertEquals(Map.of("locales/nl/x.yaml", "x: y\n"), DataFiles.readBundled(w, "locales"));
            assertEquals(Map.of("flows/sub/b.yml", "id: b ë\n"), DataFiles.readBundled(p, "flows"));
        }
    }

    private static Path jar(Path jar, Map<String, String> files, String listing) throws Exception {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : new String[]{"flows/", "locales/"}) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (var file : files.entrySet()) {
                out.putNextEntry(new JarEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(DataFiles.LISTING));
            out.write(listing.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
