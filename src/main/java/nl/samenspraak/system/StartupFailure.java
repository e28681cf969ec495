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

    static String headline(Throwable failure) {
        List<String> where = new ArrayList<>();
        migration(failure).ifPresent(where::add);
        bean(failure).ifPresent(b -> where.add("while making " + b));
        return (where.isEmpty() ? "" : String.join(", ", where) + ": ") + LoggedFailure.databaseError(failure)
                + " (the database's message is left out: it may quote stored values)";
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
