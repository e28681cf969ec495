package nl.samenspraak.telegram;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TelegramChatRepository extends CrudRepository<TelegramChatRecord, String> {
    /** Drops what the chats in {@code conversationId} keep of it in words: typing, last text answer, review, toggles. */
    @Query("UPDATE telegram_chat SET draft = NULL, last_text = NULL, pending = NULL, selection = NULL "
            + "WHERE conversation_id = :conversationId")
    long forgetTexts(String conversationId);
}
