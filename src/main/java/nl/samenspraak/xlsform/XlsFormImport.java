package nl.samenspraak.xlsform;

import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.TextRenderer;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Importing a spreadsheet beside the flows a service has: the languages it may use and the words it borrows
 * come from those flows' locales, and the result is checked by the same loader that serves flows, so an
 * imported flow that passes here is one the service will run.
 */
public final class XlsFormImport {
    private final Map<String, String> flowFiles;
    private final Map<String, String> localeFiles;
    private final FlowLibrary library;

    /** @throws nl.samenspraak.flow.load.InvalidFlowsException when the existing flows don't load themselves */
    public XlsFormImport(Map<String, String> flowFiles, Map<String, String> localeFiles) {
        this.flowFiles = Map.copyOf(flowFiles);
        this.localeFiles = Map.copyOf(localeFiles);
        this.library = new FlowLibraryLoader(new TextRenderer()).load(flowFiles, localeFiles);
    }

    public Set<String> languages() {
        return library.translations().languages().stream().map(Language::code).collect(Collectors.toSet());
    }

    /** The spreadsheet as a flow; {@link XlsFormRefused} lists every problem with sheet, row and column. */
    public ImportedFlow read(InputStream xlsx, String fileName) {
        return XlsFormConverter.convert(XlsxSheets.read(xlsx), fileName, languages(),
                (language, key) -> library.translations().message(language, key));
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
