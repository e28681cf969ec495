package nl.samenspraak.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.samenspraak.support.OnPostgres;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** {@link TurnCostContract} on PostgreSQL, with the WAL written per turn (the whole server's, so a busy server adds to it). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "samenspraak.test.count-statements", value = "true")
class TurnCostPostgresTest extends TurnCostContract implements OnPostgres {
    @Override
    String database() {
        return "PostgreSQL";
    }

    @Override
    int statementsToStart() {
        return 4;
    }

    @Override
    int statementsToKeepAnAnswer() {
        return 1;
    }

    @Override
    long mark() {
        return walPosition();
    }

    @Override
    long bytesWrittenSince(long mark) {
        return walPosition() - mark;
    }

    private long walPosition() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
