package nl.samenspraak.system;

import java.sql.SQLException;

/**
 * Whether a failed write met a unique key another write took first (SQL state 23505, on PostgreSQL and H2 alike). A
 * check that a name is free and the insert after it are two steps: two admins (on two instances, or a form sent twice)
 * who create the same name at the same moment both find it free, and the later insert meets the key. Its request is
 * refused as if it had found the name taken, which it now is, and not answered with a 500.
 */
public final class UniqueKeyTaken {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueKeyTaken() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
