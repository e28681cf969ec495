package nl.samenspraak.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * The service's logging, set up in Java instead of a logback.xml: parsing the XML and loading Logback's XML machinery
 * took about 7% of a start. Found by Logback (and Micronaut) through META-INF/services. A configuration file named
 * with {@code -Dlogback.configurationFile=...} still wins (the tests name theirs, logback-test.xml, in the POM).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    /** Loggers quieter than the rest (INFO), and why. */
    static final Map<String, Level> LEVELS = Map.of(
            // a text that does not render is said to whoever wrote it (the flow check, the spreadsheet upload page) and,
            // were it to happen while serving, reaches FailureResponses as an exception, which logs it; Velocity's own
            // ERROR line would be a second one, and for an admin's spreadsheet mistake a false alarm
            "org.apache.velocity", Level.OFF,
            // an unreachable database is logged once per outage by storage.DatabaseAvailability, not once per
            // connection by the pool
            "com.zaxxer.hikari", Level.ERROR,
            // a commit that fails because the connection dropped reaches its caller as an exception (503, and the
            // outage line above); the transaction manager's "commit exception overridden by rollback" would be a second
            "io.micronaut.transaction.jdbc.DataSourceTransactionManager", Level.OFF,
            // a failing readiness check is its reply (503), not a log line per probe of the load balancer
            "io.micronaut.management.health", Level.OFF,
            "org.flywaydb", Level.WARN,
            // a dozen lines for every PDF made ("Using fast-mode renderer. Prepare to fly."); its warnings stay
            "com.openhtmltopdf", Level.WARN,
            // "Using fallback font LiberationSans for base font ZapfDingbats" for every PDF: the PDF engine sets up
            // PDF's standard fonts each time, and the service draws nothing in them (its fonts are bundled, embedded)
            "org.apache.pdfbox.pdmodel.font.PDType1Font", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String file = System.getProperty("logback.configurationFile");
        if (file != null && !file.isBlank()) {
            DefaultJoranConfigurator files = new DefaultJoranConfigurator();
            files.setContext(context);
            return files.configure(context);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        TelegramPollingLog telegram = new TelegramPollingLog();
        telegram.setContext(context);
        telegram.start();
        context.addTurboFilter(telegram);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
