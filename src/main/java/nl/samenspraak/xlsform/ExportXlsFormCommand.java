package nl.samenspraak.xlsform;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.BundledMessages;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.flow.load.InvalidFlowsException;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.system.FlowFolders;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code export-xlsform [--out dir] [flows-dir] [locales-dir]}: writes every flow as {@code <id>.xlsx}, all its
 * languages side by side, for translators and for Kobo/ODK users. A flow XLSForm can't carry yet is named with the
 * reason and skipped. Exits 0 when every flow was written, 1 when any was skipped or the flows don't load, 64 on misuse.
 */
public final class ExportXlsFormCommand {
    public static final String NAME = "export-xlsform";
    private static final String USAGE = "usage: " + NAME + " [--out dir] [flows-dir] [locales-dir]";

    private final PrintStream out;
    private final PrintStream err;

    public ExportXlsFormCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        Path target = Path.of("xlsform");
        String flowsDir = null;
        String localesDir = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                target = Path.of(args[++i]);
            } else if (args[i].startsWith("--")) {
                err.println(USAGE);
                return 64;
            } else if (flowsDir == null) {
                flowsDir = args[i];
            } else if (localesDir == null) {
                localesDir = args[i];
            } else {
                err.println(USAGE);
                return 64;
            }
        }
        for (String folder : java.util.Arrays.asList(flowsDir, localesDir)) {
            if (folder != null && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(folder))) {
                err.println(folder + ": no such folder");
                return 64;
            }
        }
        FlowFolders folders = FlowFolders.locate(flowsDir, localesDir);
        FlowLibrary library;
        try {
            library = new FlowLibraryLoader(new TextRenderer()).load(folders.flowFiles(), folders.localeFiles());
        } catch (InvalidFlowsException e) {
            err.println(e.getMessage());
            return 1;
        }
        int skipped = 0;
        try {
            Files.createDirectories(target);
            for (Flow flow : library.flows()) {
                try {
                    byte[] xlsx = XlsFormExporter.export(flow, library.translations());
                    Path file = target.resolve(flow.id() + ".xlsx");
                    Files.write(file, xlsx);
                    out.println("wrote " + file + " (" + String.join(", ", flow.languages()) + ")");
                } catch (XlsFormRefused e) {
                    skipped++;
                    err.println("skipped " + flow.id() + ":");
                    e.problems().forEach(p -> err.println("  " + p.line(BundledMessages.words(), XlsFormRefused.LANGUAGE)));
                }
            }
        } catch (IOException e) {
            err.println("can't write: " + e.getMessage());
            return 1;
        }
        return skipped == 0 ? 0 : 1;
    }
}
