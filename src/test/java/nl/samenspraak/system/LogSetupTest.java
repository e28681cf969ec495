package nl.samenspraak.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator reads on the console: the service's log lines, without the noise that LogSetup keeps out. */
class LogSetupTest {

    @Test
    void theServiceLogsInfoLinesToTheConsoleButNotThePoolsOrFlywaysChatter() {
        String output = console(() -> {
            LoggerContext context = productionContext();
            context.getLogger("nl.samenspraak.Example").info("Telegram is off");
            context.getLogger("com.zaxxer.hikari.pool.HikariPool").warn("Connection is closed");
            context.getLogger("org.flywaydb.core.FlywayExecutor").info("Database: jdbc:h2:file:...");
            context.getLogger("org.flywaydb.core.FlywayExecutor").warn("a migration was changed");
            context.getLogger("io.micronaut.management.health.indicator.HealthResult").error("database down");
            context.getLogger("org.apache.velocity.rendering").error("Variable $onbekend has not been set");
            context.stop();
        });
        assertTrue(output.matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  nl\\.samenspraak\\.Example - Telegram is off\\R.*"), output);
        assertTrue(output.contains("WARN  org.flywaydb.core.FlywayExecutor - a migration was changed"), output);
        assertFalse(output.contains("Connection is closed"), output);
        assertFalse(output.contains("Database: jdbc"), output);
        assertFalse(output.contains("database down"), output);
        assertFalse(output.contains("has not been set"), "an admin's template mistake is said on the upload page: " + output);
    }

    /**
     * Telegram unreachable: the library logs each retry of its poll as an ERROR with some 35 lines of stack (270 lines
     * in 20 seconds). It is said in one line, again only after ten minutes; stopping while it waits is not a failure.
     */
    @Test
    void telegramsPollingFailuresAreOneLineNotAStackPerRetry() {
        String output = console(() -> {
            LoggerContext context = productionContext();
            ch.qos.logback.classic.Logger session = context.getLogger("org.telegram.telegrambots.longpolling.BotSession");
            Exception refused = new RuntimeException("getUpdates failed", new java.net.ConnectException("Connection refused"));
            for (int i = 0; i < 8; i++) {
                // as the library calls it: the exception as the last argument of a message with a placeholder
                session.error("Error received from Telegram GetUpdates Request, retrying in {} millis...", 5167L, refused);
            }
            session.error("Error received from Telegram GetUpdates Request", refused);
            session.warn("GetUpdates got interrupted while sleeping in backoff mode.", new InterruptedException());
            session.info("Bot session started");
            context.stop();
        });
        assertEquals(1, output.lines().filter(l -> l.contains("Telegram could not be reached (ConnectException in RuntimeException)")).count(), output);
        assertFalse(output.contains("\tat ") || output.contains("retrying in") || output.contains("interrupted"), output);
        assertTrue(output.contains("Bot session started"), "the library's other lines stay: " + output);
    }

    @Test
    void aTelegramFailureIsSaidAgainAfterTenQuietMinutes() {
        long[] now = {0};
        TelegramPollingLog filter = new TelegramPollingLog(() -> now[0]);
        LoggerContext context = new LoggerContext();
        ch.qos.logback.classic.Logger session = context.getLogger("org.telegram.telegrambots.longpolling.BotSession");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> said = new ch.qos.logback.core.read.ListAppender<>();
        said.start();
        context.getLogger("nl.samenspraak.telegram.Polling").addAppender(said);
        Exception failure = new java.io.IOException("down");
        filter.decide(null, session, Level.ERROR, "x", null, failure);
        now[0] += TelegramPollingLog.QUIET.toNanos() - 1;
        filter.decide(null, session, Level.ERROR, "x", null, failure);
        assertEquals(1, said.list.size());
        now[0] += 1;
        filter.decide(null, session, Level.ERROR, "x", null, failure);
        assertEquals(2, said.list.size(), "ten minutes on, it still lasts");
    }

    @Test
    void aConfigurationFileNamedOnTheCommandLineWins() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "logback-test.xml");
        try {
            LoggerContext context = new LoggerContext();
            LogSetup setup = new LogSetup();
            setup.setContext(context);
            setup.configure(context);
            // logback-test.xml's root level, not the service's INFO
            assertEquals(Level.WARN, context.getLogger("nl.samenspraak").getEffectiveLevel());
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    private static LoggerContext productionContext() {
        String before = System.getProperty("logback.configurationFile");
        System.clearProperty("logback.configurationFile");
        try {
            LoggerContext context = new LoggerContext();
            // what SLF4J's Logback provider gives the context it configures
            context.setMDCAdapter(new LogbackMDCAdapter());
            LogSetup setup = new LogSetup();
            setup.setContext(context);
            assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, setup.configure(context));
            return context;
        } finally {
            if (before != null) {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    private static String console(Runnable logging) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
