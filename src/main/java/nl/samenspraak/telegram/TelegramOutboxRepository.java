package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox's rows (see {@link Outbox}); every change of a row's lease is one conditional statement. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TelegramOutboxRepository extends CrudRepository<OutboxRow, Long> {

    /**
     * The chat's first row not yet sent, a file aside ({@link OutboxRow#DOCUMENT}, outside the chat's order): the only
     * one that may be sent now.
     */
    @Query("SELECT * FROM telegram_outbox WHERE bot_id = :botId AND chat_id = :chatId AND sent_at IS NULL AND kind <> 'document' "
            + "ORDER BY id LIMIT 1")
    Optional<OutboxRow> head(long botId, long chatId);

    /** Whether a row of {@code kind} waits for the chat (not yet sent, nor withdrawn). */
    boolean existsByBotIdAndChatIdAndKindAndSentAtIsNull(long botId, long chatId, String kind);

    /**
     * The first waiting row of every chat that is due, free, and not the business of the sender that wrote
     * it a moment ago ({@code attempts > 0}, or older than {@code fresh}); and so every file no earlier row of its chat
     * still waits for (files wait for nothing written after them, nor for each other).
     */
    @Query("SELECT * FROM telegram_outbox o WHERE o.bot_id = :botId AND o.sent_at IS NULL AND o.not_before <= :now "
            + "AND (o.lease_until IS NULL OR o.lease_until < :now) AND (o.attempts > 0 OR o.created_at < :fresh) "
            + "AND o.id = (SELECT min(h.id) FROM telegram_outbox h WHERE h.bot_id = o.bot_id AND h.chat_id = o.chat_id "
            + "AND h.sent_at IS NULL AND (h.kind <> 'document' OR h.id = o.id)) ORDER BY o.id LIMIT :limit")
    List<OutboxRow> dueHeads(long botId, Instant now, Instant fresh, int limit);

    /** 1 when this sender now holds the row, 0 when it is not due, sent, or held by another sender. */
    @Query("UPDATE telegram_outbox SET lease_owner = :owner, lease_until = :until WHERE id = :id AND sent_at IS NULL "
            + "AND not_before <= :now AND (lease_until IS NULL OR lease_until < :now)")
    long claim(long id, String owner, Instant now, Instant until);

    /**
     * As {@link #claim}, also when this sender holds the row already (a file it is making renews its hold): 1 when it
     * now holds the row, 0 when it was withdrawn, sent, is not due, or is held by another sender.
     */
    @Query("UPDATE telegram_outbox SET lease_owner = :owner, lease_until = :until WHERE id = :id AND sent_at IS NULL "
            + "AND not_before <= :now AND (lease_until IS NULL OR lease_until < :now OR lease_owner = :owner)")
    long hold(long id, String owner, Instant now, Instant until);

    /** Sent (or given up, without a message id): the chat id, the text and its conversation are not kept. */
    @Query("UPDATE telegram_outbox SET sent_at = :now, message_id = :messageId, body = NULL, chat_id = 0, conversation_id = NULL, "
            + "lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner")
    long sent(long id, String owner, Instant now, @Nullable Long messageId);

    /**
     * A deletion Telegram refused, given up as {@link #sent} gives a row up, with nothing but that it was refused (a
     * reply written after it says so, see {@link Outbox#textAfter}); {@code body}: {@link Outbox#REFUSED}.
     */
    @Query("UPDATE telegram_outbox SET sent_at = :now, message_id = NULL, body = :body, chat_id = 0, "
            + "conversation_id = NULL, lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner")
    long refused(long id, String owner, Instant now, String body);

    /**
     * The messages about {@code conversationId} still waiting are withdrawn: given up as a refused one is (no message
     * id, so a change of its buttons has nothing to change), without text, chat id or conversation, and the chat's
     * next row goes in its turn. A sender trying one at this moment finds its lease gone.
     */
    @Query("UPDATE telegram_outbox SET sent_at = :now, message_id = NULL, body = NULL, chat_id = 0, conversation_id = NULL, "
            + "lease_owner = NULL, lease_until = NULL WHERE sent_at IS NULL AND conversation_id = :conversationId")
    long withdraw(String conversationId, Instant now);

    /**
     * As {@link #withdraw}, every message and change of buttons still waiting for the chat ({@code /vergeet}: what
     * nobody has seen need not be shown), a deletion not; a sender trying one at this moment finds its lease gone, and
     * deletes what it just sent ({@link OutboxSender}).
     */
    @Query("UPDATE telegram_outbox SET sent_at = :now, message_id = NULL, body = NULL, chat_id = 0, conversation_id = NULL, "
            + "lease_owner = NULL, lease_until = NULL WHERE bot_id = :botId AND chat_id = :chatId AND sent_at IS NULL AND kind <> 'delete'")
    long withdrawChat(long botId, long chatId, Instant now);

    /**
     * Everything still waiting for the chat is given up at once, as {@link #sent} gives a row up, a file and a deletion
     * too (a deletion kept as refused, {@code refused}: {@link Outbox#REFUSED}): Telegram answered 403, the person
     * blocked the bot, and would refuse each row in turn. A sender trying one at this moment finds its lease gone.
     */
    @Query("UPDATE telegram_outbox SET sent_at = :now, message_id = NULL, "
            + "body = CASE WHEN kind = 'delete' THEN :refused ELSE NULL END, chat_id = 0, conversation_id = NULL, "
            + "lease_owner = NULL, lease_until = NULL WHERE bot_id = :botId AND chat_id = :chatId AND sent_at IS NULL")
    long giveUpChat(long botId, long chatId, Instant now, String refused);

    /** As {@link #withdraw}, for the conversations of {@code flowId} finished before {@code before}. */
    @Query("UPDATE telegram_outbox SET sent_at = :now, message_id = NULL, body = NULL, chat_id = 0, conversation_id = NULL, "
            + "lease_owner = NULL, lease_until = NULL WHERE sent_at IS NULL AND conversation_id IN (SELECT id FROM conversation "
            + "WHERE flow_id = :flowId AND status <> 'active' AND updated_at < :before)")
    long withdrawFinished(String flowId, Instant before, Instant now);

    /** As {@link #withdrawFinished}, for the conversations of every flow not in {@code flowIds} (never empty). */
    @Query("UPDATE telegram_outbox SET sent_at = :now, message_id = NULL, body = NULL, chat_id = 0, conversation_id = NULL, "
            + "lease_owner = NULL, lease_until = NULL WHERE sent_at IS NULL AND conversation_id IN (SELECT id FROM conversation "
            + "WHERE flow_id NOT IN (:flowIds) AND status <> 'active' AND updated_at < :before)")
    long withdrawFinishedOfOtherFlows(java.util.List<String> flowIds, Instant before, Instant now);

    /** Not sent this time: try again from {@code notBefore}. */
    @Query("UPDATE telegram_outbox SET attempts = attempts + 1, not_before = :notBefore, lease_owner = NULL, "
            + "lease_until = NULL WHERE id = :id AND lease_owner = :owner")
    long later(long id, String owner, Instant notBefore);

    /** Lets go of every row this sender holds (it is stopping). */
    @Query("UPDATE telegram_outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = :owner AND sent_at IS NULL")
    long release(String owner);

    /** Lets go of the rows of one chat this sender holds (they are to go after earlier rows, by whoever sends those). */
    @Query("UPDATE telegram_outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = :owner AND bot_id = :botId "
            + "AND chat_id = :chatId AND sent_at IS NULL")
    long releaseChat(String owner, long botId, long chatId);

    /** A chat whose live buttons were known only by their outbox row gets the Telegram message id. */
    @Query("UPDATE telegram_chat SET live_message_id = :messageId WHERE live_message_id = :placeholder")
    long liveSent(long placeholder, long messageId);

    /**
     * The chat's result PDF was given up ({@link OutboxSender}): its tap of "Als PDF" is noted no longer, so the next
     * tries again rather than being told the file is on its way.
     */
    @Query("UPDATE telegram_chat SET pdf_asked_at = NULL WHERE chat_hash = :chatHash")
    long pdfGivenUp(String chatHash);

    @Query("DELETE FROM telegram_outbox WHERE sent_at < :before")
    long prune(Instant before);
}
