package nl.samenspraak.telegram;

import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.util.List;

/**
 * Everything the bot sends goes through here: a reply cut into parts below Telegram's limit (the buttons on
 * the last part), lines marked right-to-left for such a language, buttons taken off, callbacks answered.
 * Retrying is {@link BotApiSender}'s job; deciding what to send is not this class's.
 */
final class ReplySender {
    private static final int NOTICE_LIMIT = 200;

    private final BotApiSender api;
    private final TelegramWords words;

    ReplySender(BotApiSender api, TelegramWords words) {
        this.api = api;
        this.words = words;
    }

    /** Sends a reply; the id of the last part sent, or null. */
    Integer send(long chatId, Reply reply) {
        boolean rtl = words.language(reply.language()).rightToLeft();
        String text = rtl ? TelegramHtml.rightToLeft(TelegramHtml.isolateLeftToRight(reply.html())) : reply.html();
        List<String> parts = TelegramHtml.split(text, TelegramHtml.MESSAGE_LIMIT - 1);
        Integer last = null;
        for (int i = 0; i < parts.size(); i++) {
            String part = rtl && !parts.get(i).startsWith(String.valueOf(TelegramHtml.RLM)) ? TelegramHtml.RLM + parts.get(i) : parts.get(i);
            InlineKeyboardMarkup keyboard = i == parts.size() - 1 ? reply.keyboard() : null;
            last = api.send(SendMessage.builder().chatId(String.valueOf(chatId)).text(part).parseMode("HTML")
                            .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                            .replyMarkup(keyboard).build())
                    .map(Message::getMessageId).orElse(null);
        }
        return last;
    }

    void removeButtons(long chatId, int messageId) {
        api.send(EditMessageReplyMarkup.builder().chatId(String.valueOf(chatId)).messageId(messageId).build());
    }

    void replaceButtons(long chatId, int messageId, InlineKeyboardMarkup keyboard) {
        api.send(EditMessageReplyMarkup.builder().chatId(String.valueOf(chatId)).messageId(messageId).replyMarkup(keyboard).build());
    }

    /** Stops the button's spinner, with a short notice (or an alert) when there is one. */
    void answerCallback(CallbackQuery query, String notice, boolean alert) {
        String text = notice == null ? null : notice.length() > NOTICE_LIMIT ? notice.substring(0, NOTICE_LIMIT - 1) + "\u2026" : notice;
        api.send(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(text).showAlert(alert ? true : null).build());
    }
}
