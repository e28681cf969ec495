package nl.samenspraak.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The statements of an answered turn, in plain JDBC on the caller's transaction: moving the conversation on (on
 * condition of the version it was judged against) and keeping the answer. They run for every answer on the one
 * thread that writes (see {@link GroupCommit}); through the repositories, Micronaut Data walked its entity model
 * for each and asked the database for the new answer's generated key, which nobody reads: a tenth of that
 * thread's time under load (README, "Benchmark", ninth session). Everything else goes through the repositories.
 */
@Singleton
class TurnWrites {
    private final JdbcOperations jdbc;

    TurnWrites(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves a conversation on if nobody else did since {@code version}; false when someone did. */
    boolean advance(String id, long version, String status, @Nullable String currentStep, String path, Instant at) {
        return jdbc.prepareStatement("UPDATE conversation SET status = ?, current_step = ?, path = ?, updated_at = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?", statement -> {
            statement.setString(1, status);
            statement.setString(2, currentStep);
            statement.setString(3, path);
            statement.setObject(4, at(at));
            statement.setString(5, id);
            statement.setLong(6, version);
            return statement.executeUpdate() == 1;
        });
    }

    /** A first answer to the step. */
    void insertAnswer(String conversationId, String stepId, @Nullable String value, String language, String enteredBy, Instant at) {
        jdbc.prepareStatement("INSERT INTO answer (conversation_id, step_id, answer_value, language, created_at, updated_at, "
                + "entered_by) VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, conversationId);
            statement.setString(2, stepId);
            statement.setString(3, value);
            statement.setString(4, language);
            statement.setObject(5, at(at));
            statement.setObject(6, at(at));
            statement.setString(7, enteredBy);
            return statement.executeUpdate();
        });
    }

    /** Replaces the answer to the step (answered again after going back); false when there was none. */
    boolean updateAnswer(String conversationId, String stepId, @Nullable String value, String language, String enteredBy, Instant at) {
        return jdbc.prepareStatement("UPDATE answer SET answer_value = ?, language = ?, entered_by = ?, updated_at = ? "
                + "WHERE conversation_id = ? AND step_id = ?", statement -> {
            statement.setString(1, value);
            statement.setString(2, language);
            statement.setString(3, enteredBy);
            statement.setObject(4, at(at));
            statement.setString(5, conversationId);
            statement.setString(6, stepId);
            return statement.executeUpdate() == 1;
        });
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
