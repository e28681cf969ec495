package nl.samenspraak.telegram;

import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.util.List;

/**
 * Everything the bot sends goes through here: a reply cut into parts below Telegram's limit (the buttons on
 * the last part), lines marked right-to-left for such a language, buttons taken off, callbacks answered.
 * Messages and button changes are written to the {@link Outbox} and then tried at once; when Telegram is
 * slow to take them, the {@link OutboxSender} delivers them later, in order, without holding up anyone.
 * A callback is answered directly, once: its spinner stops by itself and a late answer is worth nothing.
 * Deciding what to send is not this class's job.
 */
final class ReplySender {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReplySender.class);
    private static final int NOTICE_LIMIT = 200;
    /**
     * While an update is handled as one commit ({@link #afterCommit}): what is to go to Telegram once that commit is
     * made (the chats whose outbox rows to send, the callbacks to answer), in order, and the rows written, per chat.
     * Null otherwise: sent at once.
     */
    private final ThreadLocal<Unit> held = new ThreadLocal<>();

    /** What one update's commit holds back until it is made. */
    private static final class Unit {
        final java.util.LinkedHashMap<Object, Runnable> waiting = new java.util.LinkedHashMap<>();
        final java.util.Map<Long, List<OutboxRow>> written = new java.util.HashMap<>();
    }

    private final BotApiSender api;
    private final Outbox outbox;
    private final OutboxSender delivery;
    private final TelegramWords words;

    ReplySender(BotApiSender api, Outbox outbox, OutboxSender delivery, TelegramWords words) {
        this.api = api;
        this.outbox = outbox;
        this.delivery = delivery;
        this.words = words;
    }

    /**
     * Sends a reply; the Telegram id of its last part, or while that part waits in the outbox its
     * placeholder (negative, see {@link Outbox#placeholder}); null when there was nothing to send.
     */
    Long send(long chatId, Reply reply) {
        return send(chatId, reply, true);
    }

    /**
     * As {@link #send(long, Reply)}, for a message whose id is not noted for {@code /vergeet} ({@link ChatMessages}):
     * the reply that says the chat's messages were deleted, which leaves no row of the chat behind.
     */
    Long sendUnnoted(long chatId, Reply reply) {
        return send(chatId, reply, false, null, List.of());
    }

    /**
     * As {@link #sendUnnoted}, for words that hold only when the deletions {@code deletions} (outbox row ids, written
     * before it) went: when one of them was refused, {@code otherwise} (same language and buttons) is sent instead.
     */
    Long sendUnnotedUnlessRefused(long chatId, Reply reply, String otherwise, List<Long> deletions) {
        return send(chatId, reply, false, otherwise, deletions);
    }

    private Long send(long chatId, Reply reply, boolean noted) {
        return send(chatId, reply, noted, null, List.of());
    }

    private Long send(long chatId, Reply reply, boolean noted, String otherwise, List<Long> deletions) {
        boolean rtl = words.language(reply.language()).rightToLeft();
        String text = rtl ? TelegramHtml.rightToLeft(TelegramHtml.isolateLeftToRight(reply.html())) : reply.html();
        List<String> parts = TelegramHtml.split(text, TelegramHtml.MESSAGE_LIMIT - 1);
        Outbox.UnlessDeleted unlessDeleted = null;
        if (otherwise != null && !deletions.isEmpty()) {
            String other = rtl ? TelegramHtml.rightToLeft(TelegramHtml.isolateLeftToRight(otherwise)) : otherwise;
            if (parts.size() != 1 || TelegramHtml.split(other, TelegramHtml.MESSAGE_LIMIT - 1).size() != 1) {
                throw new IllegalArgumentException("words that depend on a deletion are one message");
            }
            unlessDeleted = new Outbox.UnlessDeleted(rtl && !other.startsWith(String.valueOf(TelegramHtml.RLM)) ? TelegramHtml.RLM + other : other,
                    deletions);
        }
        Long last = null;
        Unit unit = held.get();
        for (int i = 0; i < parts.size(); i++) {
            String part = rtl && !parts.get(i).startsWith(String.valueOf(TelegramHtml.RLM)) ? TelegramHtml.RLM + parts.get(i) : parts.get(i);
            InlineKeyboardMarkup keyboard = i == parts.size() - 1 ? reply.keyboard() : null;
            last = unit == null ? outbox.send(chatId, part, keyboard, reply.conversation(), null, noted, unlessDeleted).id()
                    : written(unit, outbox.send(chatId, part, keyboard, reply.conversation(), delivery.owner(), noted, unlessDeleted));
        }
        if (last == null) {
            return null;
        }
        deliverNow(chatId);
        long placeholder = Outbox.placeholder(last);
        // inside an update's commit the row is not committed yet, so certainly not sent: no need to look
        return unit != null ? placeholder : outbox.messageId(placeholder).orElse(placeholder);
    }

    /**
     * Deletes the chat's messages {@code ids} (groups of at most {@link ChatMessages#PER_CALL}), in their turn; returns
     * the outbox rows of the deletions, one a group.
     */
    List<Long> deleteMessages(long chatId, List<List<Integer>> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Unit unit = held.get();
        List<Long> rows = new java.util.ArrayList<>();
        for (List<Integer> call : ids) {
            rows.add(unit == null ? outbox.delete(chatId, call, null).id() : written(unit, outbox.delete(chatId, call, delivery.owner())));
        }
        deliverNow(chatId);
        return rows;
    }

    /**
     * Withdraws what still waits to go to the chat, messages and changes of buttons, not deletions, in the caller's
     * commit ({@code /vergeet}); a message on its way is deleted once it arrived ({@link OutboxSender}).
     */
    void withdrawWaiting(long chatId) {
        outbox.withdrawChat(chatId);
        delivery.dropFiles(chatId); // a result PDF made and waiting for Telegram holds the person's answers
    }

    /** Takes the buttons off a message (a Telegram id or a placeholder). */
    void removeButtons(long chatId, long message) {
        buttons(chatId, message, null);
    }

    void replaceButtons(long chatId, long message, InlineKeyboardMarkup keyboard) {
        buttons(chatId, message, keyboard);
    }

    private void buttons(long chatId, long message, InlineKeyboardMarkup keyboard) {
        Unit unit = held.get();
        if (unit == null) {
            outbox.buttons(chatId, message, keyboard);
        } else {
            written(unit, outbox.buttons(chatId, message, keyboard, delivery.owner()));
        }
        deliverNow(chatId);
    }

    /** Notes a row the update's commit writes, held by this instance's sender, to send once that commit is made. */
    private static long written(Unit unit, OutboxRow row) {
        unit.written.computeIfAbsent(row.chatId(), c -> new java.util.ArrayList<>()).add(row);
        return row.id();
    }

    /**
     * Runs {@code committing} (the handling of one update, inside the use case's one commit) and only after it
     * returns tries what it wrote to the outbox and answers its callbacks: a reply is never sent for an answer that
     * was not kept, and a row not yet committed is never looked for. When it fails nothing of it is sent (its rows
     * are gone with the rollback); the caller apologises. A failure after the commit is only logged: the rows are
     * stored, and the outbox's scan sends them.
     */
    void afterCommit(Runnable committing) {
        if (held.get() != null) {
            committing.run();
            return;
        }
        delivery.noteMissed(); // what went while the database was away first: the update may be a tap on it
        Unit unit = new Unit();
        held.set(unit);
        try {
            committing.run();
        } finally {
            held.remove();
        }
        for (Runnable send : unit.waiting.values()) {
            try {
                send.run();
            } catch (RuntimeException e) {
                LOG.warn("Telegram reply stored, not yet sent ({}); the outbox sends it later", e.getClass().getSimpleName());
            }
        }
    }

    private void deliverNow(long chatId) {
        Unit unit = held.get();
        if (unit == null) {
            delivery.deliverNow(chatId);
        } else {
            unit.waiting.putIfAbsent(chatId, () -> deliverAfterCommit(unit, chatId));
        }
    }

    /** The chat's rows the update wrote, held by this sender since they were written; else what waits in the chat. */
    private void deliverAfterCommit(Unit unit, long chatId) {
        List<OutboxRow> rows = unit.written.get(chatId);
        if (rows == null || rows.isEmpty()) {
            delivery.deliverNow(chatId);
        } else {
            delivery.deliverWritten(chatId, rows);
        }
    }

    /**
     * Sends the result of {@code conversation} as a PDF, read as {@code caller}: written to the outbox in the update's
     * commit (so it survives a restart as a reply does, and forgetting the chat or the conversation withdraws it) and,
     * once that commit is made, its callback answered and the chat's waiting messages tried, made and sent on a thread
     * of the {@link OutboxSender}'s own. The chat's next update is not held up by the seconds of making it, so a reply
     * to it may come before the file. Whether it went is logged, without the chat.
     */
    void sendDocument(long chatId, String conversation, nl.samenspraak.conversation.Caller caller) {
        Unit unit = held.get();
        if (unit == null) {
            long row = outbox.document(chatId, conversation, caller, null).id();
            delivery.deliverNow(chatId);
            delivery.deliverDocument(row);
        } else {
            long row = outbox.document(chatId, conversation, caller, delivery.owner()).id();
            unit.waiting.putIfAbsent(chatId, () -> deliverAfterCommit(unit, chatId));
            unit.waiting.put(new Object(), () -> delivery.deliverDocument(row));
        }
    }

    /** The Telegram id of a message named by its id or placeholder, once it was sent. */
    java.util.Optional<Long> sentId(long message) {
        return outbox.messageId(message);
    }

    /** Now on the outbox's clock ({@link Outbox}): the time the chat's own moments are noted and read in. */
    java.time.Instant now() {
        return outbox.now();
    }

    /** Whether a result PDF for the chat is still on its way ({@link Outbox#documentWaiting}). */
    boolean documentWaiting(long chatId) {
        return outbox.documentWaiting(chatId);
    }

    /** Whether a reply ({@code message}: its placeholder) is still on its way to Telegram ({@link Outbox#onItsWay}). */
    boolean onItsWay(long message) {
        return outbox.onItsWay(message);
    }

    /**
     * Stops the button's spinner, with a short notice (or an alert) when there is one. A query without an id (never
     * Telegram's, but the webhook takes what comes with the secret) has no spinner to stop: it is not answered, rather
     * than sent to be refused and logged as a reply that waits.
     */
    void answerCallback(CallbackQuery query, String notice, boolean alert) {
        if (query.getId() == null || query.getId().isBlank()) {
            return;
        }
        String text = notice == null ? null : notice.length() > NOTICE_LIMIT ? notice.substring(0, NOTICE_LIMIT - 1) + "\u2026" : notice;
        Unit unit = held.get();
        if (unit != null) {
            // the spinner stops once the answer behind the tap is kept; first notice for a query wins
            unit.waiting.putIfAbsent("callback:" + query.getId(), () -> answerCallback(query, notice, alert));
            return;
        }
        api.once(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(text).showAlert(alert ? true : null).build());
    }
}
