package nl.samenspraak.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Conversations moved back in time, as if started {@code ago}: the dashboard counts a conversation in the period it
 * started in, and a test cannot wait a month for a second one. Written to the table directly (no use case moves a
 * start), outside any transaction of the service's.
 */
public final class Backdated {
    private Backdated() {
    }

    public static void started(DataSource dataSource, Duration ago, Collection<String> conversationIds) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE conversation SET created_at = ? WHERE id = ?")) {
            for (String id : conversationIds) {
                s.setTimestamp(1, Timestamp.from(Instant.now().minus(ago)));
                s.setString(2, id);
                s.executeUpdate();
            }
        }
    }
}
