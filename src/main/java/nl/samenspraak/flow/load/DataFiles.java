package nl.samenspraak.flow.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads the YAML files of a data folder (flows or locales), from disk or from inside the jar. */
public final class DataFiles {
    /**
     * The bundled flow and locale files, one name a line, as the build lists them ({@link BundledDataBuilder}): in a
     * jar they are then read by name instead of by walking all of the jar's 33,000 entries.
     */
    public static final String LISTING = "preparsed/files.list";

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
        return readBundled(DataFiles.class.getClassLoader(), folder);
    }

    static Map<String, String> readBundled(ClassLoader loader, String folder) {
        URL url = loader.getResource(folder);
        if (url == null) {
            return new TreeMap<>();
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                return readJar((JarURLConnection) url.openConnection(), folder);
            }
            return read(Path.of(url.toURI()), folder);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read bundled " + folder + " from " + url, e);
        }
    }

    /**
     * The YAML files below a folder of a jar, read as zip entries: those the jar's {@link #LISTING} names when it has
     * one, else every entry below the folder. Not through a zip file system: that builds a tree of all of the jar's
     * tens of thousands of entries first, a noticeable part of start-up, whereas a {@link JarFile} of the jar the
     * class loader already opened shares its directory. (A folder on disk is always walked: during development its
     * files change between builds.)
     */
    private static Map<String, String> readJar(JarURLConnection connection, String folder) throws IOException, URISyntaxException {
        Map<String, String> files = new TreeMap<>();
        String prefix = connection.getEntryName().endsWith("/") ? connection.getEntryName() : connection.getEntryName() + "/";
        try (JarFile jar = new JarFile(Path.of(connection.getJarFileURL().toURI()).toFile())) {
            JarEntry listing = jar.getJarEntry(LISTING);
            if (listing != null && prefix.equals(folder + "/")) {
                // the jar's own list, made by the same build as its files
                for (String name : text(jar, listing).split("\n")) {
                    JarEntry entry = name.startsWith(prefix) ? jar.getJarEntry(name) : null;
                    if (entry != null) {
                        files.put(name, text(jar, entry));
                    }
                }
                return files;
            }
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(prefix) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    files.put(folder + "/" + name.substring(prefix.length()), text(jar, entry));
                }
            }
        }
        return files;
    }

    private static String text(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
