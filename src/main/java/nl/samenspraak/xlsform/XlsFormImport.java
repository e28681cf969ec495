package nl.samenspraak.xlsform;

import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.TextRenderer;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Importing a spreadsheet beside the flows a service has: the languages it may use and the words it borrows
 * come from those flows' locales, and the result is checked by the same loader that serves flows, so an
 * imported flow that passes here is one the service will run.
 */
public final class XlsFormImport {
    private static final Pattern LANGUAGE_FILE = Pattern.compile("(?:.*/)?([a-z]{2,3})/language\\.ya?ml");
    private static final Pattern MESSAGES_FILE = Pattern.compile("(?:.*/)?([a-z]{2,3})/messages\\.ya?ml");

    private final Map<String, String> flowFiles;
    private final Map<String, String> localeFiles;
    private final Set<String> languages = new TreeSet<>();
    private final Map<String, Map<String, Object>> messages = new HashMap<>();

    /** The flows and locale files the imported flow will live beside (flows may be none). */
    public XlsFormImport(Map<String, String> flowFiles, Map<String, String> localeFiles) {
        this.flowFiles = Map.copyOf(flowFiles);
        this.localeFiles = Map.copyOf(localeFiles);
        localeFiles.forEach((file, content) -> {
            String name = file.replace('\\', '/');
            Matcher language = LANGUAGE_FILE.matcher(name);
            Matcher words = MESSAGES_FILE.matcher(name);
            if (language.matches()) {
                languages.add(language.group(1));
            } else if (words.matches()) {
                Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
                if (parsed instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked") Map<String, Object> typed = (Map<String, Object>) m;
                    messages.put(words.group(1), typed);
                }
            }
        });
    }

    /** The languages the service speaks: a form may use these. */
    public Set<String> languages() {
        return Collections.unmodifiableSet(languages);
    }

    /** The spreadsheet as a flow; {@link XlsFormRefused} lists every problem with sheet, row and column. */
    public ImportedFlow read(InputStream xlsx, String fileName) {
        return XlsFormConverter.convert(XlsxSheets.read(xlsx), fileName, languages(), this::message);
    }

    /** A shared message by dotted key, in {@code language} or else in Dutch. */
    private String message(String language, String key) {
        for (String code : new String[]{language, Language.SOURCE}) {
            Object node = messages.get(code);
            for (String part : key.split("\\.")) {
                node = node instanceof Map<?, ?> m ? m.get(part) : null;
            }
            if (node != null) {
                return node.toString();
            }
        }
        return key;
    }

    /**
     * The library the service would have with {@code imported} added (replacing a flow of the same id).
     *
     * @throws nl.samenspraak.flow.load.InvalidFlowsException listing what the flow loader finds wrong
     */
    public FlowLibrary check(ImportedFlow imported) {
        Map<String, String> flows = new TreeMap<>();
        flowFiles.forEach((file, content) -> {
            if (!stem(file).equals(imported.id())) {
                flows.put(file, content);
            }
        });
        flows.put(imported.flowFile(), imported.flowYaml());
        Map<String, String> locales = new TreeMap<>();
        localeFiles.forEach((file, content) -> {
            if (!file.replace('\\', '/').matches(".*/flows/" + java.util.regex.Pattern.quote(imported.id()) + "\\.ya?ml")) {
                locales.put(file, content);
            }
        });
        imported.localeYaml().forEach((language, text) -> locales.put(imported.localeFile(language), text));
        return new FlowLibraryLoader(new TextRenderer()).load(flows, locales);
    }

    private static String stem(String file) {
        String name = file.substring(file.replace('\\', '/').lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
