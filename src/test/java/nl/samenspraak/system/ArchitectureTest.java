package nl.samenspraak.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The flow model, the engine and the words stay plain Java: they decide what happens next without a
 * framework, so they can be tested alone and any channel can use them.
 */
class ArchitectureTest {

    @ParameterizedTest
    @ValueSource(strings = {"flow", "conversation", "i18n"})
    void corePackagesImportNoFramework(String pkg) throws IOException {
        Path dir = Path.of("src/main/java/nl/samenspraak", pkg);
        List<String> offending;
        try (Stream<Path> files = Files.walk(dir)) {
            offending = files.filter(p -> p.toString().endsWith(".java")).flatMap(ArchitectureTest::lines)
                    .filter(line -> line.startsWith("import io.micronaut") || line.startsWith("import jakarta.")
                            || line.startsWith("import nl.samenspraak.storage") || line.startsWith("import nl.samenspraak.api")
                            || line.startsWith("import nl.samenspraak.chat"))
                    .toList();
        }
        assertFalse(Files.list(dir).findAny().isEmpty(), "package " + pkg + " exists");
        assertEquals(List.of(), offending);
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
