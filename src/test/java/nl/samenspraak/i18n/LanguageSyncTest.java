package nl.samenspraak.i18n;

import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.flow.load.InvalidFlowsException;
import nl.samenspraak.flow.load.Problem;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Languages stay in step with Dutch, the source: the build fails when a language misses a key, has one
 * Dutch lacks, or a text names a reference the code does not fill in. Like petclinic's I18nPropertiesSyncTest.
 */
class LanguageSyncTest {

    @Test
    void theShippedLanguagesAreCompleteForEveryFlowAndMessage() {
        FlowLibrary library = FlowWalk.library();
        List<String> codes = library.translations().languages().stream().map(Language::code).toList();
        assertTrue(codes.containsAll(List.of("nl", "en", "tr", "ar", "pl")), codes.toString());
        Map<String, Text> dutch = library.translations().texts("nl").orElseThrow().messages();
        for (String code : codes) {
            assertEquals(dutch.keySet(), library.translations().texts(code).orElseThrow().messages().keySet(), code);
        }
        for (String code : codes) {
            if (!code.equals(Language.SOURCE)) {
                Map<String, Text> own = library.translations().texts(code).orElseThrow().messages();
                dutch.forEach((key, text) -> nl.samenspraak.support.Translated.assertTranslated(code, text.text(),
                        own.get(key).text(), "message " + key));
            }
        }
        assertEquals("rtl", library.translations().language("ar").orElseThrow().direction());
        assertEquals("ltr", library.translations().language("tr").orElseThrow().direction());
    }

    private static List<String> problems(String englishMessages) {
        Map<String, String> locales = new HashMap<>();
        locales.put("locales/nl/language.yaml", "name: Nederlands\ndirection: ltr\n");
        locales.put("locales/nl/messages.yaml", "error:\n  scale: Kies van $min tot $max.\n  date: Vul een datum in.\n");
        locales.put("locales/en/language.yaml", "name: English\ndirection: ltr\n");
        locales.put("locales/en/messages.yaml", englishMessages);
        String flow = "id: leeg\nlanguages: [nl]\nsteps:\n  - id: a\n    type: info\n    source: s\n";
        locales.put("locales/nl/flows/leeg.yaml", "title: Leeg\ndescription: Leeg.\nsteps:\n  a:\n    text: Hallo.\n");
        InvalidFlowsException e = assertThrows(InvalidFlowsException.class, () ->
                new FlowLibraryLoader(new TextRenderer()).load(Map.of("flows/leeg.yaml", flow), locales));
        return e.problems().stream().map(Problem::toString).sorted().toList();
    }

    @Test
    void aMissingMessageFailsTheBuild() {
        assertEquals(List.of("locales/en/messages.yaml:1: language 'en' misses message 'error.date'"),
                problems("error:\n  scale: Choose from $min to $max.\n"));
    }

    @Test
    void aMessageDutchLacksFailsTheBuild() {
        assertEquals(List.of("locales/en/messages.yaml:4: message 'error.time' is not in Dutch, the source"),
                problems("error:\n  scale: Choose from $min to $max.\n  date: Enter a date.\n  time: Enter a time.\n"));
    }

    @Test
    void aReferenceTheDutchTextDoesNotHaveFailsTheBuild() {
        assertEquals(List.of("locales/en/messages.yaml:2: message 'error.scale' names unknown reference $maximum "
                        + "(the Dutch text has [$max, $min])"),
                problems("error:\n  scale: Choose from $min to $maximum.\n  date: Enter a date.\n"));
    }

    /** The code renders the shared messages with its own models: one that does not parse would be a 500 for whoever sees it. */
    @Test
    void aMessageThatDoesNotParseFailsTheBuild() {
        assertEquals(List.of("locales/en/messages.yaml:3: text 'error.date' does not render: the text ends before an #if,"
                        + " #foreach or bracket is closed (line 1, character 13 of the text)"),
                problems("error:\n  scale: Choose from $min to $max.\n  date: \"Enter a #if(\"\n"));
        assertEquals(List.of("locales/en/messages.yaml:3: text 'error.date' does not render: the template's syntax goes wrong"
                        + " at '#end' (line 1, character 9 of the text)"),
                problems("error:\n  scale: Choose from $min to $max.\n  date: \"Enter a #end date.\"\n"));
    }
}
