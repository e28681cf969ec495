package nl.samenspraak.system;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.samenspraak.support.Folders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code validate} on the repository's flows and words with one language file broken: it names that file, where YAML
 * says it broke and what is wrong, and nothing that follows from it. It said the file "does not exist" (a flow's
 * words, a language.yaml), or that a language missed every text or message the broken file holds.
 */
class ValidateCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void copyTheRepositorysFiles() throws IOException {
        Folders.copy(Path.of("flows"), dir.resolve("flows"));
        Folders.copy(Path.of("locales"), dir.resolve("locales"));
    }

    private record Run(int code, List<String> lines) {
    }

    private Run validate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = new ValidateCommand(print, print).run("validate", dir.resolve("flows").toString(), dir.resolve("locales").toString());
        return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private void write(String localeFile, String content) throws IOException {
        Files.writeString(dir.resolve("locales").resolve(localeFile), content);
    }

    private String file(String localeFile) {
        return dir.resolve("locales").resolve(localeFile).toString();
    }

    private void replace(String localeFile, String from, String to) throws IOException {
        String content = Files.readString(dir.resolve("locales").resolve(localeFile));
        assertEquals(true, content.contains(from), from);
        write(localeFile, content.replace(from, to));
    }

    @Test
    void aFlowsWordsThatAreNoYamlAreNamedWithLineAndCharacter() throws IOException {
        replace("en/flows/voorbeeld.yaml", "  kennis: Knowledge\n", "  kennis: Knowledge: and skill\n");
        Run run = validate();
        assertEquals(List.of(file("en/flows/voorbeeld.yaml") + ":4: YAML syntax at character 20: mapping values are not allowed here",
                "1 problem"), run.lines());
        assertEquals(1, run.code());
    }

    @Test
    void aFlowsWordsOfTheWrongShapeAreOneProblem() throws IOException {
        write("en/flows/voorbeeld.yaml", "- title\n- description\n");
        Run run = validate();
        assertEquals(List.of(file("en/flows/voorbeeld.yaml") + ":1: a language file maps keys to texts (key: text), not a list or a single text",
                "1 problem"), run.lines());
        assertEquals(1, run.code());
    }

    @Test
    void anEmptyFileIsSaidToBeEmptyNotMissing() throws IOException {
        write("en/flows/voorbeeld.yaml", "");
        assertEquals(List.of(file("en/flows/voorbeeld.yaml") + ":1: the file is empty", "1 problem"), validate().lines());
    }

    @Test
    void aBrokenLanguageYamlIsTheOneProblemOfItsLanguage() throws IOException {
        write("en/language.yaml", "name: English\ndirection: [ltr\n");
        assertEquals(List.of(file("en/language.yaml") + ":3: YAML syntax at character 1: expected ',' or ']', but got <stream end>",
                "1 problem"), validate().lines());
        write("en/language.yaml", "name: English\n");
        String needs = ":1: language.yaml needs name and direction (ltr or rtl); script, where given, is the name of a Unicode script (Latin, Arabic)";
        assertEquals(List.of(file("en/language.yaml") + needs, "1 problem"), validate().lines());
        // a script a browser would not read ("latin"), or none at all: the chat's page mirrors the typed-answer rule with it
        write("en/language.yaml", "name: English\ndirection: ltr\nscript: latin\n");
        assertEquals(List.of(file("en/language.yaml") + needs, "1 problem"), validate().lines());
        write("en/language.yaml", "name: English\ndirection: ltr\nscript: Klingon\n");
        assertEquals(List.of(file("en/language.yaml") + needs, "1 problem"), validate().lines());
        write("nl/language.yaml", "- Nederlands\n");
        write("en/language.yaml", "name: English\ndirection: ltr\n");
        assertEquals(List.of(file("nl/language.yaml") + ":1: a language file maps keys to texts (key: text), not a list or a single text",
                "1 problem"), validate().lines(), "Dutch is there, if broken");
    }

    @Test
    void brokenSharedMessagesAreNotEveryMessageMissing() throws IOException {
        replace("nl/messages.yaml", "  page_bad_request: Dit verzoek klopt niet.", "  page_bad_request: Dit verzoek: klopt niet.");
        Run run = validate();
        assertEquals(1, run.lines().stream().filter(l -> l.startsWith(file("nl/messages.yaml") + ":")).count(), run.lines().toString());
        assertEquals("1 problem", run.lines().get(run.lines().size() - 1), run.lines().toString());
        write("tr/messages.yaml", "[");
        assertEquals(List.of(file("nl/messages.yaml") + run.lines().get(0).substring(file("nl/messages.yaml").length()),
                file("tr/messages.yaml") + ":1: YAML syntax at character 2: expected the node content, but found '<stream end>'",
                "2 problems"), validate().lines());
    }

    /**
     * A language with its language.yaml but no messages.yaml is one problem: that file is missing, there, and what it
     * must hold. It was one "misses message" line per shared message (over 900), each at a path guessed from the
     * language's code rather than the folder read.
     */
    @Test
    void aLanguageWithoutItsMessagesIsThatOneFileMissing() throws IOException {
        Files.delete(dir.resolve("locales/tr/messages.yaml"));
        Run run = validate();
        assertEquals(List.of(file("tr/messages.yaml") + ":1: language 'tr' has language.yaml but no messages.yaml: it holds "
                + "every shared message of nl/messages.yaml, translated", "1 problem"), run.lines());
        assertEquals(1, run.code());

        Files.delete(dir.resolve("locales/nl/messages.yaml"));
        assertEquals(List.of(file("nl/messages.yaml") + ":1: Dutch (nl), the source language, has language.yaml but no "
                        + "messages.yaml: it holds every shared message the service shows, which the other languages translate",
                file("tr/messages.yaml") + ":1: language 'tr' has language.yaml but no messages.yaml: it holds every shared "
                        + "message of nl/messages.yaml, translated", "2 problems"),
                validate().lines(), "without the Dutch, no other language is told its messages are not Dutch");
    }

    /**
     * A language named with a region, as a newcomer may (pt-BR): its folder is no language's, so its file is
     * unexpected, and the flow that lists it is told that this is no language code. It was told that
     * locales/pt-BR/flows/voorbeeld.yaml "does not exist", with the file right there.
     */
    @Test
    void aLanguageNamedWithARegionIsSaidToBeNoLanguageCode() throws IOException {
        Files.createDirectories(dir.resolve("locales/pt-BR/flows"));
        Files.copy(dir.resolve("locales/en/flows/voorbeeld.yaml"), dir.resolve("locales/pt-BR/flows/voorbeeld.yaml"));
        Path flow = dir.resolve("flows/voorbeeld.yaml");
        String content = Files.readString(flow);
        assertEquals(true, content.contains("languages: [nl, en]\n"));
        Files.writeString(flow, content.replace("languages: [nl, en]\n", "languages: [nl, en, pt-BR]\n"));

        Run run = validate();
        assertEquals(List.of(flow + ":1: 'pt-BR' is not a language code: a language is named by two or three lower-case "
                        + "letters (pl, not pt-BR), as its folder in locales",
                file("pt-BR/flows/voorbeeld.yaml") + ":1: unexpected file: locales hold <lang>/language.yaml, "
                        + "<lang>/messages.yaml, <lang>/glossary.yaml and <lang>/flows/<flow id>.yaml, where <lang> is two or "
                        + "three lower-case letters (pl, not pt-BR)", "2 problems"), run.lines());
        assertEquals(1, run.code());
    }

    /** A file that is not there is still said to be missing. */
    @Test
    void aMissingFileIsStillMissing() throws IOException {
        Files.delete(dir.resolve("locales/en/flows/voorbeeld.yaml"));
        Run run = validate();
        assertEquals(List.of(dir.resolve("flows") + "/voorbeeld.yaml:1: language 'en' is declared, but locales/en/flows/voorbeeld.yaml does not exist",
                "1 problem"), run.lines());
        assertEquals(1, run.code());
    }

}
