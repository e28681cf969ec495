package nl.samenspraak.system;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar that {@code mvn package} makes, run with {@code java -jar} from a folder that is not the project:
 * flows and words are inside it, the database lands in ./data of that folder (begun from the build's template), a
 * configured flows folder replaces the bundled flows, and {@code validate} checks flows without starting the service.
 */
class PackagedJarIT {
    private static final Path JAR = Path.of(System.getProperty("samenspraak.jar", "target/samenspraak-0.1.0.jar"));
    private static final Path ARCHIVE = JAR.resolveSibling("samenspraak.jsa");
    /** A process that lives seconds spends less CPU without C2 (README, "Start-up"); what the service does is the same. */
    private static final List<String> QUICK = List.of("-XX:TieredStopAtLevel=1");
    /**
     * The README's command with the archive {@code mvn package} made, for the checks that are not about starting
     * without one (the first test starts without); a third less CPU to start. Without {@code -Xshare:on}: an archive
     * that does not fit only costs its gain (the second test checks that it fits).
     */
    private static final List<String> QUICK_WITH_ARCHIVE = List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-XX:TieredStopAtLevel=1");

    @Test
    void runsFromAnyFolderWithBundledFlowsAndDataInDotData(@TempDir Path elsewhere) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run after mvn package: " + JAR);
        Path log = elsewhere.resolve("service.log");
        // the plain `java -jar`, without the archive
        try (ServiceProcess service = ServiceProcess.fromJar(JAR, QUICK, elsewhere, log, Map.of())) {
            assertTrue(service.awaitReady(Duration.ofSeconds(90)), Files.readString(log));
            List<String> flows = ids(service.http().get("/api/flows").json());
            // the example flow is hidden by default (SAMENSPRAAK_WEB_SHOW_DEMO_FLOWS): neither listed nor started
            assertTrue(flows.contains("werk-jij-diversiteitsproof") && !flows.contains("voorbeeld"), flows.toString());
            assertEquals(201, service.http().post("/api/conversations", "{\"flow\":\"werk-jij-diversiteitsproof\",\"language\":\"nl\"}").status());
            assertEquals(404, service.http().post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}").status());
        }
        assertTrue(Files.isRegularFile(elsewhere.resolve("data/samenspraak.mv.db")), "the embedded database is in ./data");
        assertTrue(Files.readString(log).contains("begun from the jar's template"),
                "a new database begins from the template the build put in the jar (README, Start-up)");
    }

    @Test
    void startsWithTheClassDataArchiveThatPackageMadeForIt(@TempDir Path dir) throws Exception {
        Path archive = ARCHIVE;
        assertTrue(Files.isRegularFile(archive), "mvn package makes it: " + archive);
        Path log = dir.resolve("service.log");
        Path classes = dir.resolve("classes.log");
        // the README's command; -Xshare:on makes java refuse to start when the archive does not fit this jar and JDK
        try (ServiceProcess service = ServiceProcess.fromJar(JAR, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info:file=" + classes, "-XX:TieredStopAtLevel=1"), dir, log, Map.of())) {
            assertTrue(service.awaitReady(Duration.ofSeconds(90)), Files.readString(log));
            assertEquals(201, service.http().post("/api/conversations", "{\"flow\":\"werk-jij-diversiteitsproof\",\"language\":\"nl\"}").status());
        }
        assertTrue(Files.readString(classes).contains("nl.samenspraak.Application source: shared objects file (top)"),
                "the service's own classes come from the archive, not from the jar");
    }

    @Test
    void aConfiguredFlowsFolderReplacesTheBundledFlows(@TempDir Path dir) throws Exception {
        Path flows = Files.createDirectories(dir.resolve("mijn-flows/flows"));
        Path locales = Files.createDirectories(dir.resolve("mijn-flows/locales/nl/flows"));
        Files.writeString(flows.resolve("eigen.yaml"), "id: eigen\nlanguages: [nl]\nsteps:\n  - id: hallo\n    type: info\n    source: eigen\n");
        Files.writeString(locales.resolve("eigen.yaml"), "title: Eigen gesprek\ndescription: Van de auteur.\nsteps:\n  hallo:\n    text: Hallo!\n");
        Files.copy(Path.of("locales/nl/language.yaml"), locales.getParent().resolve("language.yaml"));
        Files.copy(Path.of("locales/nl/messages.yaml"), locales.getParent().resolve("messages.yaml"));
        Path log = dir.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.fromJar(JAR, QUICK_WITH_ARCHIVE, dir, log,
                Map.of("SAMENSPRAAK_FLOWS_DIR", flows.toString(), "SAMENSPRAAK_DATA_DIR", dir.resolve("db").toString()))) {
            assertTrue(service.awaitReady(Duration.ofSeconds(90)), Files.readString(log));
            JsonNode list = service.http().get("/api/flows").json();
            assertEquals(List.of("eigen"), ids(list));
            assertEquals("Eigen gesprek", list.get(0).get("title").asText());
        }
        assertTrue(Files.isRegularFile(dir.resolve("db/samenspraak.mv.db")), "SAMENSPRAAK_DATA_DIR moves the database");
    }

    @Test
    void validateExitsZeroForTheShippedFlowsAndOneWithEveryProblemForABrokenOne(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.log");
        try (ServiceProcess validate = ServiceProcess.fromJar(JAR, QUICK_WITH_ARCHIVE, dir, good, Map.of(), "validate",
                Path.of("flows").toAbsolutePath().toString(), Path.of("locales").toAbsolutePath().toString())) {
            assertEquals(0, validate.awaitExit(Duration.ofSeconds(60)), Files.readString(good));
        }
        assertTrue(Files.readString(good).contains("ok  voorbeeld"), Files.readString(good));

        Path flows = Files.createDirectories(dir.resolve("kapot/flows"));
        Files.writeString(flows.resolve("kapot.yaml"), "id: kapot\nlanguages: [nl]\nsteps:\n  - id: a\n    type: vraag\n    source: s\n"
                + "  - id: a\n    type: info\n    next: nergens\n    source: s\n");
        Path bad = dir.resolve("bad.log");
        try (ServiceProcess validate = ServiceProcess.fromJar(JAR, QUICK_WITH_ARCHIVE, dir, bad, Map.of(), "validate", flows.toString(),
                Path.of("locales").toAbsolutePath().toString())) {
            assertEquals(1, validate.awaitExit(Duration.ofSeconds(60)), Files.readString(bad));
        }
        String out = Files.readString(bad);
        assertTrue(out.contains(flows + "/kapot.yaml:5: unknown step type 'vraag'"), out);
        assertTrue(out.contains(flows + "/kapot.yaml:7: duplicate step id 'a'"), out);
        assertTrue(out.contains(flows + "/kapot.yaml:9: step 'a' leads to missing step 'nergens'"), out);
        assertTrue(!out.contains("Exception") && !out.contains("\tat "), out);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
