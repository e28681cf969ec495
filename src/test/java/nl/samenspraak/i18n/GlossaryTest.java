package nl.samenspraak.i18n;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.DataFiles;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.flow.load.InvalidFlowsException;
import nl.samenspraak.flow.load.Problem;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One Dutch term, one word in each language: every language has a glossary ({@code locales/<lang>/glossary.yaml})
 * with the key terms of {@code locales/nl/glossary.yaml}, and wherever a Dutch text of a flow (or a shared message
 * a flow shows) has a term, its translation has the word the glossary chose, not a synonym; a variant the glossary
 * lists under {@code avoid} (a literal "condemn" for "afkeuren", "on the way" for "Op weg") appears nowhere.
 * Texts are compared without Arabic vowel marks, so مقدّم and مقدم are the same word.
 */
class GlossaryTest {
    private static final Map<String, String> LOCALES = DataFiles.read(Path.of("locales"), "locales");

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> glossary(String language) {
        String file = LOCALES.get("locales/" + language + "/glossary.yaml");
        assertNotNull(file, "locales/" + language + "/glossary.yaml is missing");
        Map<String, Object> root = new Yaml().load(file);
        return (Map<String, Map<String, Object>>) root.get("terms");
    }

    private static Pattern pattern(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE);
    }

    /** Every text a flow shows in {@code language}: its own texts, and the shared messages it shows. */
    private static Map<String, String> texts(FlowLibrary library, Flow flow, String language) {
        Map<String, String> texts = new LinkedHashMap<>();
        library.translations().texts(language).orElseThrow().flow(flow.id()).forEach((k, t) -> texts.put(k, t.text()));
        for (String key : library.translations().texts(Language.SOURCE).orElseThrow().messages().keySet()) {
            if (key.matches("(answer|error|score|result|web)\\..*")) {
                texts.put("shared:" + key, library.translations().flowMessage(language, flow.id(), key));
            }
        }
        return texts;
    }

    /**
     * Where {@code translated} breaks the glossary: a text whose Dutch has a term but which lacks the chosen word,
     * and any text with a variant to avoid.
     */
    static List<String> findings(Map<String, Map<String, Object>> dutchTerms, Map<String, Map<String, Object>> terms,
                                 Map<String, String> dutch, Map<String, String> translated) {
        List<String> findings = new ArrayList<>();
        dutchTerms.forEach((id, nl) -> {
            Map<String, Object> term = terms.get(id);
            Pattern inDutch = pattern((String) nl.get("match"));
            Pattern chosen = pattern((String) term.get("match"));
            translated.forEach((key, text) -> {
                String source = dutch.get(key);
                if (source != null && inDutch.matcher(source).find() && !chosen.matcher(ResidentTexts.plain(text)).find()) {
                    findings.add(key + ": '" + nl.get("term") + "' is not '" + term.get("term") + "' in: " + text);
                }
            });
            @SuppressWarnings("unchecked")
            List<String> avoid = (List<String>) term.getOrDefault("avoid", List.of());
            for (String variant : avoid) {
                Pattern p = pattern(variant);
                translated.forEach((key, text) -> {
                    if (p.matcher(ResidentTexts.plain(text)).find()) {
                        findings.add(key + ": '" + variant + "' instead of '" + term.get("term") + "' in: " + text);
                    }
                });
            }
        });
        return findings;
    }

    /** Every language the service speaks but the source: a new one in {@code locales/} is checked without a change here. */
    static java.util.stream.Stream<String> translations() {
        return nl.samenspraak.support.FlowWalk.library().translations().languages().stream().map(Language::code)
                .filter(code -> !code.equals(Language.SOURCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translations")
    void everyFlowUsesTheGlossarysWordForEachKeyTerm(String language) {
        Map<String, Map<String, Object>> dutchTerms = glossary(Language.SOURCE);
        Map<String, Map<String, Object>> terms = glossary(language);
        assertEquals(dutchTerms.keySet(), terms.keySet(), "the glossary of " + language + " has the Dutch key terms");
        terms.forEach((id, term) -> {
            assertNotNull(term.get("term"), id);
            assertNotNull(term.get("match"), id);
        });
        FlowLibrary library = FlowWalk.library();
        List<String> findings = new ArrayList<>();
        for (Flow flow : library.flows()) {
            if (flow.speaks(language)) {
                findings.addAll(findings(dutchTerms, terms, texts(library, flow, Language.SOURCE),
                        texts(library, flow, language)).stream().map(f -> flow.id() + " " + f).toList());
            }
        }
        assertEquals(List.of(), findings.stream().distinct().toList(), findings.size() + " texts leave the glossary");
    }

    /**
     * Arabic writes tanwin fath one way: on the letter before the alef (مثلًا، جدًا), as the glossary says, not on
     * the alef (مثلاً); both were in use. The two look alike but are different text, to search and to compare.
     */
    @Test
    void arabicWritesTanwinOnTheLetterBeforeTheAlef() {
        List<String> found = new ArrayList<>();
        LOCALES.forEach((file, content) -> {
            if (file.startsWith("locales/ar/")) {
                String[] lines = content.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].contains("\u0627\u064B")) {
                        found.add(file + ":" + (i + 1) + ": " + lines[i].strip());
                    }
                }
            }
        });
        assertEquals(List.of(), found);
        assertTrue(LOCALES.get("locales/ar/messages.yaml").contains("\u064B\u0627"), "the chosen spelling is in use");
    }

    @Test
    void aSynonymOrAVariantToAvoidIsFound() {
        Map<String, Map<String, Object>> nl = glossary(Language.SOURCE);
        Map<String, Map<String, Object>> tr = glossary("tr");
        assertEquals(List.of("s: 'hulpverlener' is not 'yardım çalışanı' in: Bir uzman sizi arar."),
                findings(nl, tr, Map.of("s", "Een hulpverlener belt u."), Map.of("s", "Bir uzman sizi arar.")));
        assertEquals(List.of("s: 'condemn' instead of 'disapprove' in: Do not condemn or disapprove."),
                findings(nl, glossary("en"), Map.of("s", "Keur niet af."), Map.of("s", "Do not condemn or disapprove.")));
        assertEquals(List.of(), findings(nl, glossary("ar"), Map.of("s", "De hulpverlener luistert."),
                Map.of("s", "مقدّم المساعدة يستمع.")), "the vowel marks do not matter");
    }

    @Test
    void aGlossaryInALocaleFolderIsAcceptedButNotReadAndOtherFilesAreStillRefused() {
        Map<String, String> locales = new HashMap<>();
        locales.put("locales/nl/language.yaml", "name: Nederlands\ndirection: ltr\n");
        locales.put("locales/nl/messages.yaml", "error:\n  date: Vul een datum in.\n");
        locales.put("locales/nl/flows/leeg.yaml", "title: Leeg\ndescription: Leeg.\nsteps:\n  a:\n    text: Hallo.\n");
        // not even valid YAML: the service never reads a glossary, so a half-edited one cannot stop it
        locales.put("locales/nl/glossary.yaml", "terms: [unclosed\n");
        Map<String, String> flows = Map.of("flows/leeg.yaml", "id: leeg\nlanguages: [nl]\nsteps:\n  - id: a\n    type: info\n    source: s\n");
        FlowLibraryLoader loader = new FlowLibraryLoader(new TextRenderer());
        assertEquals(List.of("leeg"), loader.load(flows, locales).flows().stream().map(Flow::id).toList());
        locales.put("locales/nl/woordenlijst.yaml", "terms: {}\n");
        InvalidFlowsException refused = assertThrows(InvalidFlowsException.class, () -> loader.load(flows, locales));
        assertEquals(List.of("locales/nl/woordenlijst.yaml:1: unexpected file: locales hold <lang>/language.yaml, "
                        + "<lang>/messages.yaml, <lang>/glossary.yaml and <lang>/flows/<flow id>.yaml, where <lang> is two or three "
                        + "lower-case letters (pl, not pt-BR)"),
                refused.problems().stream().map(Problem::toString).toList());
    }
}
