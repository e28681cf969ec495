package nl.samenspraak.limits;

import nl.samenspraak.support.MigratedH2;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V234: counts stored under a plain SHA-256 of their bucket (which a copy of the database could turn back into an
 * address or a typed name) are gone after the upgrade; none of them could be matched under the keyed names anyway.
 */
class LimitCountKeyedMigrationTest {
    @Test
    void countsUnderPlainHashesGoAtTheUpgrade() throws Exception {
        MigratedH2 database = MigratedH2.before("234");
        try (Connection c = DriverManager.getConnection(database.url(), "sa", ""); Statement s = c.createStatement()) {
            // the SHA-256 of "start|192.0.2.1", as the limits stored it before
            s.executeUpdate("insert into limit_count (bucket, slot_end, attempts) values "
                    + "('" + sha256("start|192.0.2.1") + "', timestamp with time zone '2026-12-03 10:00:00+00', 3)");
            database.migrateAll();
            try (ResultSet r = s.executeQuery("select count(*) from limit_count")) {
                r.next();
                assertEquals(0, r.getLong(1));
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
