package nl.samenspraak.support;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.DataFiles;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.xlsform.ImportedFlow;
import nl.samenspraak.xlsform.XlsFormExporter;
import nl.samenspraak.xlsform.XlsFormImport;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every flow of this repository exported as an XLSForm and imported back, loaded by the same loader as the
 * file flows: the library the golden tests walk a second time, so that a round trip that changes what a person
 * gets back fails them.
 */
public final class RoundTrippedFlows {
    private RoundTrippedFlows() {
    }

    public static FlowLibrary load() {
        Map<String, String> flowFiles = DataFiles.read(Path.of("flows"), "flows");
        Map<String, String> localeFiles = DataFiles.read(Path.of("locales"), "locales");
        FlowLibrary files = new FlowLibraryLoader(new TextRenderer()).load(flowFiles, localeFiles);
        XlsFormImport importer = new XlsFormImport(flowFiles, localeFiles);
        Map<String, String> flows = new TreeMap<>();
        Map<String, String> locales = new TreeMap<>();
        localeFiles.forEach((file, content) -> {
            if (!file.matches("locales/[a-z]+/flows/.*")) {
                locales.put(file, content);
            }
        });
        for (Flow flow : files.flows()) {
            byte[] xlsx = XlsFormExporter.export(flow, files.translations());
            ImportedFlow imported = importer.read(new ByteArrayInputStream(xlsx), flow.id() + ".xlsx");
            imported.files().forEach((file, content) -> (file.startsWith("flows/") ? flows : locales).put(file, content));
        }
        return new FlowLibraryLoader(new TextRenderer()).load(flows, locales);
    }
}
