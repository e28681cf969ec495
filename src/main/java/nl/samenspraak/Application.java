package nl.samenspraak;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import nl.samenspraak.flow.load.InvalidFlowsException;
import nl.samenspraak.security.CreateAdminCommand;
import nl.samenspraak.system.StartupFailure;
import nl.samenspraak.system.ValidateCommand;
import nl.samenspraak.xlsform.ExportXlsFormCommand;
import nl.samenspraak.xlsform.ImportXlsFormCommand;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Starts the service, or with {@code validate [flows-dir] [locales-dir]} only checks flows and exits, or with
 * {@code create-admin <username>} makes an admin account (password from standard input) and exits, or with
 * {@code import-xlsform form.xlsx [--out flows/]} turns a spreadsheet into a flow and exits, or with
 * {@code export-xlsform [--out dir]} writes every flow as a spreadsheet and exits.
 * A broken flow stops the start with its problems listed, one per line, and no stack trace; a failure holding a
 * database error is logged without the database's messages ({@link StartupFailure}).
 */
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && ValidateCommand.NAME.equals(args[0])) {
            System.exit(new ValidateCommand(System.out, System.err).run(args));
        }
        if (args.length > 0 && ExportXlsFormCommand.NAME.equals(args[0])) {
            System.exit(new ExportXlsFormCommand(System.out, System.err).run(args));
        }
        if (args.length > 0 && ImportXlsFormCommand.NAME.equals(args[0])) {
            System.exit(new ImportXlsFormCommand(System.out, System.err).run(args));
        }
        if (args.length > 0 && CreateAdminCommand.NAME.equals(args[0])) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.exit(new CreateAdminCommand(in, System.console(), System.out, System.err,
                    () -> ApplicationContext.builder().mainClass(Application.class)
                            .environments(CreateAdminCommand.ENVIRONMENT).start()).run(args));
        }
        if (Boolean.getBoolean("samenspraak.stop-with-parent")) {
            stopWithParent();
        }
        new Micronaut() {
            @Override
            protected void handleStartupException(Environment environment, Throwable exception) {
                for (Throwable t = exception; t != null; t = t.getCause()) {
                    if (t instanceof InvalidFlowsException invalid) {
                        System.err.println("Samenspraak cannot start: the flows have problems.");
                        System.err.println(invalid.getMessage());
                        System.exit(2);
                    }
                    if (t instanceof nl.samenspraak.system.SettingRefused refused) {
                        System.err.println("Samenspraak cannot start: " + refused.getMessage());
                        System.exit(2);
                    }
                }
                // anything else: its reason on the first line, then the log Micronaut writes (a port in use, a time
                // zone that does not exist were one line among forty to a hundred and eighty)
                System.err.println("Samenspraak cannot start: " + StartupFailure.reason(exception));
                // a database's message may quote stored values: logged without it, by migration and SQL state
                super.handleStartupException(environment, StartupFailure.loggable(exception));
            }
        }.mainClass(Application.class).args(args).start();
    }

    /**
     * Run by Maven (./mvnw compile exec:exec), the service is a child process: Ctrl-C reaches both, but a SIGTERM to
     * Maven alone would leave the service running. So it watches its parent and shuts down (gracefully, through the
     * shutdown hooks) when the parent ends.
     */
    private static void stopWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    }
}
