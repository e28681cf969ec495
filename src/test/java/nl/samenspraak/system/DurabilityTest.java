package nl.samenspraak.system;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An acknowledged answer survives the process being killed outright, on the default embedded H2 file. */
class DurabilityTest {

    @Test
    void answersAcknowledgedBeforeSigkillAreThereAfterRestart(@TempDir Path data) throws Exception {
        String id;
        // the example flow, hidden by default
        try (ServiceProcess first = ServiceProcess.start(data, data.resolve("first.log"), "samenspraak.web.show-demo-flows=true")) {
            assertTrue(first.awaitReady(Duration.ofSeconds(60)), Files.readString(data.resolve("first.log")));
            JsonHttp http = first.http();
            JsonNode s = http.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}").json();
            id = s.get("id").asText();
            http.post("/api/conversations/" + id + "/answers", "{\"step\":\"welkom\",\"value\":null}");
            http.post("/api/conversations/" + id + "/answers", "{\"step\":\"rol\",\"value\":\"vrijwilliger\"}");
            JsonHttp.Reply last = http.post("/api/conversations/" + id + "/answers", "{\"step\":\"ervaring_jaren\",\"value\":23}");
            assertEquals(200, last.status(), last.body());
            first.kill();
        }
        try (ServiceProcess second = ServiceProcess.start(data, data.resolve("second.log"))) {
            assertTrue(second.awaitReady(Duration.ofSeconds(60)), Files.readString(data.resolve("second.log")));
            JsonHttp http = second.http();
            JsonNode resumed = http.get("/api/conversations/" + id).json();
            assertEquals("talen", resumed.at("/step/id").asText(), "resumes at the step after the last acknowledged answer");
            JsonNode back = http.post("/api/conversations/" + id + "/back", "").json();
            assertEquals(23, back.at("/step/previous").asInt());
            JsonNode backAgain = http.post("/api/conversations/" + id + "/back", "").json();
            assertEquals("vrijwilliger", backAgain.at("/step/previous").asText());
        }
    }
}
