package nl.samenspraak.flow.load;

import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Text;
import nl.samenspraak.i18n.TextRenderer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The build's preparsed locale files give a start exactly the words that parsing the YAML gives, and never stand
 * in for a file that is not the one they were made from.
 */
class PreparsedLocalesTest {
    private static final Map<String, String> FLOWS = DataFiles.read(Path.of("flows"), "flows");
    private static final Map<String, String> LOCALES = DataFiles.read(Path.of("locales"), "locales");

    private static PreparsedLocales prepare(Map<String, String> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreparsedLocales.write(files, out);
        return PreparsedLocales.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static Map<String, Text> parsed(String file, String content) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Text> texts = new LinkedHashMap<>();
        YamlNodes.flatten(file, "", YamlNodes.parse(file, content, problems).orElseThrow(), texts, problems);
        assertEquals(List.of(), problems);
        return texts;
    }

    @Test
    void everyProjectLocaleFileComesBackWithTheSameKeysTextsLinesAndOrderAsParsingGives() throws Exception {
        PreparsedLocales prepared = prepare(LOCALES);

        // a glossary is for translators, never read by the loader (FlowLibraryLoader), so it need not be kept
        Map<String, String> read = new TreeMap<>(LOCALES);
        read.keySet().removeIf(file -> file.endsWith("/glossary.yaml"));
        assertTrue(read.size() > 30, "the project's locale files: " + read.keySet());
        read.forEach((file, content) -> {
            Map<String, Text> texts = prepared.texts(file, content).orElseThrow(() -> new AssertionError(file));
            Map<String, Text> expected = parsed(file, content);
            assertEquals(expected, texts, file);
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(texts.keySet()), file + ": file order");
        });
    }

    @Test
    void theBuildPreparesEveryLocaleFileTheServiceReadsAsTheFileStandsNow() {
        PreparsedLocales bundled = PreparsedLocales.bundled();

        LOCALES.forEach((file, content) -> {
            if (!file.endsWith("/glossary.yaml")) {
                assertEquals(parsed(file, content), bundled.texts(file, content).orElseThrow(() ->
                        new AssertionError(file + " is not in " + PreparsedLocales.RESOURCE + " as it stands")));
            }
        });
    }

    @Test
    void aLibraryLoadedWithThePreparsedWordsSaysEverythingAsOneParsedFromYaml() throws Exception {
        FlowLibrary parsed = new FlowLibraryLoader(new TextRenderer()).load(FLOWS, LOCALES);
        FlowLibrary quick = new FlowLibraryLoader(new TextRenderer(), prepare(LOCALES)).load(FLOWS, LOCALES);

        assertEquals(parsed.translations().languages(), quick.translations().languages());
        for (var language : parsed.translations().languages()) {
            assertEquals(parsed.translations().texts(language.code()).orElseThrow(),
                    quick.translations().texts(language.code()).orElseThrow(), language.code());
        }
        assertEquals(parsed.flows().stream().map(f -> f.id() + "@" + f.version()).toList(),
                quick.flows().stream().map(f -> f.id() + "@" + f.version()).toList());
    }

    @Test
    void aFileEditedAfterTheBuildIsParsedAgainSoItsNewWordsAndItsMistakesCount() throws Exception {
        String file = "locales/nl/messages.yaml";
        PreparsedLocales prepared = prepare(Map.of(file, "greeting: Hallo\nbye: Dag\n"));

        assertEquals(Map.of("greeting", new Text("Hallo", 1), "bye", new Text("Dag", 2)),
                prepared.texts(file, "greeting: Hallo\nbye: Dag\n").orElseThrow());
        // same length, one letter changed: the checksum tells
        assertTrue(prepared.texts(file, "greeting: Hallo\nbye: Dat\n").isEmpty());
        assertTrue(prepared.texts(file, "greeting: Hallo\n").isEmpty());
        assertTrue(prepared.texts("locales/en/messages.yaml", "greeting: Hallo\nbye: Dag\n").isEmpty(), "another file's name");

        Map<String, String> edited = new TreeMap<>(LOCALES);
        edited.put("locales/en/messages.yaml", LOCALES.get("locales/en/messages.yaml") + "\nnot: [closed\n");
        InvalidFlowsException e = assertThrows(InvalidFlowsException.class,
                () -> new FlowLibraryLoader(new TextRenderer(), prepare(LOCALES)).load(FLOWS, edited));
        assertTrue(e.getMessage().contains("locales/en/messages.yaml"), e.getMessage());
    }

    @Test
    void aFileWithAProblemIsNotKeptSoParsingReportsItWithItsLine() throws Exception {
        PreparsedLocales prepared = prepare(Map.of("locales/nl/messages.yaml", "a: [1, 2]\n", "locales/nl/language.yaml",
                "name: Nederlands\ndirection: ltr\n", "locales/xx/messages.yaml", "a: [unclosed\n"));

        assertEquals(1, prepared.size());
        assertFalse(prepared.texts("locales/nl/language.yaml", "name: Nederlands\ndirection: ltr\n").isEmpty());
        assertTrue(prepared.texts("locales/nl/messages.yaml", "a: [1, 2]\n").isEmpty());
    }

    /** The start parses such a file itself, and its check of the messages then says where the mistake is. */
    @Test
    void aFileWithATextThatDoesNotParseIsNotKept() throws Exception {
        String broken = "a: \"Kies #if(\"\nb: Goed\n"; // (quoted: " #" would begin a YAML comment)
        PreparsedLocales prepared = prepare(Map.of("locales/nl/messages.yaml", broken, "locales/en/messages.yaml", "a: Choose\nb: Good\n"));

        assertTrue(prepared.texts("locales/nl/messages.yaml", broken).isEmpty());
        assertFalse(prepared.texts("locales/en/messages.yaml", "a: Choose\nb: Good\n").isEmpty());
    }

    @Test
    void aTextLongerThanSixtyFourKilobytesAndEveryScriptSurviveTheRoundTrip() throws Exception {
        String longText = "ا".repeat(40_000) + "é🙂";
        String content = "long: \"" + longText + "\"\n";
        PreparsedLocales prepared = prepare(Map.of("locales/ar/messages.yaml", content));

        assertEquals(longText, prepared.texts("locales/ar/messages.yaml", content).orElseThrow().get("long").text());
    }

    @Test
    void aFormatItDoesNotKnowMeansEveryFileIsParsed() throws Exception {
        PreparsedLocales prepared = PreparsedLocales.read(new ByteArrayInputStream(new byte[]{0, 0, 0, 1, 0, 0, 0, 0}));

        assertEquals(0, prepared.size());
    }
}
