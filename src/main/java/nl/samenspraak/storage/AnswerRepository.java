package nl.samenspraak.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AnswerRepository extends CrudRepository<AnswerRecord, Long> {

    List<AnswerRecord> findByConversationId(String conversationId);

    void deleteByConversationId(String conversationId);

    @Query("UPDATE answer SET answer_value = :answerValue, language = :language, entered_by = :enteredBy, "
            + "updated_at = :updatedAt WHERE conversation_id = :conversationId AND step_id = :stepId")
    long updateValue(String conversationId, String stepId, @Nullable String answerValue, String language, String enteredBy,
                     Instant updatedAt);
}
