package nl.samenspraak.system;

import java.sql.SQLException;

/**
 * A failure as the log may show it. A database's message quotes what it was given: "Value too long for column
 * draft: '{"conversation":"01a2…", …}'" put a conversation's id (the key to its answers) and a person's words in the
 * log, and a unique-key violation names the key. So where a failure's causes hold a database error, every message
 * in them is left out and what tells a developer where it went wrong stays: each cause's class, the SQL state and
 * the vendor's error code, and the stack frames. A failure with no database error in it is logged as it is.
 */
public final class LoggedFailure {
    private LoggedFailure() {
    }

    /** {@code failure}, or where it holds a database error a copy of its chain without messages. */
    public static Throwable of(Throwable failure) {
        return holdsDatabaseError(failure) ? withoutMessages(failure) : failure;
    }

    /** One line for a log that names a failure without its stack: as {@link #of}, its class and database codes. */
    public static String summary(Throwable failure) {
        return holdsDatabaseError(failure) ? describe(failure) + causes(failure) : failure.toString();
    }

    /** Whether a database error is among the failure's causes (then its messages may quote stored values). */
    public static boolean holdsDatabaseError(Throwable failure) {
        return databaseErrorIn(failure) != null;
    }

    /** The first database error among the causes as {@link #summary} names one: its class, SQL state and code. */
    public static String databaseError(Throwable failure) {
        SQLException sql = databaseErrorIn(failure);
        return sql == null ? "" : describe(sql);
    }

    private static SQLException databaseErrorIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static Throwable withoutMessages(Throwable failure) {
        Throwable cause = failure.getCause() == null || failure.getCause() == failure ? null : withoutMessages(failure.getCause());
        Throwable copy = new Throwable(describe(failure), cause, false, true) {
            @Override
            public String toString() {
                return getMessage();
            }
        };
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static String describe(Throwable t) {
        String name = t.getClass().getName();
        return t instanceof SQLException sql ? name + " (SQL state " + sql.getSQLState() + ", code " + sql.getErrorCode() + ")" : name;
    }

    private static String causes(Throwable failure) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            b.append(" <- ").append(describe(t));
            if (t.getCause() == null) {
                break;
            }
        }
        return b.toString();
    }
}
