package nl.samenspraak.flow.load;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeSet;

/**
 * At build time ({@code process-classes}, after the resources are copied), prepares the bundled flows and words for
 * a quick start: the list of their files ({@link DataFiles#LISTING}) and the locale files parsed
 * ({@link PreparsedLocales}). Not used by the running service. Usage: {@code BundledDataBuilder <classes folder>}.
 */
public final class BundledDataBuilder {
    private BundledDataBuilder() {
    }

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]).toAbsolutePath();
        Map<String, String> flows = DataFiles.read(classes.resolve("flows"), "flows");
        Map<String, String> locales = DataFiles.read(classes.resolve("locales"), "locales");

        Path listing = classes.resolve(DataFiles.LISTING);
        Files.createDirectories(listing.getParent());
        TreeSet<String> names = new TreeSet<>(flows.keySet());
        names.addAll(locales.keySet());
        Files.writeString(listing, String.join("\n", names) + "\n", StandardCharsets.UTF_8);

        Path target = classes.resolve(PreparsedLocales.RESOURCE);
        // written beside it and then moved in, so that nothing ever reads it half written
        Path written = target.resolveSibling(target.getFileName() + ".new");
        try (OutputStream out = Files.newOutputStream(written)) {
            PreparsedLocales.write(locales, out);
        }
        Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("Bundled data: %d flow and %d locale files listed, the locale files preparsed (%d kB), in %s%n",
                flows.size(), locales.size(), Files.size(target) >> 10, listing.getParent());
    }
}
