package nl.samenspraak.web;

import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.DataFiles;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.i18n.TextRenderer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The language menu of a page that lists flows offers the languages those flows speak. Frisian added for the example
 * flow alone ("Adding a language" followed for one flow) was offered on the start page, where the example is hidden:
 * the start page in Frisian then listed nothing to start.
 */
class PagesLanguagesTest {
    private static FlowLibrary withFrisianForTheExample() {
        Map<String, String> flows = new HashMap<>(DataFiles.readBundled("flows"));
        flows.put("flows/voorbeeld.yaml", flows.get("flows/voorbeeld.yaml").replace("languages: [nl, en]", "languages: [nl, en, fy]"));
        Map<String, String> locales = new HashMap<>(DataFiles.readBundled("locales"));
        locales.put("locales/fy/language.yaml", "name: Frysk\ndirection: ltr\n");
        for (String file : List.of("messages.yaml", "glossary.yaml", "flows/voorbeeld.yaml")) {
            locales.put("locales/fy/" + file, locales.get("locales/nl/" + file));
        }
        return new FlowLibraryLoader(new TextRenderer()).load(flows, locales);
    }

    private static List<String> codes(List<Map<String, String>> languages) {
        return languages.stream().map(l -> l.get("code")).toList();
    }

    @Test
    void aLanguageIsOfferedWhereAFlowOnThePageSpeaksIt() {
        Pages pages = new Pages(withFrisianForTheExample(), new TextRenderer(), null, null, null);
        List<String> start = codes(pages.languages("nl", f -> !f.demo()));
        assertEquals(false, start.contains("fy"), "no Frisian without the example: " + start);
        assertEquals(true, start.containsAll(List.of("nl", "en", "tr", "ar", "pl")), "the five of the bundled flows: " + start);
        assertEquals(true, codes(pages.languages("nl", f -> true)).contains("fy"), "with the example shown, Frisian");
        assertEquals(true, codes(pages.languages("fy", f -> !f.demo())).contains("fy"), "the page's own language stays listed");
        assertEquals(true, codes(pages.languages("nl")).contains("fy"), "a page without flows offers every language");
    }
}
