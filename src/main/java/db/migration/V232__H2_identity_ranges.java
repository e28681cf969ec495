package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;

/**
 * On H2 only: the tables that get a row for every answer or every message sent take their ids from ranges of a
 * thousand instead of H2's default 32. H2 records the end of a range in its own metadata with a commit of its own,
 * so with 32 every 32nd answer cost a second write to disk; under load that was an eighth of the database writer's
 * time (docs/performance-log.md, ninth session). Ids stay unique and rising; a range cut short by a crash leaves a gap,
 * which nothing reads. PostgreSQL keeps its sequences as they are: its cache is per connection, so ids given out by
 * two connections would interleave out of order, and the Telegram outbox sends a chat's messages in id order.
 */
public class V232__H2_identity_ranges extends BaseJavaMigration {
    private static final String[] TABLES = {"answer", "telegram_outbox"};

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            for (String table : TABLES) {
                s.execute("alter table " + table + " alter column id set cache 1000");
            }
        }
    }
}
