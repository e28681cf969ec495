package nl.samenspraak.flow.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads the YAML files of a data folder (flows or locales), from disk or from inside the jar. */
public final class DataFiles {
    private DataFiles() {
    }

    /**
     * Every {@code .yaml}/{@code .yml} file below {@code dir}, keyed by {@code label/relative/path} so that
     * problem reports name a path the author recognises.
     */
    public static Map<String, String> read(Path dir, String label) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String name = p.getFileName() == null ? "" : p.getFileName().toString();
                if (Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    String relative = dir.relativize(p).toString().replace('\\', '/');
                    files.put(label + "/" + relative, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return files;
    }

    /** The files of a folder on the class path (bundled in the jar, or in target/classes during a build). */
    public static Map<String, String> readBundled(String folder) {
        URL url = DataFiles.class.getClassLoader().getResource(folder);
        if (url == null) {
            return new TreeMap<>();
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(url.toURI());
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(url.toURI(), Map.of());
                }
                return read(fs.provider().getPath(url.toURI()), folder);
            }
            return read(Path.of(url.toURI()), folder);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read bundled " + folder + " from " + url, e);
        }
    }
}
