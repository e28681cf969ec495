package nl.samenspraak.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * At build time ({@code package}, after the shade plugin made the jar), writes into the jar the list of the services
 * it holds ({@link PackagedServices#LIST}): every {@code META-INF/micronaut/<type>/<implementation>} entry and every
 * line of every {@code META-INF/services/<type>} file. Read from the finished jar, the list names exactly what a
 * search of it would find. Not used by the running service. Usage: {@code PackagedServicesWriter <jar>}.
 */
public final class PackagedServicesWriter {
    private PackagedServicesWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            TreeSet<String> lines = listed(zip.getPath("/"));
            Path list = zip.getPath("/", PackagedServices.LIST);
            Files.createDirectories(list.getParent());
            Files.writeString(list, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            System.out.printf("Packaged services: %d listed in %s%n", lines.size(), jar.getFileName());
        }
    }

    /** {@code <type> <implementation>} for every service under {@code root}, sorted. */
    static TreeSet<String> listed(Path root) throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        Path micronaut = root.resolve("META-INF/micronaut");
        if (Files.isDirectory(micronaut)) {
            try (Stream<Path> types = Files.list(micronaut)) {
                for (Path type : types.filter(Files::isDirectory).toList()) {
                    try (Stream<Path> implementations = Files.list(type)) {
                        implementations.filter(Files::isRegularFile).forEach(implementation ->
                                lines.add(name(type) + " " + name(implementation)));
                    }
                }
            }
        }
        Path services = root.resolve("META-INF/services");
        if (Files.isDirectory(services)) {
            try (Stream<Path> files = Files.list(services)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        int comment = line.indexOf('#');
                        String implementation = (comment < 0 ? line : line.substring(0, comment)).strip();
                        if (!implementation.isEmpty()) {
                            lines.add(name(file) + " " + implementation);
                        }
                    }
                }
            }
        }
        return lines;
    }

    private static String name(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }
}
