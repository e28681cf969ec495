package nl.samenspraak.security;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The create-admin command's refusals, each with a reason an operator can act on (and no account made). */
class CreateAdminCommandTest {
    private final String database = "jdbc:h2:mem:create-admin-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private final Supplier<ApplicationContext> context =
            () -> ApplicationContext.run(Map.of("datasources.default.url", database), "test");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        out.reset();
        err.reset();
        return new CreateAdminCommand(new BufferedReader(new StringReader(stdin)), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), context)
                .run(args);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void refusesMisuseAWeakPasswordAndATakenName() {
        assertEquals(64, run("", "create-admin"));
        assertTrue(errors().contains("usage: create-admin <username>"), errors());
        assertEquals(64, run("", "create-admin", "anna"));
        assertTrue(errors().contains("No password given"), errors());
        assertEquals(1, run("kort\n", "create-admin", "anna"));
        assertEquals("A password has at least 12 characters.", errors().strip());
        assertEquals(1, run("a fine password here\n", "create-admin", "x"));
        assertTrue(errors().contains("A username has 3 to 64 characters"), errors());

        assertEquals(0, run("a fine password here\n", "create-admin", "anna"));
        assertEquals(1, run("another fine password\n", "create-admin", "ANNA"));
        assertEquals("The username anna already exists.", errors().strip());
        try (ApplicationContext ctx = context.get()) {
            assertEquals(1, ctx.getBean(Accounts.class).all().size());
            assertTrue(ctx.getBean(Accounts.class).byUsername("anna").orElseThrow().is(Role.ADMIN));
        }
    }

    /** A database it cannot reach is said in one line with the driver's reason, not a page of beans (exit 1). */
    @Test
    void anUnreachableDatabaseIsSaidInOneLine() {
        Supplier<ApplicationContext> unreachable = () -> ApplicationContext.run(Map.of(
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:1/samenspraak", "datasources.default.username", "x",
                "datasources.default.connection-timeout", "2000", "datasources.default.initialization-fail-timeout", "1"), "test");
        int status = new CreateAdminCommand(new BufferedReader(new StringReader("a fine password here\n")), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), unreachable)
                .run("create-admin", "anna");
        assertEquals(1, status);
        assertTrue(errors().startsWith("Samenspraak cannot start: ") && errors().contains("Connection to 127.0.0.1:1 refused"), errors());
        assertEquals(1, errors().strip().lines().count(), errors());
    }
}
