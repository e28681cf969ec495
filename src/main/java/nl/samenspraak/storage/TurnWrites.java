package nl.samenspraak.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of an answered turn, in plain JDBC on the caller's transaction: moving the conversation on (on
 * condition of the version it was judged against) and keeping the answer; on PostgreSQL also a start's (the
 * conversation with its resume code, {@link #queueStart}). They run for every answer on the one
 * thread that writes (see {@link GroupCommit}); through the repositories, Micronaut Data walked its entity model
 * for each and asked the database for the new answer's generated key, which nobody reads: 8% of that
 * thread's samples under load, H2's own work not counted (docs/performance-log.md, ninth session). Everything else goes through the repositories.
 */
@Singleton
class TurnWrites implements GroupCommit.Statements {
    private final JdbcOperations jdbc;
    private final DatabaseKind database;

    TurnWrites(JdbcOperations jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * The statement that moves a conversation on and keeps its answer at once, on PostgreSQL: the conditional update
     * feeds the insert, which replaces an answer given before going back. No row moved, no answer kept.
     */
    private static final String ADVANCE_AND_KEEP = "WITH moved AS (UPDATE conversation SET status = ?, current_step = ?, "
            + "path = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ? RETURNING id) "
            + "INSERT INTO answer (conversation_id, step_id, answer_value, language, created_at, updated_at, entered_by) "
            + "SELECT id, CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR) FROM moved "
            + "ON CONFLICT (conversation_id, step_id) DO UPDATE SET answer_value = excluded.answer_value, "
            + "language = excluded.language, entered_by = excluded.entered_by, updated_at = excluded.updated_at";

    /**
     * A new conversation and its resume code at once, on PostgreSQL: the code goes in first and, only when no other
     * conversation has it, feeds the conversation's insert (the code's foreign key is checked at the statement's
     * end, when both rows are there). One row when the conversation was written, none when its code was taken.
     * The columns are the ones the repository writes for a {@link ConversationRecord}, version 0.
     */
    private static final String START = "WITH kept AS (INSERT INTO conversation_code (code, conversation_id) "
            + "VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING conversation_id) "
            + "INSERT INTO conversation (id, flow_id, flow_version, language, channel, status, current_step, path, "
            + "resume_code, created_at, updated_at, version, team_id, wijk, held_by) "
            + "SELECT conversation_id, CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), "
            + "CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE), 0, CAST(? AS BIGINT), "
            + "CAST(? AS VARCHAR), CAST(? AS BIGINT) FROM kept";

    /** The answered turns queued for the batch's one round trip (see {@link #queueAdvanceAndKeep}). */
    private final Batch turns = new Batch(ADVANCE_AND_KEEP);
    /** The starts queued for the batch (see {@link #queueStart}). */
    private final Batch starts = new Batch(START);

    /**
     * Moves a conversation on if nobody else did since {@code version} and keeps the answer to {@code stepId}: a first
     * one, or one that replaces the answer given before going back ({@code answeredBefore}: the copy judged against
     * holds one). False, with nothing written, when someone did. On PostgreSQL this is one statement: the one thread
     * that writes waits out every statement's round trip, and under load the answer's own round trip was a fifth to
     * a quarter of its time (docs/performance-log.md, eleventh session). H2 runs in this process and takes two statements.
     */
    boolean advanceAndKeep(String id, long version, String status, @Nullable String currentStep, String path, Instant at,
                           String stepId, @Nullable String value, String language, String enteredBy, boolean answeredBefore) {
        if (onPostgres()) {
            return execute(ADVANCE_AND_KEEP, advanceAndKeepParameters(id, version, status, currentStep, path, at, stepId,
                    value, language, enteredBy)) == 1;
        }
        if (!advance(id, version, status, currentStep, path, at)) {
            return false;
        }
        if (!answeredBefore || !updateAnswer(id, stepId, value, language, enteredBy, at)) {
            insertAnswer(id, stepId, value, language, enteredBy, at);
        }
        return true;
    }

    /**
     * Whether answered turns and starts can be queued ({@link #queueAdvanceAndKeep}, {@link #queueStart}): on
     * PostgreSQL, where each is one statement that depends on nothing else in its batch. H2 runs in this process:
     * nothing to save.
     */
    boolean queues() {
        return onPostgres();
    }

    /**
     * As {@link #advanceAndKeep} on PostgreSQL, but only queued: it runs with the other queued turns of the batch at
     * the next {@link #send()}, in one round trip (the driver sends a batch's statements together), and
     * {@link #moved(int)} with the number returned then tells whether it moved the conversation and kept the answer.
     */
    int queueAdvanceAndKeep(String id, long version, String status, @Nullable String currentStep, String path, Instant at,
                            String stepId, @Nullable String value, String language, String enteredBy) {
        return turns.queue(advanceAndKeepParameters(id, version, status, currentStep, path, at, stepId, value, language,
                enteredBy));
    }

    /** The parameters of {@link #ADVANCE_AND_KEEP}, in its order. */
    private static Object[] advanceAndKeepParameters(String id, long version, String status, @Nullable String currentStep,
                                                     String path, Instant at, String stepId, @Nullable String value,
                                                     String language, String enteredBy) {
        return new Object[] {status, currentStep, path, at(at), id, version, stepId, value, language, at(at), at(at), enteredBy};
    }

    /**
     * A new conversation ({@code record}, version 0) and its resume code, on PostgreSQL, only queued as
     * {@link #queueAdvanceAndKeep} is: {@link #started(int)} with the number returned tells after the next
     * {@link #send()} whether it was written, or nothing was because another conversation has the code. Before,
     * a start was two statements, each its own round trip on the thread that writes.
     */
    int queueStart(ConversationRecord record) {
        return starts.queue(new Object[] {record.resumeCode(), record.id(), record.flowId(), record.flowVersion(),
                record.language(), record.channel(), record.status(), record.currentStep(), record.path(),
                record.resumeCode(), at(record.createdAt()), at(record.updatedAt()), record.teamId(), record.wijk(),
                record.heldBy()});
    }

    /** Whether the queued start {@code index} of the last send wrote its conversation (false: its code was taken). */
    boolean started(int index) {
        return starts.changedOne(index);
    }

    /** Whether the queued turn {@code index} of the last send moved its conversation (and so kept its answer). */
    boolean moved(int index) {
        return turns.changedOne(index);
    }

    /**
     * Sends the queued starts, then the queued turns, each kind as one batch. A turn never answers a conversation
     * started in the same batch (a start is acknowledged only after its commit), so the order between them does
     * not matter; within each kind it is the order they were queued in.
     */
    @Override
    public void send() {
        try {
            starts.send();
            turns.send();
        } finally {
            discard();
        }
    }

    @Override
    public void discard() {
        turns.queued.clear();
        starts.queued.clear();
    }

    /**
     * One statement's queued parameters, sent as one JDBC batch (one round trip), and how many rows each changed in
     * the last send, in the order they were queued. Used by the writer thread only.
     */
    private final class Batch {
        private final String sql;
        private final List<Object[]> queued = new ArrayList<>();
        private int[] changed = new int[0];

        Batch(String sql) {
            this.sql = sql;
        }

        int queue(Object[] parameters) {
            queued.add(parameters);
            return queued.size() - 1;
        }

        void send() {
            if (queued.isEmpty()) {
                return;
            }
            changed = jdbc.prepareStatement(sql, statement -> {
                for (Object[] parameters : queued) {
                    bind(statement, parameters);
                    statement.addBatch();
                }
                return statement.executeBatch();
            });
        }

        boolean changedOne(int index) {
            return changed[index] == 1;
        }
    }

    private boolean onPostgres() {
        return database.postgres();
    }

    /** Moves a conversation on if nobody else did since {@code version}; false when someone did. */
    boolean advance(String id, long version, String status, @Nullable String currentStep, String path, Instant at) {
        return execute("UPDATE conversation SET status = ?, current_step = ?, path = ?, updated_at = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?", status, currentStep, path, at(at), id, version) == 1;
    }

    /** A first answer to the step. */
    private void insertAnswer(String conversationId, String stepId, @Nullable String value, String language, String enteredBy, Instant at) {
        execute("INSERT INTO answer (conversation_id, step_id, answer_value, language, created_at, updated_at, entered_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", conversationId, stepId, value, language, at(at), at(at), enteredBy);
    }

    /** Replaces the answer to the step (answered again after going back); false when there was none. */
    private boolean updateAnswer(String conversationId, String stepId, @Nullable String value, String language, String enteredBy, Instant at) {
        return execute("UPDATE answer SET answer_value = ?, language = ?, entered_by = ?, updated_at = ? "
                + "WHERE conversation_id = ? AND step_id = ?", value, language, enteredBy, at(at), conversationId, stepId) == 1;
    }

    /** Runs {@code sql} with these parameters, in order (null for SQL NULL); the number of rows it changed. */
    private int execute(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    /** Sets the statement's parameters, in order (null for SQL NULL). */
    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
