package nl.samenspraak.system;

import nl.samenspraak.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a broken flow the service does not start, and says why in lines an author can act on. */
class StartupRefusalTest {

    @Test
    void refusesToStartAndListsTheProblemsWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path flows = Files.createDirectories(dir.resolve("flows"));
        Files.createDirectories(dir.resolve("locales/nl/flows"));
        Files.writeString(flows.resolve("kapot.yaml"), """
                id: kapot
                languages: [nl]
                steps:
                  - id: begin
                    type: vraag
                    source: test
                  - id: einde
                    type: info
                    next: nergens
                    source: test
                """);
        Files.writeString(dir.resolve("locales/nl/language.yaml"), "name: Nederlands\ndirection: ltr\n");
        Files.writeString(dir.resolve("locales/nl/messages.yaml"), "answer:\n  yes: Ja\n");
        Files.writeString(dir.resolve("locales/nl/flows/kapot.yaml"), "title: Kapot\ndescription: stuk\n");
        Path log = dir.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), log, "samenspraak.flows-dir=" + flows)) {
            assertEquals(2, service.awaitExit(Duration.ofSeconds(60)));
        }
        String output = Files.readString(log);
        assertTrue(output.contains("Samenspraak cannot start: the flows have problems."), output);
        assertTrue(output.contains(flows + "/kapot.yaml:5: unknown step type 'vraag'"), output);
        assertTrue(output.contains(flows + "/kapot.yaml:9: step 'einde' leads to missing step 'nergens'"), output);
        assertFalse(output.contains("Exception") || output.contains("\tat "), output);
    }

    /**
     * A setting the service cannot run with stops the start in one line naming the variable: a mistyped locales
     * folder served the bundled words without a word in the log (edited tips and consent texts unseen), and an
     * address without its scheme made every join link relative to the page it stood on.
     */
    @Test
    void aFolderThatIsNotThereOrAnAddressWithoutSchemeIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), log,
                "samenspraak.locales-dir=" + dir.resolve("wordz"))) {
            assertEquals(2, service.awaitExit(Duration.ofSeconds(60)));
        }
        String output = Files.readString(log);
        assertTrue(output.contains("Samenspraak cannot start: SAMENSPRAAK_LOCALES_DIR=" + dir.resolve("wordz") + ": no such folder"), output);
        assertFalse(output.contains("\tat "), output);

        Path second = dir.resolve("second.log");
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data2"), second,
                "samenspraak.public-url=samenspraak.example.nl")) {
            assertEquals(2, service.awaitExit(Duration.ofSeconds(60)));
        }
        output = Files.readString(second);
        assertTrue(output.contains("Samenspraak cannot start: SAMENSPRAAK_PUBLIC_URL=samenspraak.example.nl: an address with http://"), output);
        assertFalse(output.contains("\tat "), output);
    }
}
