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
    private static final int NOTICE_LIMIT = 200;

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
        boolean rtl = words.language(reply.language()).rightToLeft();
        String text = rtl ? TelegramHtml.rightToLeft(TelegramHtml.isolateLeftToRight(reply.html())) : reply.html();
        List<String> parts = TelegramHtml.split(text, TelegramHtml.MESSAGE_LIMIT - 1);
        Long last = null;
        for (int i = 0; i < parts.size(); i++) {
            String part = rtl && !parts.get(i).startsWith(String.valueOf(TelegramHtml.RLM)) ? TelegramHtml.RLM + parts.get(i) : parts.get(i);
            InlineKeyboardMarkup keyboard = i == parts.size() - 1 ? reply.keyboard() : null;
            last = outbox.send(chatId, part, keyboard);
        }
        if (last == null) {
            return null;
        }
        delivery.deliverNow(chatId);
        long placeholder = Outbox.placeholder(last);
        return outbox.messageId(placeholder).orElse(placeholder);
    }

    /** Takes the buttons off a message (a Telegram id or a placeholder). */
    void removeButtons(long chatId, long message) {
        outbox.buttons(chatId, message, null);
        delivery.deliverNow(chatId);
    }

    void replaceButtons(long chatId, long message, InlineKeyboardMarkup keyboard) {
        outbox.buttons(chatId, message, keyboard);
        delivery.deliverNow(chatId);
    }

    /** The Telegram id of a message named by its id or placeholder, once it was sent. */
    java.util.Optional<Long> sentId(long message) {
        return outbox.messageId(message);
    }

    /** Stops the button's spinner, with a short notice (or an alert) when there is one. */
    void answerCallback(CallbackQuery query, String notice, boolean alert) {
        String text = notice == null ? null : notice.length() > NOTICE_LIMIT ? notice.substring(0, NOTICE_LIMIT - 1) + "\u2026" : notice;
        api.once(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(text).showAlert(alert ? true : null).build());
    }
}
