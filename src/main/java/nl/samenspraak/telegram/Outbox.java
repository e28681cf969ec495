package nl.samenspraak.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The durable outbox: what the bot is to send is written here first, in the order it was decided, and an
 * {@link OutboxSender} delivers it. An update is acknowledged only after its replies are written, so a reply
 * survives a restart and a Bot API outage of any length. A message still waiting has no Telegram id yet: it is
 * named by the negative of its row id ({@link #placeholder}), which {@link #messageId} turns into the real id
 * once it was sent.
 */
@Singleton
class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The body a deletion Telegram refused keeps: that it was refused, nothing else. */
    static final String REFUSED = "{\"refused\":true}";

    private final TelegramOutboxRepository rows;
    private final io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;
    private final long botId;
    private final Clock clock;

    Outbox(TelegramOutboxRepository rows, io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions,
           TelegramSettings settings, @Nullable Clock clock) {
        this.rows = rows;
        this.transactions = transactions;
        this.botId = settings.botId();
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Writes a message to send, about no conversation; returns its row id. */
    long send(long chatId, String html, @Nullable InlineKeyboardMarkup keyboard) {
        return send(chatId, html, keyboard, (String) null);
    }

    /** Writes a message to send, about {@code conversation} (null: none); returns its row id. */
    long send(long chatId, String html, @Nullable InlineKeyboardMarkup keyboard, @Nullable String conversation) {
        return send(chatId, html, keyboard, conversation, null).id();
    }

    /**
     * Writes a message to send, about {@code conversation} (null: none; see {@link Reply#conversation}), held from the
     * start by the sender {@code leasedTo} when not null (the update's own sender, which sends it right after the
     * update's commit: no separate commit to take it); returns the row.
     */
    OutboxRow send(long chatId, String html, @Nullable InlineKeyboardMarkup keyboard, @Nullable String conversation,
                   @Nullable String leasedTo) {
        return send(chatId, html, keyboard, conversation, leasedTo, true);
    }

    /**
     * As above; {@code noted} false for a message whose id is not to be noted for {@code /vergeet} ({@link ChatMessages}):
     * the reply that says the chat was forgotten, which would otherwise leave a row of that chat behind.
     */
    OutboxRow send(long chatId, String html, @Nullable InlineKeyboardMarkup keyboard, @Nullable String conversation,
                   @Nullable String leasedTo, boolean noted) {
        return send(chatId, html, keyboard, conversation, leasedTo, noted, null);
    }

    /**
     * As above, with {@code unlessDeleted} when the words depend on deletions written before ({@code /vergeet}): the
     * text to send instead when one of those deletion rows was refused ({@link #textAfter}).
     */
    OutboxRow send(long chatId, String html, @Nullable InlineKeyboardMarkup keyboard, @Nullable String conversation,
                   @Nullable String leasedTo, boolean noted, @Nullable UnlessDeleted unlessDeleted) {
        ObjectNode body = JSON.createObjectNode().put("text", html);
        if (!noted) {
            body.put("unnoted", true);
        }
        if (unlessDeleted != null) {
            body.put("notDeleted", unlessDeleted.html());
            unlessDeleted.deletions().forEach(body.putArray("deletions")::add);
        }
        if (keyboard != null) {
            body.set("keyboard", JSON.valueToTree(keyboard));
        }
        return insert(chatId, OutboxRow.SEND, body, null, null, leasedTo, conversation);
    }

    /** Writes a change of a message's buttons (none: {@code keyboard} null); the message is a Telegram id or a placeholder. */
    long buttons(long chatId, long message, @Nullable InlineKeyboardMarkup keyboard) {
        return buttons(chatId, message, keyboard, null).id();
    }

    /** As {@link #buttons(long, long, InlineKeyboardMarkup)}, held from the start by {@code leasedTo} when not null. */
    OutboxRow buttons(long chatId, long message, @Nullable InlineKeyboardMarkup keyboard, @Nullable String leasedTo) {
        ObjectNode body = JSON.createObjectNode();
        if (keyboard != null) {
            body.set("keyboard", JSON.valueToTree(keyboard));
        }
        // a change of buttons carries no one's words (labels and callback data of the flow's own): never withdrawn
        return message < 0 ? insert(chatId, OutboxRow.BUTTONS, body, -message, null, leasedTo, null)
                : insert(chatId, OutboxRow.BUTTONS, body, null, message, leasedTo, null);
    }

    /** Writes the deletion of the chat's messages {@code ids} (at most {@link ChatMessages#PER_CALL}), in its turn. */
    OutboxRow delete(long chatId, java.util.List<Integer> ids, @Nullable String leasedTo) {
        ObjectNode body = JSON.createObjectNode();
        ids.forEach(body.putArray("ids")::add);
        return insert(chatId, OutboxRow.DELETE, body, null, null, leasedTo, null);
    }

    /**
     * Writes the result of {@code conversation} as a file to send ({@link OutboxRow#DOCUMENT}), made from the
     * conversation as it is when its turn comes, read as {@code caller} (the chat as the use cases know it), held from
     * the start by {@code leasedTo} when not null. The row holds no words: forgetting the conversation or the chat
     * withdraws it as it does a message ({@link UnsentReplies}, {@link #withdrawChat}), and no file is made.
     */
    OutboxRow document(long chatId, String conversation, nl.samenspraak.conversation.Caller caller, @Nullable String leasedTo) {
        ObjectNode body = JSON.createObjectNode().put("public", caller.opensPublic());
        if (caller.accountId() != null) {
            body.put("account", caller.accountId());
        }
        return insert(chatId, OutboxRow.DOCUMENT, body, null, null, leasedTo, conversation);
    }

    /** Who a file row's conversation is read as ({@link #document}). */
    static nl.samenspraak.conversation.Caller caller(OutboxRow row) {
        JsonNode body = read(row);
        return new nl.samenspraak.conversation.Caller(body.hasNonNull("account") ? body.get("account").asLong() : null,
                body.path("public").asBoolean(true));
    }

    /** Withdraws everything still waiting for the chat but deletions ({@link TelegramOutboxRepository#withdrawChat}). */
    long withdrawChat(long chatId) {
        return rows.withdrawChat(botId, chatId, now());
    }

    /** Runs {@code work} as one commit (a sender's bookkeeping after it sent an update's replies). */
    void inOneCommit(Runnable work) {
        transactions.executeWrite(status -> {
            work.run();
            return null;
        });
    }

    /** The Telegram id of a message named by its id or its placeholder; empty while it waits (or was given up). */
    Optional<Long> messageId(long message) {
        return message >= 0 ? Optional.of(message) : rows.findById(-message).map(OutboxRow::messageId);
    }

    /**
     * Whether {@code message} (a placeholder) is a reply still on its way: its row is there, not yet sent. Another
     * instance may be sending it this moment; nobody has seen it.
     */
    boolean onItsWay(long message) {
        return message < 0 && rows.findById(-message).map(r -> r.sentAt() == null && r.messageId() == null).orElse(false);
    }

    /** Whether a result PDF for the chat waits to be made or sent (Telegram away, or its instance gone mid-way). */
    boolean documentWaiting(long chatId) {
        return rows.existsByBotIdAndChatIdAndKindAndSentAtIsNull(botId, chatId, OutboxRow.DOCUMENT);
    }

    static long placeholder(long rowId) {
        return -rowId;
    }

    long botId() {
        return botId;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    TelegramOutboxRepository rows() {
        return rows;
    }

    static String text(OutboxRow row) {
        return read(row).path("text").asText("");
    }

    @Nullable
    static InlineKeyboardMarkup keyboard(OutboxRow row) {
        JsonNode keyboard = read(row).get("keyboard");
        try {
            return keyboard == null || keyboard.isNull() ? null : JSON.treeToValue(keyboard, InlineKeyboardMarkup.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox row's buttons can't be read", e);
        }
    }

    private static JsonNode read(OutboxRow row) {
        try {
            return row.body() == null ? JSON.createObjectNode() : JSON.readTree(row.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox row can't be read", e);
        }
    }

    private OutboxRow insert(long chatId, String kind, ObjectNode body, @Nullable Long refId, @Nullable Long target,
                             @Nullable String leasedTo, @Nullable String conversation) {
        Instant now = now();
        return rows.save(new OutboxRow(null, botId, chatId, kind, body.toString(), refId, target, now, now, 0,
                leasedTo, leasedTo == null ? null : now.plus(OutboxSender.LEASE), null, null, conversation));
    }

    /** The words to send instead of a message's text when one of the deletions {@code deletions} (row ids) was refused. */
    record UnlessDeleted(String html, java.util.List<Long> deletions) {
    }

    /**
     * The text to send: the row's own, or, when it depends on deletions of which one was refused (or can no longer be
     * found, so was not seen to go), the words written for that.
     */
    static String textAfter(OutboxRow row, java.util.function.LongPredicate refused) {
        JsonNode body = read(row);
        if (body.hasNonNull("notDeleted")) {
            for (JsonNode deletion : body.path("deletions")) {
                if (refused.test(deletion.asLong())) {
                    return body.path("notDeleted").asText("");
                }
            }
        }
        return body.path("text").asText("");
    }

    /** Whether a deletion row, marked done, was refused ({@link TelegramOutboxRepository#refused}). */
    static boolean refused(OutboxRow row) {
        return row.sentAt() == null || read(row).path("refused").asBoolean(false);
    }

    /** The message ids a deletion names. */
    static java.util.List<Integer> ids(OutboxRow row) {
        java.util.List<Integer> ids = new java.util.ArrayList<>();
        read(row).path("ids").forEach(id -> ids.add(id.asInt()));
        return ids;
    }

    /** Whether the id of the message a row sends is to be noted for {@code /vergeet}. */
    static boolean noted(OutboxRow row) {
        return !read(row).path("unnoted").asBoolean(false);
    }

    /** Whether the row carries buttons (only such a message can be a chat's live one). */
    static boolean hasButtons(OutboxRow row) {
        return read(row).hasNonNull("keyboard");
    }
}
