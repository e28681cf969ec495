package nl.samenspraak.xlsform;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.BundledMessages;
import nl.samenspraak.flow.load.InvalidFlowsException;
import nl.samenspraak.flow.load.Problem;
import nl.samenspraak.system.FlowFolders;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code import-xlsform form.xlsx [--out flows/] [--locales locales/]}: writes the spreadsheet as a flow
 * ({@code <out>/<id>.yaml}) and its words ({@code <locales>/<lang>/flows/<id>.yaml}), after checking it beside the
 * flows already there exactly as the service will load them. Nothing is written when anything is wrong.
 * Exits 0 when written, 1 with one line per problem (sheet, row, column; in English, from the locale file) when
 * refused, also for what the flow loader finds in the flow the spreadsheet makes, 64 on misuse.
 */
public final class ImportXlsFormCommand {
    public static final String NAME = "import-xlsform";
    private static final String USAGE = "usage: " + NAME + " form.xlsx [--out flows/] [--locales locales/]";

    private final PrintStream out;
    private final PrintStream err;

    public ImportXlsFormCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        Path form = null;
        Path flowsDir = Path.of("flows");
        Path localesDir = null;
        for (int i = 1; i < args.length; i++) {
            if ((args[i].equals("--out") || args[i].equals("--locales")) && i + 1 < args.length) {
                if (args[i].equals("--out")) {
                    flowsDir = Path.of(args[++i]);
                } else {
                    localesDir = Path.of(args[++i]);
                }
            } else if (form == null && !args[i].startsWith("--")) {
                form = Path.of(args[i]);
            } else {
                err.println(USAGE);
                return 64;
            }
        }
        if (form == null) {
            err.println(USAGE);
            return 64;
        }
        if (!Files.isRegularFile(form)) {
            err.println(form + ": no such file");
            return 64;
        }
        if (localesDir == null) {
            localesDir = flowsDir.toAbsolutePath().normalize().resolveSibling("locales");
        }
        FlowFolders folders = FlowFolders.locate(Files.isDirectory(flowsDir) ? flowsDir.toString() : null,
                Files.isDirectory(localesDir) ? localesDir.toString() : null);
        ImportedFlow imported = null;
        try {
            XlsFormImport importer = new XlsFormImport(Files.isDirectory(flowsDir) ? folders.flowFiles() : java.util.Map.of(),
                    folders.localeFiles());
            try (InputStream in = Files.newInputStream(form)) {
                imported = importer.read(in, form.getFileName().toString());
            }
            FlowLibrary library = importer.check(imported);
            imported.write(flowsDir, localesDir);
            Flow flow = library.flow(imported.id()).orElseThrow();
            out.println("Imported " + form.getFileName() + " as flow '" + flow.id() + "' (" + flow.steps().size()
                    + " steps, languages " + String.join(", ", flow.languages()) + "):");
            out.println("  " + flowsDir.resolve(imported.id() + ".yaml"));
            Path locales = localesDir;
            String id = imported.id();
            flow.languages().forEach(l -> out.println("  " + locales.resolve(l).resolve("flows").resolve(id + ".yaml")));
            return 0;
        } catch (XlsFormRefused e) {
            err.println(form.getFileName() + " can't become a flow:");
            e.problems().forEach(p -> err.println("  " + p.line(BundledMessages.words(), XlsFormRefused.LANGUAGE)));
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
            return 1;
        } catch (InvalidFlowsException e) {
            // a problem of the converted flow is pointed at in the spreadsheet, where it can be fixed; one of a flow
            // already beside it keeps that flow's file and line
            err.println(form.getFileName() + " can't become a flow; the flow it makes has problems:");
            for (Problem p : e.problems()) {
                err.println("  " + (FlowProblems.isIn(p, imported)
                        ? FlowProblems.inSpreadsheet(p, imported, form.getFileName().toString())
                                .line(BundledMessages.words(), XlsFormRefused.LANGUAGE)
                        : p.toString()));
            }
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
            return 1;
        } catch (IOException e) {
            err.println("can't read or write: " + e.getMessage());
            return 1;
        }
    }
}
