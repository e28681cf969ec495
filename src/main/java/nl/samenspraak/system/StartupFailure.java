package nl.samenspraak.system;

import io.micronaut.context.exceptions.BeanCreationException;
import io.micronaut.inject.BeanType;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A failed start as the log shows it. Micronaut logs the failure whole, and its message and every cause's repeat the
 * database's: a migration that fails on a row ("Value too long for column …: 'Wij zijn gevlucht, Kerkstraat 12'"),
 * a unique key the first admin's creation met on PostgreSQL ("Key (username)=(…) already exists"). So where the
 * failure holds a database error it is logged as {@link LoggedFailure} does (classes, SQL state, frames), headed by
 * what an operator acts on: the migration and its line, the bean being made, the database error's class and codes.
 * A failure without a database error (a broken flow file, a missing setting) is logged as it is.
 */
public final class StartupFailure {
    private StartupFailure() {
    }

    /** What to hand to the log for {@code failure}. */
    public static Throwable loggable(Throwable failure) {
        if (!LoggedFailure.holdsDatabaseError(failure)) {
            return failure;
        }
        Throwable safe = new Throwable(headline(failure), LoggedFailure.of(failure), false, true) {
            @Override
            public String toString() {
                return getMessage();
            }
        };
        safe.setStackTrace(new StackTraceElement[0]);
        return safe;
    }

    /**
     * A failed start's reason in one line: {@link #headline} where the database failed, else the innermost message
     * (Micronaut's outer ones repeat the beans it was making), with a setting's property named as its environment
     * variable ("samenspraak.conversation.result-open-for" as SAMENSPRAAK_CONVERSATION_RESULT_OPEN_FOR), as the
     * README's table names them.
     */
    public static String reason(Throwable failure) {
        if (LoggedFailure.holdsDatabaseError(failure)) {
            return headline(failure);
        }
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("Unable to start server.")) {
                return t.getMessage().lines().findFirst().orElse(""); // "... Port *:8080 already in use.", not "Address already in use"
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return failure.getClass().getSimpleName();
        }
        String line = reasonLine(message);
        java.util.regex.Matcher property = SETTING.matcher(line);
        StringBuilder named = new StringBuilder();
        while (property.find()) {
            property.appendReplacement(named, java.util.regex.Matcher.quoteReplacement(
                    property.group().toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_')));
        }
        property.appendTail(named);
        return named.length() > 400 ? named.substring(0, 400) + "…" : named.toString();
    }

    /**
     * The line of a Micronaut message that says what is wrong: its first constraint violation (a setting out of its
     * range, without the class's package), else its last "Message:" (the value that could not be converted), else its
     * first line.
     */
    static String reasonLine(String message) {
        List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("List of constraint violations")) {
                return lines.get(i + 1).replaceFirst("^(?:[a-z][a-z0-9_]*\\.)+", "");
            }
        }
        String last = null;
        for (String l : lines) {
            if (l.startsWith("Message: ")) {
                last = l.substring("Message: ".length());
            }
        }
        return last != null ? last : lines.isEmpty() ? message.strip() : lines.get(0);
    }

    /** A property of the service's own or of Micronaut's server, as a message names it. */
    private static final java.util.regex.Pattern SETTING =
            java.util.regex.Pattern.compile("(?<![\\w.])(?:samenspraak|micronaut\\.server|datasources\\.default|telegram)\\.[a-z0-9.-]*[a-z0-9]");

    static String headline(Throwable failure) {
        List<String> where = new ArrayList<>();
        migration(failure).ifPresent(where::add);
        bean(failure).ifPresent(b -> where.add("while making " + b));
        String prefix = (where.isEmpty() ? "" : String.join(", ", where) + ": ") + LoggedFailure.databaseError(failure);
        return connecting(failure).map(reason -> prefix + ": the database could not be reached or opened: " + reason)
                .orElse(prefix + " (the database's message is left out: it may quote stored values)");
    }

    /**
     * SQL states of a failure to connect or log in, before any statement ran: no stored value can be in its message,
     * and the message is what the operator acts on ("Connection to 127.0.0.1:5999 refused", "database "x" does not
     * exist", "password authentication failed", H2's "Database may be already in use"). Without it a refused port, an
     * unknown database and a second instance on one H2 folder read alike.
     */
    private static final List<String> CONNECTING = List.of("3D000", "28000", "28P01", "90020", "90146");

    static Optional<String> connecting(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || CONNECTING.contains(sql.getSQLState()))) {
                String message = String.valueOf(sql.getMessage()).lines().findFirst().orElse("").strip();
                return Optional.of(message.length() > 300 ? message.substring(0, 300) + "…" : message);
            }
        }
        return Optional.empty();
    }

    /**
     * Which migration the start stopped at ("migration V233__x.sql, line 4"), from Flyway's failure without its
     * message, which repeats the database's. Empty when the failure did not come from a migration.
     */
    static Optional<String> migration(Throwable failure) {
        String script = null;
        int line = -1;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FlywayMigrateException migrate) {
                MigrationInfo info = migrate.getMigration();
                script = script == null && info != null ? info.getScript() : script;
                line = line < 0 && migrate.getLineNumber() > 0 ? migrate.getLineNumber() : line;
            } else if (t instanceof FlywaySqlScriptException sql) {
                script = script == null && sql.getResource() != null ? sql.getResource().getFilename() : script;
                line = line < 0 && sql.getLineNumber() > 0 ? sql.getLineNumber() : line;
            }
        }
        return script == null ? Optional.empty() : Optional.of("migration " + script + (line > 0 ? ", line " + line : ""));
    }

    /** The bean whose making failed first (the innermost Micronaut names), if it names one. */
    @SuppressWarnings("rawtypes")
    private static Optional<String> bean(Throwable failure) {
        Optional<String> found = Optional.empty();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BeanCreationException creation) {
                Optional<BeanType> type = creation.getRootBeanType();
                if (type.isPresent()) {
                    found = Optional.of(type.get().getBeanType().getName());
                }
            }
        }
        return found;
    }
}
