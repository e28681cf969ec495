package nl.samenspraak.xlsform;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.samenspraak.support.JsonHttp;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The imported sample survey served by the service beside the repository's flows and walked through the JSON
 * API in each of its languages: branching, constraints (with the form's own messages) and required answers mean
 * what the XLSForm means.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XlsFormApiWalkTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return ImportedSampleFolders.properties();
    }

    @ParameterizedTest
    @CsvSource({
            "nl, ltr, Welkom bij de buurtpeiling., Je bent tussen 16 en 120., Vul een heel getal in",
            "en, ltr, Welcome to the neighbourhood survey., You are between 16 and 120., Enter a whole number",
            "ar, rtl, مرحبا بكم في استطلاع الحي., عمرك بين 16 و120., اكتبوا عددًا صحيحًا"})
    void walksTheFormAsItMeans(String language, String direction, String welcome, String constraintMessage,
                               String wholeNumber) {
        JsonHttp http = new JsonHttp(server.getURL().toString());
        JsonHttp.Reply started = http.post("/api/conversations", "{\"flow\":\"buurt-peiling\",\"language\":\"" + language + "\"}");
        assertEquals(201, started.status(), started.body());
        JsonNode s = started.json();
        String id = s.get("id").asText();
        assertEquals(direction, s.get("direction").asText());
        assertEquals(welcome, s.at("/step/text").asText());
        s = ok(http, id, "welkom", "null");
        assertEquals("huishouden", s.at("/step/id").asText(), "the group's label is said first");
        s = ok(http, id, "huishouden", "null");
        assertEquals("leeftijd", s.at("/step/id").asText());

        JsonHttp.Reply empty = answer(http, id, "leeftijd", "null");
        assertEquals(422, empty.status(), "required");
        assertNotEquals(constraintMessage, empty.json().get("error").asText(), "a missing answer is not out of bounds");
        JsonHttp.Reply words = answer(http, id, "leeftijd", "\"veel\"");
        assertEquals(422, words.status());
        assertNotEquals(constraintMessage, words.json().get("error").asText(), "not a number: the shared message says so");
        JsonHttp.Reply young = answer(http, id, "leeftijd", "15");
        assertEquals(422, young.status());
        assertEquals(constraintMessage, young.json().get("error").asText(), "the form's constraint_message in " + language);

        JsonHttp.Reply decimals = answer(http, id, "leeftijd", "\"34.5\"");
        assertEquals(422, decimals.status(), "an integer takes no decimals");
        assertTrue(decimals.json().get("error").asText().startsWith(wholeNumber), decimals.body());

        s = ok(http, id, "leeftijd", "34");
        assertEquals("kinderen", s.at("/step/id").asText());
        s = ok(http, id, "kinderen", "\"nee\"");
        assertEquals("onderwerpen", s.at("/step/id").asText(), "no children: how many is not asked");
        assertEquals(422, answer(http, id, "onderwerpen", "[\"school\",\"zorg\",\"werk\"]").status(), "count-selected(.) <= 2");
        s = ok(http, id, "onderwerpen", "[\"school\",\"other\"]");
        assertEquals("onderwerpen_other", s.at("/step/id").asText(), "or_other: asked what else");
        s = ok(http, id, "onderwerpen_other", "\"sport\"");
        assertEquals("wens", s.at("/step/id").asText(), "selected(${onderwerpen}, 'school')");
        s = ok(http, id, "wens", "\"een speeltuin\"");
        assertEquals("tevreden", s.at("/step/id").asText());
        assertEquals(422, answer(http, id, "tevreden", "6").status(), "range 1-5");
        s = ok(http, id, "tevreden", "4");
        s = ok(http, id, "verhuisd", "null");
        assertEquals("akkoord", s.at("/step/id").asText(), "no rent asked: not(${kinderen} = 'nee') is false");
        s = ok(http, id, "akkoord", "\"ja\"");
        s = ok(http, id, "opmerking", "null");
        assertTrue(s.get("done").asBoolean(), s.toString());
        // finished, not refused: a form with no scores, tips or themes has an empty result, and its page took it for
        // a "nee" to consent (no thanks, no "Wis mijn antwoorden", the answers kept all the same)
        assertFalse(s.at("/result/declined").asBoolean(), s.toString());
        String page = new nl.samenspraak.support.PageHttp(server.getURL().toString()).get("/c/" + id, null).body();
        assertTrue(page.contains("forget-open"), "the way to delete the answers stays: " + page);
    }

    @ParameterizedTest
    @CsvSource({"nl", "ar"})
    void aBigFamilyIsAskedMore(String language) {
        JsonHttp http = new JsonHttp(server.getURL().toString());
        JsonNode s = http.post("/api/conversations", "{\"flow\":\"buurt-peiling\",\"language\":\"" + language + "\"}").json();
        String id = s.get("id").asText();
        ok(http, id, "welkom", "null");
        ok(http, id, "huishouden", "null");
        ok(http, id, "leeftijd", "40");
        s = ok(http, id, "kinderen", "\"ja\"");
        assertEquals("aantal_kinderen", s.at("/step/id").asText());
        assertEquals(422, answer(http, id, "aantal_kinderen", "0").status(), ". >= 1");
        ok(http, id, "aantal_kinderen", "3");
        s = ok(http, id, "onderwerpen", "[\"werk\"]");
        assertEquals("wens", s.at("/step/id").asText(), "the calculation: three or more children");
        ok(http, id, "wens", "\"rust\"");
        ok(http, id, "tevreden", "2");
        s = ok(http, id, "verhuisd", "\"2019-05-01\"");
        assertEquals("huur", s.at("/step/id").asText(), "children and over 17: the rent is asked");
        assertEquals(422, answer(http, id, "huur", "-1").status(), ". >= 0");
        s = ok(http, id, "huur", "\"812.50\"");
        assertEquals("akkoord", s.at("/step/id").asText());
    }

    private static JsonHttp.Reply answer(JsonHttp http, String id, String step, String valueJson) {
        return http.post("/api/conversations/" + id + "/answers", "{\"step\":\"" + step + "\",\"value\":" + valueJson + "}");
    }

    private static JsonNode ok(JsonHttp http, String id, String step, String valueJson) {
        JsonHttp.Reply r = answer(http, id, step, valueJson);
        assertEquals(200, r.status(), step + ": " + r.body());
        return r.json();
    }
}
