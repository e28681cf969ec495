package nl.samenspraak.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The audio of voice answers, one per conversation and step. Written by {@link ConversationStore} in the same
 * commit as the answer it belongs to; deleted with the conversation by the database (on delete cascade). Plain
 * JDBC: the key is two columns and the value a byte array, which a repository's mapping adds nothing to.
 */
@Singleton
class VoiceAnswers {
    private final JdbcOperations jdbc;

    VoiceAnswers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps {@code voice} as the answer to the step, in place of any earlier one (in the caller's transaction). */
    void put(String conversationId, String stepId, VoiceRecording voice, Instant now) {
        remove(conversationId, stepId);
        jdbc.prepareStatement("INSERT INTO voice_answer (conversation_id, step_id, audio, mime_type, duration_seconds, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, conversationId);
            statement.setString(2, stepId);
            statement.setBytes(3, voice.audio());
            statement.setString(4, voice.mimeType());
            statement.setInt(5, voice.durationSeconds());
            statement.setTimestamp(6, Timestamp.from(now));
            return statement.executeUpdate();
        });
    }

    void remove(String conversationId, String stepId) {
        jdbc.prepareStatement("DELETE FROM voice_answer WHERE conversation_id = ? AND step_id = ?", statement -> {
            statement.setString(1, conversationId);
            statement.setString(2, stepId);
            return statement.executeUpdate();
        });
    }

    void removeAll(String conversationId) {
        jdbc.prepareStatement("DELETE FROM voice_answer WHERE conversation_id = ?", statement -> {
            statement.setString(1, conversationId);
            return statement.executeUpdate();
        });
    }

    Optional<VoiceRecording> find(String conversationId, String stepId) {
        return jdbc.prepareStatement("SELECT audio, mime_type, duration_seconds FROM voice_answer WHERE conversation_id = ? "
                + "AND step_id = ?", statement -> {
            statement.setString(1, conversationId);
            statement.setString(2, stepId);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new VoiceRecording(rows.getBytes(1), rows.getString(2), rows.getInt(3)))
                        : Optional.<VoiceRecording>empty();
            }
        });
    }

    /** How many voice answers a conversation has (for tests and checks; the audio is not read). */
    int count(String conversationId) {
        return jdbc.prepareStatement("SELECT count(*) FROM voice_answer WHERE conversation_id = ?", statement -> {
            statement.setString(1, conversationId);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
