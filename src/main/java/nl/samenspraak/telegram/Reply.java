package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * A message to send: Telegram HTML in {@code language} (whose direction decides how lines are marked),
 * with buttons or not; {@code step} is the step the buttons answer (null for menus). {@code conversation} is the
 * conversation whose words it may carry (a question echoing an answer, a result, the answers to check): while it
 * still waits in the outbox it goes with that conversation, never sent once the person had it forgotten
 * ({@link UnsentReplies}); null for what belongs to no conversation. {@code list}: the {@link Callback#mark} of the
 * list of options a question was shown with, in which its places (a button's, a number typed at numbered buttons)
 * count; null for anything else.
 */
record Reply(String html, String language, @Nullable InlineKeyboardMarkup keyboard, @Nullable String step,
             @Nullable String conversation, @Nullable String list) {

    Reply(String html, String language, @Nullable InlineKeyboardMarkup keyboard, @Nullable String step,
          @Nullable String conversation) {
        this(html, language, keyboard, step, conversation, null);
    }

    Reply(String html, String language, @Nullable InlineKeyboardMarkup keyboard, @Nullable String step) {
        this(html, language, keyboard, step, null);
    }

    static Reply text(String html, String language) {
        return new Reply(html, language, null, null);
    }

    /** This reply, as one about {@code conversationId} (when it names none yet; null leaves it as it is). */
    Reply about(@Nullable String conversationId) {
        return conversation != null || conversationId == null ? this : new Reply(html, language, keyboard, step, conversationId, list);
    }

    /** This reply's words as {@code changed}, the rest as it is. */
    Reply withHtml(String changed) {
        return new Reply(changed, language, keyboard, step, conversation, list);
    }
}
