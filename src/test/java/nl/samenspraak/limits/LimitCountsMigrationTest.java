package nl.samenspraak.limits;

import nl.samenspraak.support.MigratedH2;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V230 on a database with attempts counted one row each: a lock-out in progress still holds after the upgrade, and
 * every attempt keeps counting exactly until it leaves its window.
 */
class LimitCountsMigrationTest {
    @Test
    void attemptsCountedBeforeTheUpgradeStillCount() throws Exception {
        MigratedH2 database = MigratedH2.before("230");
        String url = database.url();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String at : new String[]{"2026-12-03 10:00:00+00", "2026-12-03 10:00:00+00", "2026-12-03 10:05:00+00"}) {
                s.executeUpdate("insert into limit_attempt (bucket, at) values ('locked', timestamp with time zone '" + at + "')");
            }
            s.executeUpdate("insert into limit_attempt (bucket, at) values ('other', timestamp with time zone '2026-12-03 09:00:00+00')");
            database.migrateTo("230"); // V234 empties the table again (LimitCountKeyedMigrationTest)
            assertEquals(3, count(s, "locked", "2026-12-03 10:00:00+00"), "all three from the window's start");
            assertEquals(1, count(s, "locked", "2026-12-03 10:00:01+00"), "the two at 10:00 left the window");
            assertEquals(1, count(s, "other", "2026-12-03 09:00:00+00"));
        }
    }

    private static long count(Statement s, String bucket, String since) throws Exception {
        try (ResultSet r = s.executeQuery("select coalesce(sum(attempts), 0) from limit_count where bucket = '" + bucket
                + "' and slot_end >= timestamp with time zone '" + since + "'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
