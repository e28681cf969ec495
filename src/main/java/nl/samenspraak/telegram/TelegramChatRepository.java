package nl.samenspraak.telegram;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TelegramChatRepository extends CrudRepository<TelegramChatRecord, String> {
    /**
     * Drops what the chats in {@code conversationId} keep of it: typing, last text answer, review, toggles, a PDF
     * asked for, and which question its live buttons answer. A step id names its flow (`kennis_communicatie` is
     * werk-jij's), so the live buttons keep only {@link TelegramChatRecord#GONE}: enough to tell the person who taps
     * them that the conversation is gone, nothing of which it was (nor the mark of their list of options, which
     * names the flow no less).
     */
    @Query("UPDATE telegram_chat SET draft = NULL, last_text = NULL, pending = NULL, selection = NULL, pdf_asked_at = NULL, live_list = NULL, "
            + "live_step = CASE WHEN live_step IS NULL THEN NULL ELSE '" + TelegramChatRecord.GONE + "' END "
            + "WHERE conversation_id = :conversationId")
    long forgetTexts(String conversationId);

    /** Takes the chats that are still in a conversation of {@code flowId} finished before {@code before} out of it. */
    @Query("UPDATE telegram_chat SET conversation_id = NULL, live_message_id = NULL, live_step = NULL, live_list = NULL, selection = NULL, "
            + "draft = NULL, last_text = NULL, pending = NULL, pdf_asked_at = NULL WHERE conversation_id IN (SELECT id FROM conversation "
            + "WHERE flow_id = :flowId AND status <> 'active' AND updated_at < :before)")
    long leaveFinished(String flowId, java.time.Instant before);

    /** As {@link #leaveFinished}, for the conversations of every flow not in {@code flowIds} (never empty). */
    @Query("UPDATE telegram_chat SET conversation_id = NULL, live_message_id = NULL, live_step = NULL, live_list = NULL, selection = NULL, "
            + "draft = NULL, last_text = NULL, pending = NULL, pdf_asked_at = NULL WHERE conversation_id IN (SELECT id FROM conversation "
            + "WHERE flow_id NOT IN (:flowIds) AND status <> 'active' AND updated_at < :before)")
    long leaveFinishedOfOtherFlows(java.util.List<String> flowIds, java.time.Instant before);

    /** Forgets the chats that have been in no conversation since {@code before}: nothing of theirs is left to keep. */
    @Query("DELETE FROM telegram_chat WHERE conversation_id IS NULL AND updated_at < :before AND NOT EXISTS "
            + "(SELECT 1 FROM telegram_conversation tc WHERE tc.chat_hash = telegram_chat.chat_hash)")
    long forgetIdle(java.time.Instant before);
}
