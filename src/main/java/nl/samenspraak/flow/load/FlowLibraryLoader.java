package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.LanguageTexts;
import nl.samenspraak.i18n.Text;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads flows ({@code flows/<id>.yaml}) and words ({@code locales/<lang>/language.yaml}, {@code messages.yaml}
 * and {@code flows/<id>.yaml}), checks them all, and either returns a {@link FlowLibrary} or throws an
 * {@link InvalidFlowsException} listing every problem with file and line.
 */
public final class FlowLibraryLoader {
    private static final Pattern LOCALE_FILE = Pattern.compile("(?:.*/)?([a-z]{2,3})/(language|messages|glossary|flows/([a-z][a-z0-9-]*))\\.ya?ml");
    /**
     * A language's glossary (the key terms and the one word chosen for each) is for translators and the tests
     * (i18n.GlossaryTest), not for the service: nothing it shows is looked up there. So it is accepted in a locale
     * folder but not read, and a half-edited glossary never keeps the service from starting.
     */
    private static final String GLOSSARY = "glossary";
    private static final String MESSAGES = "messages";

    private final TextRenderer renderer;
    private final PreparsedLocales preparsed;

    /** A loader that parses every file. */
    public FlowLibraryLoader(TextRenderer renderer) {
        this(renderer, PreparsedLocales.none());
    }

    /** A loader that takes a locale file's texts from {@code preparsed} where that holds the file as it is. */
    public FlowLibraryLoader(TextRenderer renderer, PreparsedLocales preparsed) {
        this.renderer = renderer;
        this.preparsed = preparsed;
    }

    /**
     * @param flowFiles   file name to content, as {@link DataFiles} reads them
     * @param localeFiles file name to content, below a folder named like {@code locales/}
     */
    public FlowLibrary load(Map<String, String> flowFiles, Map<String, String> localeFiles) {
        List<Problem> problems = new ArrayList<>();
        UnreadableLocales unreadable = new UnreadableLocales();
        Map<String, LanguageTexts> languages = readLocales(localeFiles, problems, unreadable);
        if (!languages.containsKey(Language.SOURCE) && !unreadable.language(Language.SOURCE)) {
            problems.add(Problem.worded("locales/nl/language.yaml", 1, "flowparse.no_source_language", Map.of()));
        }
        if (flowFiles.isEmpty()) {
            problems.add(Problem.worded("flows", 1, "flowparse.no_flow", Map.of()));
        }
        FlowValidator validator = new FlowValidator(renderer);
        Map<String, Flow> flows = new LinkedHashMap<>();
        for (Read<Flow> read : inParallel(flowFiles, (file, content) -> {
            List<Problem> flowProblems = new ArrayList<>();
            Optional<Flow> flow = FlowParser.parse(file, content, textsOf(stem(file), localeFiles), flowProblems);
            if (flow.isEmpty() || !flowProblems.isEmpty()) {
                return new Read<>(null, flowProblems);
            }
            validator.check(flow.get(), languages, unreadable, flowProblems);
            return new Read<>(flow.get(), flowProblems);
        })) {
            if (read.value() != null) {
                flows.put(read.value().id(), read.value());
            }
            problems.addAll(read.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidFlowsException(problems);
        }
        return new FlowLibrary(flows, new Translations(languages));
    }

    private Map<String, LanguageTexts> readLocales(Map<String, String> files, List<Problem> problems, UnreadableLocales unreadable) {
        Map<String, Language> meta = new TreeMap<>();
        Map<String, String> languageFiles = new TreeMap<>();
        Map<String, String> messageFiles = new TreeMap<>();
        Map<String, Map<String, Text>> messages = new TreeMap<>();
        Map<String, Map<String, String>> flowFiles = new TreeMap<>();
        Map<String, Map<String, Map<String, Text>>> flowTexts = new TreeMap<>();
        List<Read<Map<String, Text>>> read = inParallel(files, (file, content) -> {
            Matcher m = LOCALE_FILE.matcher(file);
            if (!m.matches() || GLOSSARY.equals(m.group(2))) {
                return new Read<>(null, List.of());
            }
            Optional<Map<String, Text>> ready = preparsed.texts(file, content);
            if (ready.isPresent()) {
                return new Read<>(ready.get(), List.of());
            }
            List<Problem> found = new ArrayList<>();
            Optional<Node> root = YamlNodes.parse(file, content, found);
            if (root.isEmpty()) {
                return new Read<>(null, found);
            }
            if (YamlNodes.mapping(root.get()) == null) {
                found.add(Problem.worded(file, YamlNodes.line(root.get()), "flowparse.locale_not_a_mapping", Map.of()));
                return new Read<>(null, found);
            }
            Map<String, Text> texts = new LinkedHashMap<>();
            YamlNodes.flatten(file, "", root.get(), texts, found);
            if (MESSAGES.equals(m.group(2))) {
                checkSyntax(file, texts, found);
            }
            return new Read<>(texts, found);
        });
        Iterator<Read<Map<String, Text>>> reads = read.iterator();
        files.forEach((file, content) -> {
            Read<Map<String, Text>> parsed = reads.next();
            Matcher m = LOCALE_FILE.matcher(file);
            if (!m.matches()) {
                problems.add(Problem.worded(file, 1, "flowparse.unexpected_locale_file", Map.of()));
                return;
            }
            if (GLOSSARY.equals(m.group(2))) {
                return;
            }
            String code = m.group(1);
            problems.addAll(parsed.problems());
            if (parsed.value() == null) {
                unreadable.add(code, m.group(2));
                return;
            }
            Map<String, Text> texts = parsed.value();
            switch (m.group(2)) {
                case "language" -> {
                    Text name = texts.get("name");
                    Text direction = texts.get("direction");
                    Text script = texts.get("script");
                    if (name == null || direction == null || !direction.text().matches("ltr|rtl")
                            || script != null && !knownScript(script.text())) {
                        problems.add(Problem.worded(file, 1, "flowparse.language_file", Map.of()));
                        unreadable.add(code, m.group(2));
                    } else {
                        meta.put(code, new Language(code, name.text(), direction.text(), script == null ? null : script.text()));
                        languageFiles.put(code, file);
                    }
                }
                case "messages" -> {
                    messages.put(code, texts);
                    messageFiles.put(code, file);
                }
                default -> {
                    flowFiles.computeIfAbsent(code, k -> new TreeMap<>()).put(m.group(3), file);
                    flowTexts.computeIfAbsent(code, k -> new TreeMap<>()).put(m.group(3), texts);
                }
            }
        });
        languageFiles.forEach((code, file) -> {
            if (!messageFiles.containsKey(code) && !unreadable.messages(code)) {
                String missing = file.substring(0, file.lastIndexOf('/') + 1) + MESSAGES + ".yaml";
                problems.add(Problem.worded(missing, 1, Language.SOURCE.equals(code) ? "flowparse.source_messages_file_missing"
                        : "flowparse.messages_file_missing", Map.of("language", code)));
                messageFiles.put(code, missing);
                unreadable.add(code, MESSAGES); // one problem for the file, not one per message it would hold
            }
        });
        Map<String, LanguageTexts> languages = new TreeMap<>();
        meta.forEach((code, language) -> languages.put(code, new LanguageTexts(language,
                messageFiles.getOrDefault(code, "locales/" + code + "/messages.yaml"),
                messages.getOrDefault(code, Map.of()), flowFiles.getOrDefault(code, Map.of()),
                flowTexts.getOrDefault(code, Map.of()))));
        for (String code : messages.keySet()) {
            if (!meta.containsKey(code) && !unreadable.language(code)) {
                problems.add(Problem.worded(messageFiles.get(code), 1, "flowparse.language_file_missing", Map.of("language", code)));
            }
        }
        checkMessages(languages, unreadable, problems);
        return languages;
    }

    /**
     * Every shared message parses as a template: the code renders them with models of its own, so a stray {@code #if}
     * would otherwise be found by the first person shown that message, as a 500. (A flow's texts are rendered with a
     * sample model by {@link FlowValidator}; the bundled files were checked when the build preparsed them.)
     */
    private void checkSyntax(String file, Map<String, Text> texts, List<Problem> found) {
        texts.forEach((key, text) -> renderer.syntaxProblem(text.text())
                .ifPresent(problem -> found.add(FlowValidator.renderProblem(file, text.line(), key, problem))));
    }

    /**
     * Every language has exactly the shared messages Dutch has, and a translation uses no reference
     * ({@code $min}, {@code $answer}, ...) that the Dutch text does not: the code fills in only those.
     */
    private void checkMessages(Map<String, LanguageTexts> languages, UnreadableLocales unreadable, List<Problem> problems) {
        LanguageTexts source = languages.get(Language.SOURCE);
        if (source == null || unreadable.messages(Language.SOURCE)) {
            return;
        }
        for (LanguageTexts texts : languages.values()) {
            if (unreadable.messages(texts.language().code())) {
                continue;
            }
            source.messages().keySet().stream().filter(k -> !texts.messages().containsKey(k)).forEach(k ->
                    problems.add(Problem.worded(texts.messagesFile(), 1, "flowparse.message_missing",
                            Map.of("language", texts.language().code(), "key", k))));
            texts.messages().forEach((k, text) -> {
                Text dutch = source.messages().get(k);
                if (dutch == null) {
                    problems.add(Problem.worded(texts.messagesFile(), text.line(), "flowparse.message_not_dutch", Map.of("key", k)));
                    return;
                }
                if (text.text().indexOf('$') < 0) {
                    return; // refers to nothing (most texts): the Dutch need not be read
                }
                Set<String> known = TextRenderer.references(dutch.text());
                TextRenderer.references(text.text()).stream().filter(r -> !known.contains(r)).forEach(r ->
                        problems.add(Problem.worded(texts.messagesFile(), text.line(), "flowparse.message_reference",
                                Map.of("key", k, "reference", "$" + r, "known", known.stream().sorted()
                                        .map(n -> "$" + n).toList().toString()))));
            });
        }
    }

    /**
     * Whether {@code name} is a Unicode script as both readers of it spell it: Java's {@link Character.UnicodeScript}
     * (which also takes "latin" or "LATN") and a browser's {@code \p{Script=...}}, which takes only "Latin" or "Latn";
     * the page mirrors the typed-answer rule with it (chat.js), so a name the browser would not read is refused here.
     */
    static boolean knownScript(String name) {
        if (!name.matches("[A-Z][a-z]+(_[A-Z][a-z]+)*")) {
            return false;
        }
        try {
            Character.UnicodeScript.forName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The locale files of one flow, in a stable order: part of what the flow's version hashes. Each is named from
     * its language folder on ({@code nl/flows/x.yaml}), never by where the folder lies: the same words read from
     * {@code locales}, {@code locales/} or an absolute path (an install moved elsewhere) are the same version.
     */
    private static String textsOf(String flowId, Map<String, String> localeFiles) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(localeFiles).forEach((file, content) -> {
            Matcher m = LOCALE_FILE.matcher(file);
            if (m.matches() && flowId.equals(m.group(3))) {
                b.append(file, m.start(1), file.length()).append('\n').append(content).append('\n');
            }
        });
        return b.toString();
    }

    /** What reading one file gave: its value (null when there is none) and its problems, in the order found. */
    private record Read<T>(T value, List<Problem> problems) {
    }

    /**
     * Reads every file on its own, several at once, and returns what each gave in the files' order, so the problems
     * are listed as a one-by-one reading lists them. Reading and checking the files is a good part of start-up, and
     * the files do not depend on each other.
     */
    private static <T> List<Read<T>> inParallel(Map<String, String> files, BiFunction<String, String, Read<T>> reading) {
        return new ArrayList<>(files.entrySet()).parallelStream()
                .map(file -> reading.apply(file.getKey(), file.getValue())).toList();
    }

    private static String stem(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
