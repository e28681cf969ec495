package nl.samenspraak.xlsform;

import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refused spreadsheet is said in its reader's language, so every problem key the code can produce is worded in
 * every language, and every worded problem is one the code produces. The keys are found in the sources as they are
 * written there, whole ({@code "xlsform.problem.repeat"}): a key put together from parts would go unseen, so none is.
 */
class XlsFormProblemWordsTest {
    private static final Pattern KEY = Pattern.compile(
            "\"((?:xlsform\\.(?:problem\\.[a-z_]+|line[a-z_]*|workbook))|flowcheck\\.[a-z_]+|flowparse\\.[a-z_]+)\"");
    private static final List<String> PREFIXES = List.of("xlsform.problem.", "xlsform.line", "xlsform.workbook", "flowcheck.",
            "flowparse.");

    static Set<String> keysInSources() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/nl/samenspraak"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void everyProblemTheCodeCanSayIsWordedInEveryLanguage() throws IOException {
        Set<String> used = keysInSources();
        assertTrue(used.containsAll(List.of("xlsform.problem.repeat", "xlsform.problem.choice_filter",
                "xlsform.problem.reference_unknown", "xlsform.problem.bundled_id", "xlsform.line_row_column",
                "flowparse.minimum_group_size", "flowparse.condition_syntax", "flowparse.yaml_syntax")), used.toString());
        Translations translations = FlowWalk.library().translations();
        for (Language language : translations.languages()) {
            Set<String> worded = translations.texts(language.code()).orElseThrow().messages().keySet();
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(worded);
            assertEquals(Set.of(), missing, "missing in locales/" + language.code() + "/messages.yaml");
        }
        assertTrue(translations.languages().size() >= 5);
    }

    @Test
    void everyWordedProblemIsOneTheCodeSays() throws IOException {
        Set<String> used = keysInSources();
        Set<String> unused = new TreeSet<>();
        for (String key : FlowWalk.library().translations().texts(Language.SOURCE).orElseThrow().messages().keySet()) {
            if (PREFIXES.stream().anyMatch(key::startsWith) && !used.contains(key)) {
                unused.add(key);
            }
        }
        assertEquals(Set.of(), unused, "worded in locales/nl/messages.yaml, said nowhere");
    }
}
