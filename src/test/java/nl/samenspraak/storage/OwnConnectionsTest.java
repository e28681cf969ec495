package nl.samenspraak.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connections outside the pool open the pool's database while it is open, and none once it is closed: the service
 * is stopping, and an embedded database whose folder was removed meanwhile must not come back as a new, empty file
 * (seen in CI: a check at shutdown made one again while a test's folder was being removed).
 */
class OwnConnectionsTest {
    @Test
    void opensThePoolsDatabaseOnlyWhileThePoolIsOpen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("samenspraak.mv.db");
        OwnConnections connections = new OwnConnections();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:file:" + dir.resolve("samenspraak") + ";MODE=PostgreSQL");
            pool.setUsername("sa");
            pool.setPassword("");
            connections.of(pool);
            try (Connection c = connections.open(1)) {
                assertTrue(c.isValid(1));
            }
            assertTrue(Files.exists(file));
        }
        Files.delete(file);

        assertThrows(SQLException.class, () -> connections.open(1), "the pool is closed: the service is stopping");
        assertFalse(Files.exists(file), "no new, empty database where the old one was removed");
    }
}
