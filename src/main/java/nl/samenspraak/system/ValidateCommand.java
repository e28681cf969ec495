package nl.samenspraak.system;

import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.flow.load.InvalidFlowsException;
import nl.samenspraak.i18n.TextRenderer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code validate [flows-dir] [locales-dir]}: checks flows and their texts without starting the service.
 * Exits 0 when all is well, 1 with one line per problem ({@code file:line: problem}) when not, 64 on misuse.
 * Without a locales folder it takes {@code locales/} beside the flows folder, else the bundled one.
 */
public final class ValidateCommand {
    public static final String NAME = "validate";

    private final PrintStream out;
    private final PrintStream err;

    public ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        if (args.length > 3) {
            err.println("usage: validate [flows-dir] [locales-dir]");
            return 64;
        }
        Path flowsDir = Path.of(args.length > 1 ? args[1] : "flows");
        if (!Files.isDirectory(flowsDir)) {
            err.println(flowsDir + ": no such folder");
            return 64;
        }
        if (args.length > 2 && !Files.isDirectory(Path.of(args[2]))) {
            err.println(args[2] + ": no such folder");
            return 64;
        }
        FlowFolders folders = FlowFolders.locate(flowsDir.toString(), args.length > 2 ? args[2] : null);
        try {
            FlowLibrary library = new FlowLibraryLoader(new TextRenderer())
                    .load(folders.flowFiles(), folders.localeFiles());
            library.flows().forEach(f -> out.println("ok  " + f.id() + " (version " + f.version() + ", "
                    + f.steps().size() + " steps, languages " + String.join(", ", f.languages()) + ")"));
            return 0;
        } catch (InvalidFlowsException e) {
            err.println(e.getMessage());
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
            return 1;
        }
    }
}
