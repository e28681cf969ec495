package nl.samenspraak.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded database's file under a steady trickle of answers, written the way the service writes them (a commit
 * per answer: the conversation's row updated, the answer added): without compaction it grows with every commit,
 * because each commit's chunk keeps a page or two live for a long time; with {@link H2Compaction} looking in now and
 * then it stays a fraction of that size. {@code RETENTION_TIME=0} here only so that chunks may be reused at once
 * instead of after 45 s; the service keeps H2's 45 s.
 */
class H2CompactionTest {
    private static final int CONVERSATIONS = 300;
    private static final int ANSWERS = 10;

    @Test
    void theFileNoLongerGrowsWithEveryCommit(@TempDir Path dir) throws Exception {
        long without = fileAfterSteadyAnswers(dir.resolve("without"), Compacting.NEVER);
        long with = fileAfterSteadyAnswers(dir.resolve("with"), Compacting.EVERY_25_COMMITS);

        assertTrue(with * 2 < without, "with compaction " + with + " bytes, without " + without);
    }

    @Test
    void aBusyDatabaseIsLeftAlone(@TempDir Path dir) throws Exception {
        long compacted = fileAfterSteadyAnswers(dir.resolve("compacted"), Compacting.EVERY_25_COMMITS);
        long busy = fileAfterSteadyAnswers(dir.resolve("busy"), Compacting.BUSY);

        assertTrue(busy > compacted * 2, "at 250 commits a second " + busy + " bytes, at 5 a second " + compacted);
    }

    @Test
    void aStoppedCompactionNoLongerTouchesTheDatabase(@TempDir Path dir) throws Exception {
        long compacted = fileAfterSteadyAnswers(dir.resolve("compacted"), Compacting.EVERY_25_COMMITS);
        long stopped = fileAfterSteadyAnswers(dir.resolve("stopped"), Compacting.STOPPED);

        assertTrue(stopped > compacted * 2, "stopped " + stopped + " bytes, compacting " + compacted);
    }

    @Test
    void looksOnlyWhenTheDatabaseWasWrittenSinceTheLastLook(@TempDir Path dir) throws Exception {
        H2Compaction compaction = new H2Compaction(new OwnConnections(), DatabaseKind.of("jdbc:h2:mem:unused"), 1 << 20);
        try (Connection c = open(dir.resolve("db")); Statement s = c.createStatement()) {
            MVStore store = H2Compaction.store(c);
            assertNotNull(store);
            s.execute("create table t (id int primary key, v varchar(100))");
            for (int i = 0; i < 200; i++) {
                s.execute("merge into t values (" + (i % 20) + ", '" + "x".repeat(90) + i + "')");
            }
            compaction.compact(store);
            long version = store.getCurrentVersion();

            assertFalse(compaction.compact(store), "nothing written since the last look: nothing to do");
            assertEquals(version, store.getCurrentVersion(), "and no commit of its own");
        }
    }

    @Test
    void findsNoStoreBehindAnotherDatabase(@TempDir Path dir) throws Exception {
        try (Connection memory = DriverManager.getConnection("jdbc:h2:mem:compaction", "sa", "")) {
            assertNull(H2Compaction.store(memory), "an in-memory database has no file to compact");
        }
        try (Connection file = open(dir.resolve("db"))) {
            assertNotNull(H2Compaction.store(file));
        }
    }

    /**
     * A new database behind a pool, then answers one at a time, each its own commit, with the compaction looking in
     * every 25 commits the way the service's schedule does (every 5 s at 5 answers a second; or at 250 a second,
     * busy), or never, or stopped; returns the file's size at the end.
     */
    private static long fileAfterSteadyAnswers(Path base, Compacting compacting) throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(url(base));
            pool.setUsername("sa");
            pool.setPassword("");
            OwnConnections connections = new OwnConnections();
            connections.of(pool);
            long[] clock = {0};
            H2Compaction compaction = new H2Compaction(connections, DatabaseKind.of(url(base)), 512 * 1024, () -> clock[0]);
            if (compacting == Compacting.STOPPED) {
                compaction.stop();
            }
            try (Connection c = pool.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("create table conversation (id uuid primary key, flow_id varchar(64), team_id bigint,"
                            + " status varchar(16), step varchar(64), version int, answers_json varchar(4000))");
                    s.execute("create index conversation_team_flow_status on conversation (team_id, flow_id, status)");
                    s.execute("create table answer (id bigint generated by default as identity primary key,"
                            + " conversation_id uuid, step varchar(64), answer_value varchar(400))");
                    s.execute("create index answer_conversation on answer (conversation_id)");
                }
                c.setAutoCommit(false);
                int commits = 0;
                try (PreparedStatement start = c.prepareStatement("insert into conversation values (?, 'voorbeeld', ?, 'open', 'welkom', 0, '')");
                     PreparedStatement update = c.prepareStatement("update conversation set step = ?, version = version + 1, status = ?,"
                             + " answers_json = ? where id = ?");
                     PreparedStatement answer = c.prepareStatement("insert into answer (conversation_id, step, answer_value) values (?, ?, ?)")) {
                    for (int n = 0; n < CONVERSATIONS; n++) {
                        UUID id = UUID.randomUUID();
                        start.setObject(1, id);
                        start.setLong(2, n % 20);
                        start.executeUpdate();
                        c.commit();
                        StringBuilder answers = new StringBuilder();
                        for (int a = 0; a < ANSWERS; a++) {
                            answers.append("{\"step\":\"stap").append(a).append("\",\"value\":\"antwoord ").append(a).append("\"},");
                            update.setString(1, "stap" + (a + 1));
                            update.setString(2, a == ANSWERS - 1 ? "finished" : "open");
                            update.setString(3, answers.toString());
                            update.setObject(4, id);
                            update.executeUpdate();
                            answer.setObject(1, id);
                            answer.setString(2, "stap" + a);
                            answer.setString(3, "antwoord " + a);
                            answer.executeUpdate();
                            c.commit();
                            if (compacting != Compacting.NEVER && ++commits % 25 == 0) {
                                // 25 commits in 5 s, or in a tenth of a second when busy
                                clock[0] += compacting == Compacting.BUSY ? 100_000_000L : 5_000_000_000L;
                                compaction.run();
                            }
                        }
                    }
                }
            }
            return Files.size(base.resolveSibling(base.getFileName() + ".mv.db"));
        }
    }

    private enum Compacting { NEVER, EVERY_25_COMMITS, BUSY, STOPPED }

    private static Connection open(Path base) throws Exception {
        return DriverManager.getConnection(url(base), "sa", "");
    }

    private static String url(Path base) {
        return "jdbc:h2:file:" + base + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;RETENTION_TIME=0";
    }
}
