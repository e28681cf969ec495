package nl.samenspraak.storage;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AnswerRepository extends CrudRepository<AnswerRecord, Long> {

    List<AnswerRecord> findByConversationId(String conversationId);

    void deleteByConversationId(String conversationId);

    /** The answers to {@code stepIds}: given under an earlier version to questions that are others now. */
    void deleteByConversationIdAndStepIdInList(String conversationId, List<String> stepIds);
}
