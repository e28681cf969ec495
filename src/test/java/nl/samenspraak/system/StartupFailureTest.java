package nl.samenspraak.system;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the first line of a failed start says about the database. A failure to connect or log in says why, in the
 * driver's words (no statement ran, so no stored value can be in them): a refused port, an unknown database and a
 * second instance on one H2 folder all read "SQL state 08001 (the database's message is left out)". A failure on a
 * statement keeps its message out, as it may quote a row.
 */
class StartupFailureTest {
    private static Throwable wrapped(SQLException sql) {
        return new RuntimeException("Error instantiating bean of type [javax.sql.DataSource]: " + sql.getMessage(), sql);
    }

    @Test
    void aRefusedPortAnUnknownDatabaseAndABusyH2FolderSayWhy() {
        String refused = StartupFailure.headline(wrapped(new SQLException(
                "Connection to 127.0.0.1:5999 refused. Check that the hostname and port are correct.", "08001")));
        assertTrue(refused.contains("could not be reached or opened: Connection to 127.0.0.1:5999 refused."), refused);
        String unknown = StartupFailure.headline(wrapped(new SQLException("FATAL: database \"probe3x\" does not exist", "3D000")));
        assertTrue(unknown.contains("database \"probe3x\" does not exist"), unknown);
        String busy = StartupFailure.headline(wrapped(new SQLException(
                "Database may be already in use: \"/srv/data/samenspraak.mv.db\".\nPossible solutions: close all other connection(s)",
                "90020", 90020)));
        assertTrue(busy.contains("Database may be already in use: \"/srv/data/samenspraak.mv.db\"."), busy);
        assertFalse(busy.contains("Possible solutions"), "one line: " + busy);
    }

    /** Micronaut's failures to use a setting, said in the line that names the setting as its environment variable. */
    @Test
    void aSettingsFailureIsSaidInOneLineByItsVariable() {
        Throwable duration = new RuntimeException("Failed to inject value for parameter [resultOpenFor] of class: "
                + "nl.samenspraak.conversation.ConversationSettings\n\nMessage: Failed to inject value\n"
                + "Message: Error resolving property value [samenspraak.conversation.result-open-for]. Unable to convert "
                + "value [7days] to target type [Duration]\nPath Taken: new X()");
        assertTrue(StartupFailure.reason(duration).equals("Error resolving property value [SAMENSPRAAK_CONVERSATION_RESULT_OPEN_FOR]. "
                + "Unable to convert value [7days] to target type [Duration]"), StartupFailure.reason(duration));
        Throwable range = new RuntimeException("outer", new IllegalStateException("Error instantiating bean of type "
                + "[nl.samenspraak.security.SecuritySettings]\n\nMessage: Validation failed for bean definition "
                + "[nl.samenspraak.security.SecuritySettings]\nList of constraint violations:[\n\t"
                + "nl.samenspraak.security.SecuritySettings.passwordMinLength - must be greater than or equal to 8\n]"));
        assertTrue(StartupFailure.reason(range).equals("SecuritySettings.passwordMinLength - must be greater than or equal to 8"),
                StartupFailure.reason(range));
        assertTrue(StartupFailure.reason(new RuntimeException("x", new IllegalArgumentException("Unknown time-zone ID: Europe/Amsterdan")))
                .equals("Unknown time-zone ID: Europe/Amsterdan"));
    }

    @Test
    void aStatementsFailureKeepsTheDatabasesMessageOut() {
        String tooLong = StartupFailure.headline(wrapped(new SQLException(
                "Value too long for column \"WORDS\": 'Wij zijn gevlucht, Kerkstraat 12'", "22001")));
        assertFalse(tooLong.contains("Kerkstraat"), tooLong);
        assertTrue(tooLong.contains("SQL state 22001") && tooLong.contains("left out"), tooLong);
    }
}
