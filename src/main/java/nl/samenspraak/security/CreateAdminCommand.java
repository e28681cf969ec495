package nl.samenspraak.security;

import io.micronaut.context.ApplicationContext;
import nl.samenspraak.web.Pages;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * {@code create-admin <username>}: makes an admin account with the password read from standard input (asked
 * twice, unseen, at a terminal; one line when piped). Uses the configured database, without starting the web
 * server. Exits 0 when made, 1 when refused (name taken, password too weak), 64 on misuse.
 */
public final class CreateAdminCommand {
    public static final String NAME = "create-admin";
    /** The environment its application context runs in: no web server, no login made (see {@link JwtSecretFactory}). */
    public static final String ENVIRONMENT = "command";

    private final BufferedReader in;
    private final Console console;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<ApplicationContext> context;

    public CreateAdminCommand(BufferedReader in, Console console, PrintStream out, PrintStream err,
                              Supplier<ApplicationContext> context) {
        this.in = in;
        this.console = console;
        this.out = out;
        this.err = err;
        this.context = context;
    }

    public int run(String... args) {
        if (args.length != 2 || args[1].isBlank()) {
            err.println("usage: " + NAME + " <username>   (the password is read from standard input)");
            return 64;
        }
        String password = readPassword(args[1]);
        if (password == null || password.isEmpty()) {
            err.println("No password given (type it, or pipe it in on one line).");
            return 64;
        }
        ApplicationContext started;
        try {
            started = context.get();
        } catch (RuntimeException e) {
            // the database unreachable, a setting wrong: the reason in one line, not the beans being made
            err.println("Samenspraak cannot start: " + nl.samenspraak.system.StartupFailure.reason(e));
            return 1;
        }
        try (ApplicationContext ctx = started) {
            try {
                Account admin = ctx.getBean(Accounts.class).create(args[1], password, Role.ADMIN);
                out.println("Created admin account '" + admin.username() + "'.");
                return 0;
            } catch (Refused e) {
                err.println(ctx.getBean(Pages.class).message("en", e.key(), e.parameters()));
                return 1;
            }
        }
    }

    private String readPassword(String username) {
        if (console != null) {
            char[] first = console.readPassword("Password for %s: ", username);
            char[] again = console.readPassword("The same password again: ");
            if (first == null || !Arrays.equals(first, again)) {
                err.println("The two passwords differ.");
                return null;
            }
            return new String(first);
        }
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
