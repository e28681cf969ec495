package nl.samenspraak.storage;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * Keeps the embedded database's file from growing with every commit. H2 writes each commit as a new chunk of the
 * file (every changed page and its parents), and a chunk's space is reused only once none of its pages is live. A
 * chunk that keeps one live page (a conversation's row no later commit touched) is kept whole, so at a steady pace
 * the file grew by several kilobytes per answer, whatever the data it held. H2 rewrites such chunks from a
 * background thread of its own, but only with {@code WRITE_DELAY} above 0, which would give up writing each commit
 * before the answer is acknowledged. So this does the same from here: now and then, while the database is open and
 * has been written since the last look, the live pages of a few old, sparsely used chunks are copied into the next
 * chunk (at most {@code samenspraak.h2-compaction.bytes} a time), after which the old chunks' space is reused.
 * Commits wait while it runs (H2's store lock), so it does little at a time, and nothing while the database is busy
 * (more than {@value #BUSY_COMMITS_PER_SECOND} commits a second since the last look): under the benchmark's full
 * load it cost a tenth of the answers a second, and the file is then mostly H2's last 45 s of chunks anyway. When
 * the rush is over it catches up. PostgreSQL is not touched.
 */
@Singleton
class H2Compaction {
    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);
    /** Compact when less than this share of the chunks' bytes is live; H2's own default for the same decision. */
    static final int FILL_RATE = 90;
    /** Above this many commits a second since the last look, the database is left alone until the next. */
    static final int BUSY_COMMITS_PER_SECOND = 100;

    private final OwnConnections connections;
    private final DatabaseKind database;
    private final int bytes;
    private final LongSupplier nanoTime;
    private long versionSeen = -1;
    private long lookedAt;
    private boolean stopped;

    @Inject
    H2Compaction(OwnConnections connections, DatabaseKind database, @Value("${samenspraak.h2-compaction.bytes}") int bytes) {
        this(connections, database, bytes, System::nanoTime);
    }

    H2Compaction(OwnConnections connections, DatabaseKind database, int bytes, LongSupplier nanoTime) {
        this.connections = connections;
        this.database = database;
        this.bytes = bytes;
        this.nanoTime = nanoTime;
    }

    @Scheduled(initialDelay = "${samenspraak.h2-compaction.every}", fixedDelay = "${samenspraak.h2-compaction.every}")
    synchronized void run() {
        if (stopped || bytes <= 0 || !connections.inUse() || database.postgres()) {
            return; // stopping, switched off, the pool holds no connection (nothing written since), or not H2
        }
        try (Connection c = connections.open(5)) {
            compact(store(c));
        } catch (SQLException | RuntimeException e) {
            LOG.debug("embedded database not compacted this time: {}", e.toString());
        }
    }

    /**
     * The service is stopping: waits for a compaction under way and starts none after it, so the database is not
     * held open (and its file written) after the pool closed.
     */
    @PreDestroy
    synchronized void stop() {
        stopped = true;
    }

    /**
     * Rewrites a little of the file's sparsest old chunks, if it was written since the last look and is not busy;
     * true if it did.
     */
    boolean compact(MVStore store) {
        if (store == null || store.isClosed()) {
            return false;
        }
        long now = nanoTime.getAsLong();
        long version = store.getCurrentVersion();
        long commits = version - versionSeen;
        boolean busy = versionSeen >= 0 && commits * 1_000_000_000L > BUSY_COMMITS_PER_SECOND * Math.max(1, now - lookedAt);
        lookedAt = now;
        if (commits == 0 || busy) {
            versionSeen = version;
            return false;
        }
        boolean rewrote = store.compact(FILL_RATE, bytes);
        if (rewrote) {
            store.commit();
        }
        versionSeen = store.getCurrentVersion();
        return rewrote;
    }

    /** The store behind an embedded H2 connection, or null for any other connection. */
    static MVStore store(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        var database = session.getDatabase();
        return database.isPersistent() && database.getStore() != null ? database.getStore().getMvStore() : null;
    }
}
