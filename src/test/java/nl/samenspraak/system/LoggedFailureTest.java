package nl.samenspraak.system;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLDataException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the log shows of a failure: never what a database quoted of someone's data, always where it went wrong. */
class LoggedFailureTest {
    private static final String ID = "01a2431d-fa03-7ed4-abe8-9d15d3bb73bf";
    private static final String WORDS = "Wij zijn gevlucht uit Aleppo";

    /** As H2 and Micronaut Data report a value that does not fit its column. */
    private static RuntimeException tooLong() {
        SQLDataException database = new SQLDataException("Value too long for column \"draft CHARACTER VARYING(60000)\": "
                + "\"'{\"\"conversation\"\":\"\"" + ID + "\"\",\"\"parts\"\":\"\"" + WORDS + "\"\"}' (60001)\"", "22001", 22001);
        return new IllegalStateException("Error executing SQL UPDATE: " + database.getMessage(), database);
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void aDatabaseErrorIsLoggedWithoutTheDataItQuotes() {
        RuntimeException failure = tooLong();
        String logged = printed(LoggedFailure.of(failure));
        assertFalse(logged.contains(ID), logged);
        assertFalse(logged.contains(WORDS), logged);
        assertTrue(logged.contains("java.lang.IllegalStateException") && logged.contains("java.sql.SQLDataException (SQL state 22001, code 22001)"),
                "which failures, and the database's codes: " + logged);
        assertTrue(logged.contains("LoggedFailureTest.tooLong"), "and where: " + logged);
        String line = LoggedFailure.summary(failure);
        assertEquals("java.lang.IllegalStateException <- java.sql.SQLDataException (SQL state 22001, code 22001)", line);
    }

    @Test
    void aFailureWithNoDatabaseErrorIsLoggedAsItIs() {
        RuntimeException failure = new IllegalArgumentException("step 'rol' has no option 'x'");
        assertSame(failure, LoggedFailure.of(failure));
        assertEquals(failure.toString(), LoggedFailure.summary(failure));
    }
}
